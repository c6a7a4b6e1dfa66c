package org.ward.rules.recordings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ward.rules.facts.LocationKind;
import org.ward.rules.check.Check;
import org.ward.rules.check.CheckContext;
import org.ward.rules.findings.CheckOutcome;
import org.ward.rules.findings.FindingDraft;
import org.ward.rules.policy.Rule;

/**
 * UNREGISTERED_SITE_HOLDS_RECORDINGS: a site, team or channel site that compliance never registered holds patient
 * recordings (parameter {@code minimumRecordings}). PASS: registered, or fewer recordings. OneDrives are personal
 * and are covered by TEMPORARY_COPY_IN_ONEDRIVE instead.
 */
final class UnregisteredSiteHoldsRecordingsCheck implements Check<LocationFacts> {

    @Override
    public CheckOutcome evaluate(LocationFacts facts, Rule rule, CheckContext context) {
        int minimum = rule.params().integer("minimumRecordings");
        if (facts.location().kind() == LocationKind.ONEDRIVE || facts.context().registered() || facts.recordings() < minimum) {
            return CheckOutcome.PASS;
        }
        List<String> reasons = new ArrayList<>();
        reasons.add("It holds " + facts.recordings() + " patient recording" + (facts.recordings() == 1 ? "" : "s") + " ("
                + String.join(", ", facts.kinds()) + ").");
        reasons.add(facts.location().webUrl() + " is not in the policy's registry of approved locations.");
        if (facts.location().createdDateTime() != null) {
            reasons.add("The site was created on " + facts.location().createdDateTime().toString().substring(0, 10) + ".");
        }
        facts.examples().forEach(path -> reasons.add("For example " + path + "."));
        return CheckOutcome.found(FindingDraft.of(rule, facts.location().displayName() + " holds patient recordings but"
                + " compliance has not registered it.", reasons, facts.resource(), facts.owner())
                .withDetails(Map.of("recordings", facts.recordings(), "kinds", List.copyOf(facts.kinds()))));
    }
}
