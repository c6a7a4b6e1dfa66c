package org.ward.connector.remediate;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;

import org.ward.rules.findings.Finding;
import org.ward.rules.policy.PolicyPack;
import org.ward.rules.policy.Remediation;
import org.ward.rules.policy.Rule;
import org.ward.rules.policy.SharingPolicy;

/**
 * Chooses what Ward would do about a finding, from its type's catalogue line (an action, or advice to the owner) and
 * the permission facts the sharing checks stored in its
 * details ({@code permissionId}, {@code setOn}, {@code linkScope}, {@code linkType}, {@code grant}). Pure.
 */
public final class RemediationPlanner {

    /** The lifetime of a replacement link when the pack sets no maximum (CISA SCuBA's 30 days). */
    static final Period DEFAULT_LINK_LIFETIME = Period.ofDays(30);

    public RemediationPlan plan(Finding finding, PolicyPack policy, Instant now) {
        String remediation = policy.rule(finding.type()).map(Rule::remediation).map(String::strip).orElse("");
        FindingOwners owners = FindingOwners.of(finding);
        return new RemediationPlan(finding, action(finding, policy.sharing(), remediation, owners, now), remediation, owners);
    }

    /**
     * The action the finding type's catalogue line names. The switch has a case for every kind and no default: a new
     * kind does not compile until it is planned, and no finding type falls through to another's advice.
     */
    private static RemediationAction action(Finding f, SharingPolicy sharing, String remediation, FindingOwners owners,
            Instant now) {
        Remediation planned = f.type().remediation();
        return switch (planned.kind()) {
            case REMOVE_LINK -> onPermission(f, remediation, owners, ref -> new RemoveLink(ref, words(f), null));
            case EXPIRE_LINK -> onPermission(f, remediation, owners, ref -> expiring(f, ref, sharing, now));
            case REMOVE_GRANT -> onPermission(f, remediation, owners, ref -> new RemoveGrant(ref, words(f)));
            case REMOVE_LINK_OR_GRANT -> onPermission(f, remediation, owners, ref -> f.details().containsKey("linkScope")
                    ? new RemoveLink(ref, words(f), null) : new RemoveGrant(ref, words(f)));
            case APPLY_RETENTION_LABEL -> onItem(f, remediation, owners, "apply-retention-label",
                    GraphRequest::setRetentionLabel);
            case APPLY_SENSITIVITY_LABEL -> onItem(f, remediation, owners, "apply-sensitivity-label",
                    GraphRequest::assignSensitivityLabel);
            case OWNER_ADVICE -> new NoAutomatedAction(planned.ownerAdvice(), remediation, owners.upns());
        };
    }

    /** A sharing finding names its permission; one stored before permissions were named cannot be acted on. */
    private static RemediationAction onPermission(Finding f, String remediation, FindingOwners owners,
            Function<PermissionRef, RemediationAction> action) {
        Object permission = f.details().get("permissionId");
        if (permission == null || f.resource().driveId() == null || f.resource().itemId() == null) {
            return new NoAutomatedAction("The finding does not say which permission it is about; run ward scan and try"
                    + " again.", remediation, owners.upns());
        }
        Object setOn = f.details().get("setOn");
        return action.apply(new PermissionRef(f.resource().driveId(), f.resource().itemId(),
                setOn == null ? f.resource().itemId() : setOn.toString(), permission.toString()));
    }

    /** A label finding names its item and, in its details, the label the pack requires. */
    private static RemediationAction onItem(Finding f, String remediation, FindingOwners owners, String kind,
            java.util.function.BiFunction<String, String, GraphRequest> request) {
        Object label = f.details().get("requiredLabel");
        if (label == null || f.resource().driveId() == null || f.resource().itemId() == null) {
            return new NoAutomatedAction("The finding does not say which label it needs; run ward scan and try again.",
                    remediation, owners.upns());
        }
        return new LabelByProtect(kind, label.toString(), request.apply(f.resource().driveId(), f.resource().itemId()));
    }

    /** Never recreates a link the policy forbids anyway: an Anyone link, or one another rule would report again. */
    private static RemediationAction expiring(Finding f, PermissionRef ref, SharingPolicy sharing, Instant now) {
        String scope = String.valueOf(f.details().get("linkScope"));
        String type = String.valueOf(f.details().get("linkType"));
        if ("anonymous".equals(scope)) {
            return new RemoveLink(ref, words(f), "Ward never recreates an Anyone link, so it removes it instead of"
                    + " replacing it; the owner can share the recording with the specific people who need it.");
        }
        if ("organization".equals(scope) && sharing.forbidOrganizationLinks()) {
            return new RemoveLink(ref, words(f), "The policy forbids organisation-wide links on recordings, so Ward"
                    + " removes it instead of replacing it.");
        }
        if ("edit".equals(type) && sharing.forbidEditLinks()) {
            return new RemoveLink(ref, words(f), "The policy forbids edit links on recordings, so Ward removes it instead"
                    + " of replacing it.");
        }
        Period maximum = sharing.maximumLinkExpiry() == null ? DEFAULT_LINK_LIFETIME : sharing.maximumLinkExpiry();
        Instant expires = now.atOffset(ZoneOffset.UTC).plus(maximum).toInstant().truncatedTo(ChronoUnit.SECONDS);
        return new ReplaceLink(ref, type, scope, expires, maximum);
    }

    private static String words(Finding f) {
        Object grant = f.details().get("grant");
        return grant == null ? "the permission" : grant.toString();
    }
}
