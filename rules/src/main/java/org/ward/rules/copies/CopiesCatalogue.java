package org.ward.rules.copies;

import java.util.List;
import java.util.Optional;

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
 * The copies family: patient recordings parked in OneDrives, judged over {@link OneDriveRecording}. One line per
 * finding type: its check, default severity, what Ward does about it, and the rule's parameters with defaults.
 */
public enum CopiesCatalogue implements FindingType {
    TEMPORARY_COPY_IN_ONEDRIVE(TemporaryCopyInOneDriveCheck.class, Severity.MEDIUM),
    COPY_LEFT_AFTER_UPLOAD(CopyLeftAfterUploadCheck.class, Severity.MEDIUM,
            ParamSpec.choice("matchBy", "quick-xor-hash", "quick-xor-hash", "name-and-size"));

    private final CheckClass<OneDriveRecording> check;
    private final CatalogueLine line;

    CopiesCatalogue(Class<? extends Check<OneDriveRecording>> check, Severity severity, ParamSpec... params) {
        this.check = CheckClass.of(OneDriveRecording.class, check);
        this.line = new CatalogueLine(check, severity, Advice.DELETES_NOTHING, List.of(params));
    }

    @Override
    public CatalogueLine line() {
        return line;
    }

    public CheckClass<OneDriveRecording> check() {
        return check;
    }

    /** The family's checks, to run copy by copy under the rules the pack enables. */
    public static EnabledChecks<OneDriveRecording> checks(CheckContext context) {
        return EnabledChecks.of(values(), t -> Optional.of(t.check().create()), context);
    }

    /** What the owner is told: Ward never deletes a copy. */
    private static final class Advice {
        static final Remediation DELETES_NOTHING = Remediation.ownerAdvice("Ward deletes nothing: the copy's owner deletes"
                + " it once the recording is safely where it belongs.");
    }
}
