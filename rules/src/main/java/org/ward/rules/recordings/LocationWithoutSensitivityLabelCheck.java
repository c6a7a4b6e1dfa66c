package org.ward.rules.recordings;

import java.util.List;
import java.util.Map;

import org.ward.rules.classify.LabelVerdict;
import org.ward.rules.facts.LocationKind;
import org.ward.rules.check.Check;
import org.ward.rules.check.CheckContext;
import org.ward.rules.findings.CheckOutcome;
import org.ward.rules.findings.FindingDraft;
import org.ward.rules.policy.Rule;

/**
 * LOCATION_WITHOUT_SENSITIVITY_LABEL: a site or team holding patient recordings whose container carries no
 * sensitivity label, or a lower one than the pack requires. Graph cannot label an audio or video file, so the
 * container's label is what protects a recording. NOT EVALUATED where Graph does not expose the container's label
 * (sites without a Microsoft 365 group, OneDrives).
 */
final class LocationWithoutSensitivityLabelCheck implements Check<LocationFacts> {

    @Override
    public CheckOutcome evaluate(LocationFacts facts, Rule rule, CheckContext context) {
        if (facts.location().kind() == LocationKind.ONEDRIVE) {
            return CheckOutcome.notEvaluated("Graph exposes no sensitivity label for a OneDrive.");
        }
        LabelVerdict verdict = context.labels().containerSensitivity(facts.kinds(), facts.location().sensitivityLabel());
        switch (verdict.status()) {
            case NOT_EVALUATED:
                return CheckOutcome.notEvaluated("Graph does not expose the sensitivity label of a site without a Microsoft 365"
                        + " group.");
            case MISSING:
            case LOWER_THAN_REQUIRED:
            case UNKNOWN_LABEL:
                break;
            default:
                return CheckOutcome.PASS;
        }
        String title = verdict.status() == LabelVerdict.Status.MISSING
                ? facts.location().displayName() + " holds patient recordings but has no sensitivity label."
                : facts.location().displayName() + " holds patient recordings under the sensitivity label \""
                        + verdict.actual() + "\", below the required \"" + verdict.required() + "\".";
        return CheckOutcome.found(FindingDraft.of(rule, title,
                List.of("It holds " + facts.recordings() + " patient recording" + (facts.recordings() == 1 ? "" : "s") + " ("
                        + String.join(", ", facts.kinds()) + ").",
                        "Audio and video files cannot carry a sensitivity label; the container's label protects them.",
                        verdict.reason() + "."),
                facts.resource(), facts.owner())
                .withDetails(Map.of("requiredLabel", String.valueOf(verdict.required()),
                        "actualLabel", String.valueOf(verdict.actual()))));
    }
}
