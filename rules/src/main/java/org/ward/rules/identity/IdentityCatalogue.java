package org.ward.rules.identity;

import java.util.List;
import java.util.Optional;

import org.ward.rules.check.Check;
import org.ward.rules.check.CheckClass;
import org.ward.rules.policy.CatalogueLine;
import org.ward.rules.policy.FindingType;
import org.ward.rules.policy.ParamSpec;
import org.ward.rules.policy.Remediation;
import org.ward.rules.policy.Severity;

/**
 * The identity family: MFA, conditional access and risk, judged over the tenant's {@link IdentityFacts}, and
 * anomalies in the sign-in log, found by streaming {@link SignInDetector}s. One line per finding type: its check or
 * detector, default severity, what Ward does about it, and the rule's parameters with defaults.
 */
public enum IdentityCatalogue implements FindingType {
    MFA_NOT_REGISTERED(tenant(MfaNotRegisteredCheck.class), Severity.HIGH, ParamSpec.bool("includeGuests", false)),
    ADMIN_WITHOUT_MFA(tenant(AdminWithoutMfaCheck.class), Severity.CRITICAL),
    MFA_NOT_ENFORCED(tenant(MfaNotEnforcedCheck.class), Severity.HIGH, ParamSpec.bool("acceptSecurityDefaults", true)),
    LEGACY_AUTH_ALLOWED(tenant(LegacyAuthAllowedCheck.class), Severity.HIGH),
    LEGACY_AUTH_SIGN_IN(signIns(LegacyAuthSignInDetector.class), Severity.MEDIUM, ParamSpec.bool("successfulOnly", false)),
    IMPOSSIBLE_TRAVEL(signIns(ImpossibleTravelDetector.class), Severity.HIGH),
    UNFAMILIAR_COUNTRY(signIns(UnfamiliarCountryDetector.class), Severity.MEDIUM),
    PASSWORD_SPRAY(signIns(PasswordSprayDetector.class), Severity.HIGH),
    BRUTE_FORCE(signIns(BruteForceDetector.class), Severity.MEDIUM),
    MFA_FATIGUE(signIns(MfaFatigueDetector.class), Severity.CRITICAL),
    SINGLE_FACTOR_SIGN_IN(signIns(SingleFactorSignInDetector.class), Severity.MEDIUM, ParamSpec.bool("successfulOnly", true)),
    RISKY_USER(tenant(RiskyUserCheck.class), Severity.HIGH, ParamSpec.choice("minimumRiskLevel", "medium", "low", "medium",
            "high"));

    private final Judge judge;
    private final CatalogueLine line;

    IdentityCatalogue(Judge judge, Severity severity, ParamSpec... params) {
        this.judge = judge;
        this.line = new CatalogueLine(judge.type(), severity, Advice.ENTRA, List.of(params));
    }

    @Override
    public CatalogueLine line() {
        return line;
    }

    /** The tenant-level check, empty for a sign-in type. */
    public Optional<Check<IdentityFacts>> tenantCheck() {
        return judge.tenant() == null ? Optional.empty() : Optional.of(judge.tenant().create());
    }

    /** Whether findings of this type come from the sign-in log. */
    public boolean fromSignIns() {
        return judge.detector() != null;
    }

    /** A new detector for one pass over the sign-in log; empty for a tenant-level type. */
    public Optional<SignInDetector> detector(DetectorSetup setup) {
        return fromSignIns() ? Optional.of(CheckClass.instantiate(judge.detector(), setup)) : Optional.empty();
    }

    private static Judge tenant(Class<? extends Check<IdentityFacts>> check) {
        return new Judge(CheckClass.of(IdentityFacts.class, check), null);
    }

    private static Judge signIns(Class<? extends SignInDetector> detector) {
        return new Judge(null, detector);
    }

    /** A tenant-level check, or a sign-in detector. */
    private record Judge(CheckClass<IdentityFacts> tenant, Class<? extends SignInDetector> detector) {

        Class<?> type() {
            return tenant != null ? tenant.type() : detector;
        }
    }

    /** What the owner is told: identity is put right in Entra, not in Ward. */
    private static final class Advice {
        static final Remediation ENTRA = Remediation.ownerAdvice("This is put right in Microsoft Entra ID, not in a file's"
                + " sharing, so Ward has no automated action for it.");
    }
}
