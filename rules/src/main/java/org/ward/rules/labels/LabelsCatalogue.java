package org.ward.rules.labels;

import java.util.List;

import org.ward.rules.check.Check;
import org.ward.rules.check.CheckClass;
import org.ward.rules.check.CheckContext;
import org.ward.rules.check.EnabledChecks;
import org.ward.rules.policy.CatalogueLine;
import org.ward.rules.policy.FindingType;
import org.ward.rules.policy.ParamSpec;
import org.ward.rules.policy.Remediation;
import org.ward.rules.policy.Severity;

/**
 * The labels family: the labels on what sits around patient recordings that Ward reads from Graph item by item — the
 * sensitivity label of a patient's file beside a recording ({@link PatientFileFacts}) and a record label that stands
 * in the way of the retention label a recording needs ({@link RecordLabelFacts}). One line per finding type.
 */
public enum LabelsCatalogue implements FindingType {
    PATIENT_FILE_WITHOUT_SENSITIVITY_LABEL(file(PatientFileWithoutSensitivityLabelCheck.class), Severity.MEDIUM,
            Remediation.action(Remediation.Kind.APPLY_SENSITIVITY_LABEL)),
    // Microsoft: changing a record's label needs Sites.FullControl.All, a locked or regulatory record keeps its label,
    // and an application cannot remove a record label (driveitem-setretentionlabel, driveitem-removeretentionlabel).
    RECORD_LABEL_BLOCKS_RETENTION_LABEL(record(RecordLabelBlocksRetentionLabelCheck.class), Severity.MEDIUM,
            Remediation.ownerAdvice("Ward never changes a record's label: the records manager decides which label is"
                    + " right and, if it is the pack's, changes it in Microsoft Purview."));

    private final CheckClass<?> check;
    private final CatalogueLine line;

    LabelsCatalogue(CheckClass<?> check, Severity severity, Remediation remediation, ParamSpec... params) {
        this.check = check;
        this.line = new CatalogueLine(check.type(), severity, remediation, List.of(params));
    }

    @Override
    public CatalogueLine line() {
        return line;
    }

    public CheckClass<?> check() {
        return check;
    }

    /** The family's checks over one facts type, under the rules the pack enables. */
    public static <F> EnabledChecks<F> checks(Class<F> facts, CheckContext context) {
        return EnabledChecks.of(values(), t -> t.check().forFacts(facts), context);
    }

    private static CheckClass<PatientFileFacts> file(Class<? extends Check<PatientFileFacts>> check) {
        return CheckClass.of(PatientFileFacts.class, check);
    }

    private static CheckClass<RecordLabelFacts> record(Class<? extends Check<RecordLabelFacts>> check) {
        return CheckClass.of(RecordLabelFacts.class, check);
    }
}
