package org.ward.rules.identity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ward.rules.check.Check;
import org.ward.rules.check.CheckContext;
import org.ward.rules.findings.CheckOutcome;
import org.ward.rules.policy.FindingType;

/**
 * A named fixture for the tenant-level identity checks, "the clinic": Ada (Global Administrator, registered),
 * Ben (owns the Clinical Recordings site, nothing registered), Cara (receptionist, only e-mail registered, no reach),
 * Dev (GP, registered, member of the site) and Dan (a partner's guest named on a recording, nothing registered);
 * an enabled MFA policy for all users that excludes Cara and the Locums group; security defaults off; Ben at high
 * risk with one detection. Each test changes one thing.
 */
final class ClinicIdentity {

    static final CheckContext CONTEXT = CheckContext.of(SignIns.NHS, SignIns.NOW);

    /** A tenant-level check's outcome under the NHS England pack's rule for its type. */
    static CheckOutcome judge(Check<IdentityFacts> check, FindingType type, IdentityFacts facts) {
        return check.evaluate(facts, SignIns.NHS.rule(type).orElseThrow(), CONTEXT);
    }

    static final String GLOBAL_ADMIN = "62e90394-69f5-4237-9190-012177145e10";
    static final String LOCUMS = "group-locums";

    static MfaRegistration ada = new MfaRegistration("id-ada", "ada@clinic.nhs.uk", "Ada Lovelace", false, true, true,
            List.of("microsoftAuthenticatorPush"));
    static MfaRegistration ben = new MfaRegistration("id-ben", "ben@clinic.nhs.uk", "Ben Okri", false, false, false,
            List.of());
    static MfaRegistration cara = new MfaRegistration("id-cara", "cara@clinic.nhs.uk", "Cara Jones", false, false, false,
            List.of("email"));
    static MfaRegistration dev = new MfaRegistration("id-dev", "dev@clinic.nhs.uk", "Dev Patel", false, false, true,
            List.of("softwareOneTimePasscode"));
    static MfaRegistration dan = new MfaRegistration("id-dan", "dan_northvale.nhs.uk#EXT#@clinic.onmicrosoft.com",
            "Dan Partner", true, false, false, List.of());

    static final ReachIndex REACH = new ReachIndex(Map.of(
            "id-ben", Reach.owner("Clinical Recordings (approved)"),
            "id-dev", Reach.member("Clinical Recordings (approved)", false),
            "id-dan", Reach.named(2, null, true)), true, true);

    static CaPolicyView mfaForAll(String state, List<String> excludeUsers, List<String> excludeGroups) {
        return new CaPolicyView("p1", "Require MFA for all users", state, List.of("All"), excludeUsers, List.of(),
                excludeGroups, List.of(), List.of(), List.of("All"), List.of(), List.of("all"), List.of("mfa"), false, false,
                List.of());
    }

    static CaPolicyView blockLegacy(String state) {
        return new CaPolicyView("p2", "Block legacy authentication", state, List.of("All"), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of("All"), List.of(), List.of("exchangeActiveSync", "other"), List.of("block"),
                false, false, List.of());
    }

    /** The clinic as described. */
    static Builder clinic() {
        return new Builder();
    }

    static final class Builder {
        Collected<List<MfaRegistration>> registrations = Collected.of(List.of(ada, ben, cara, dev, dan));
        Collected<List<RoleHolder>> roles = Collected.of(List.of(new RoleHolder("id-ada", "ada@clinic.nhs.uk",
                "Ada Lovelace", GLOBAL_ADMIN, "Global Administrator")));
        Collected<List<CaPolicyView>> policies = Collected.of(List.of(
                mfaForAll("enabled", List.of("id-cara"), List.of(LOCUMS)), blockLegacy("enabled")));
        Collected<Boolean> securityDefaults = Collected.of(false);
        Collected<List<RiskyUserView>> risky = Collected.of(List.of(new RiskyUserView("id-ben", "ben@clinic.nhs.uk",
                "Ben Okri", "high", "atRisk", "none", Instant.parse("2026-11-18T10:00:00Z"))));
        Collected<List<RiskDetectionView>> detections = Collected.of(List.of(new RiskDetectionView("id-ben",
                "unlikelyTravel", "high", "atRisk", Instant.parse("2026-11-18T09:55:00Z"), "198.51.100.7", "Lagos, NG")));
        ReachIndex reach = REACH;
        Map<String, Set<String>> groupMembers = Map.of(LOCUMS, Set.of("id-locum1", "id-locum2", "id-locum3"));

        Builder registrations(MfaRegistration... list) {
            registrations = Collected.of(List.of(list));
            return this;
        }

        Builder registrations(NotRun why) {
            registrations = Collected.missing(why);
            return this;
        }

        Builder roles(RoleHolder... list) {
            List<RoleHolder> all = new ArrayList<>(roles.value());
            all.addAll(List.of(list));
            roles = Collected.of(all);
            return this;
        }

        Builder policies(CaPolicyView... list) {
            policies = Collected.of(List.of(list));
            return this;
        }

        Builder policies(NotRun why) {
            policies = Collected.missing(why);
            return this;
        }

        Builder securityDefaults(boolean on) {
            securityDefaults = Collected.of(on);
            return this;
        }

        Builder securityDefaults(NotRun why) {
            securityDefaults = Collected.missing(why);
            return this;
        }

        Builder riskyUsers(RiskyUserView... list) {
            risky = Collected.of(List.of(list));
            return this;
        }

        Builder riskyUsers(NotRun why) {
            risky = Collected.missing(why);
            return this;
        }

        Builder reach(ReachIndex index) {
            reach = index;
            return this;
        }

        IdentityFacts facts() {
            return new IdentityFacts(registrations, roles, policies, securityDefaults, risky, detections, reach,
                    groupMembers, Map.of("id-cara", "cara@clinic.nhs.uk (Cara Jones)", LOCUMS, "Locums",
                            "id-locum1", "locum1@clinic.nhs.uk (Locum One)", "id-locum2", "locum2@clinic.nhs.uk (Locum Two)",
                            "id-locum3", "locum3@clinic.nhs.uk (Locum Three)"));
        }
    }

    private ClinicIdentity() {
    }
}
