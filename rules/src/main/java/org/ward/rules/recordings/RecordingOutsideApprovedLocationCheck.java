package org.ward.rules.recordings;

import java.util.List;

import org.ward.rules.facts.LocationKind;
import org.ward.rules.check.Check;
import org.ward.rules.check.CheckContext;
import org.ward.rules.findings.CheckOutcome;
import org.ward.rules.findings.FindingDraft;
import org.ward.rules.policy.Rule;

/**
 * RECORDING_OUTSIDE_APPROVED_LOCATION: a patient recording in a site the policy has not approved for its kind.
 * PASS: the site's registry entry approves the kind. FAIL: unregistered, or approved only for other kinds.
 * OneDrives are left to TEMPORARY_COPY_IN_ONEDRIVE, which says more about that case.
 */
final class RecordingOutsideApprovedLocationCheck implements Check<RecordingFacts> {

    @Override
    public CheckOutcome evaluate(RecordingFacts facts, Rule rule, CheckContext context) {
        if (facts.location().kind() == LocationKind.ONEDRIVE || facts.context().approvedFor(facts.recording().kind())) {
            return CheckOutcome.PASS;
        }
        String why = facts.context().registered()
                ? "the site is approved only for " + String.join(", ", facts.context().approvedKinds())
                : "the site is not in the policy's registry of approved locations";
        return CheckOutcome.found(FindingDraft.of(rule,
                "A " + facts.kindWords() + " is kept in " + facts.location().displayName() + ", which is not approved for it.",
                List.of("Classified as " + facts.kindWords() + " (score " + facts.recording().score() + ").",
                        "It is in " + facts.location().webUrl() + ": " + why + "."),
                facts.resource(), facts.owner()));
    }
}
