package org.ward.rules.recordings;

import java.time.Period;
import java.util.List;

import org.ward.rules.check.Check;
import org.ward.rules.check.CheckClass;
import org.ward.rules.policy.CatalogueLine;
import org.ward.rules.policy.FindingType;
import org.ward.rules.policy.ParamSpec;
import org.ward.rules.policy.Remediation;
import org.ward.rules.policy.Severity;

/**
 * The recordings family: where and how patient recordings are kept, judged recording by recording
 * ({@link RecordingFacts}) or place by place ({@link LocationFacts}). One line per finding type: its check, default
 * severity, what Ward does about it, and the rule's parameters with defaults.
 */
public enum RecordingsCatalogue implements FindingType {
    RECORDING_OUTSIDE_APPROVED_LOCATION(recording(RecordingOutsideApprovedLocationCheck.class), Severity.HIGH, Advice.KEPT),
    UNREGISTERED_SITE_HOLDS_RECORDINGS(place(UnregisteredSiteHoldsRecordingsCheck.class), Severity.MEDIUM, Advice.KEPT,
            ParamSpec.integer("minimumRecordings", 1)),
    // Consent forms are often filed a day or two after the session; reporting at once would be noise.
    RECORDING_WITHOUT_CONSENT_EVIDENCE(recording(RecordingWithoutConsentEvidenceCheck.class), Severity.HIGH, Advice.KEPT,
            ParamSpec.period("gracePeriod", Period.ofDays(2))),
    LOCATION_WITHOUT_SENSITIVITY_LABEL(place(LocationWithoutSensitivityLabelCheck.class), Severity.MEDIUM, Advice.CONTAINER_LABEL,
            ParamSpec.bool("reportNotEvaluated", true)),
    // Purview auto-apply retention policies can take up to seven days to label new content.
    RECORDING_WITHOUT_RETENTION_LABEL(recording(RecordingWithoutRetentionLabelCheck.class), Severity.MEDIUM,
            Remediation.action(Remediation.Kind.APPLY_RETENTION_LABEL),
            ParamSpec.period("gracePeriod", Period.ofDays(7))),
    RECORDING_PAST_RETENTION(recording(RecordingPastRetentionCheck.class), Severity.MEDIUM, Advice.DISPOSAL);

    private final CheckClass<?> check;
    private final CatalogueLine line;

    RecordingsCatalogue(CheckClass<?> check, Severity severity, Remediation remediation, ParamSpec... params) {
        this.check = check;
        this.line = new CatalogueLine(check.type(), severity, remediation, List.of(params));
    }

    @Override
    public CatalogueLine line() {
        return line;
    }

    /** The check, with the facts it reads: one recording, or one place that holds recordings. */
    public CheckClass<?> check() {
        return check;
    }

    private static CheckClass<RecordingFacts> recording(Class<? extends Check<RecordingFacts>> check) {
        return CheckClass.of(RecordingFacts.class, check);
    }

    private static CheckClass<LocationFacts> place(Class<? extends Check<LocationFacts>> check) {
        return CheckClass.of(LocationFacts.class, check);
    }

    /** What the owner is told: Ward moves and deletes no recording itself, and cannot label a site or team. */
    private static final class Advice {
        static final Remediation KEPT = Remediation.ownerAdvice("Ward moves and deletes nothing: where and how a"
                + " recording is kept is for its owner to put right.");
        // group-update (v1.0): "Application permissions are not supported when updating assignedLabels."
        static final Remediation CONTAINER_LABEL = Remediation.ownerAdvice("Graph lets no application set a site's or"
                + " team's sensitivity label, so it needs a person: apply it in the SharePoint or Teams admin centre, or"
                + " with delegated rights.");
        static final Remediation DISPOSAL = Remediation.ownerAdvice("Ward deletes nothing: disposing of a recording is a"
                + " records-management decision.");
    }
}
