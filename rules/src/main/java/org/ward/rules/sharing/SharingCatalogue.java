package org.ward.rules.sharing;

import static org.ward.rules.policy.Remediation.Kind.EXPIRE_LINK;
import static org.ward.rules.policy.Remediation.Kind.REMOVE_GRANT;
import static org.ward.rules.policy.Remediation.Kind.REMOVE_LINK;
import static org.ward.rules.policy.Remediation.Kind.REMOVE_LINK_OR_GRANT;

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
 * The sharing family: who can reach a patient recording, judged grant by grant over {@link RecordingAccess}. One line
 * per finding type: its check, default severity, what Ward does about it, and the rule's parameters with defaults.
 */
public enum SharingCatalogue implements FindingType {
    ANONYMOUS_LINK(AnonymousLinkCheck.class, Severity.CRITICAL, REMOVE_LINK),
    ORGANIZATION_LINK(OrganizationLinkCheck.class, Severity.HIGH, REMOVE_LINK),
    EDIT_LINK_ON_RECORDING(EditLinkOnRecordingCheck.class, Severity.MEDIUM, REMOVE_LINK),
    LINK_WITHOUT_EXPIRY(LinkWithoutExpiryCheck.class, Severity.MEDIUM, EXPIRE_LINK),
    EVERYONE_GRANT(EveryoneGrantCheck.class, Severity.HIGH, REMOVE_GRANT),
    EXTERNAL_USER_ACCESS(ExternalUserAccessCheck.class, Severity.HIGH, REMOVE_LINK_OR_GRANT,
            ParamSpec.bool("allowPartnerDomains", true)),
    BROKEN_INHERITANCE_WIDENS_ACCESS(BrokenInheritanceWidensAccessCheck.class, Severity.MEDIUM, REMOVE_GRANT);

    private final CheckClass<RecordingAccess> check;
    private final CatalogueLine line;

    SharingCatalogue(Class<? extends Check<RecordingAccess>> check, Severity severity, Remediation.Kind action,
            ParamSpec... params) {
        this.check = CheckClass.of(RecordingAccess.class, check);
        this.line = new CatalogueLine(check, severity, Remediation.action(action), List.of(params));
    }

    @Override
    public CatalogueLine line() {
        return line;
    }

    public CheckClass<RecordingAccess> check() {
        return check;
    }

    /** The family's checks, to run recording by recording under the rules the pack enables. */
    public static EnabledChecks<RecordingAccess> checks(CheckContext context) {
        return EnabledChecks.of(values(), t -> Optional.of(t.check().create()), context);
    }
}
