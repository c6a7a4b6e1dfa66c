package org.ward.rules.policy;

import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Locale;

/**
 * Thresholds for the sign-in detectors and MFA checks, each from published practice (sources in the pack).
 *
 * @param impossibleTravel two successful sign-ins too far apart for the time between them
 * @param unfamiliarCountry a sign-in from a country the user has not used in the baseline window
 * @param passwordSpray many accounts failing from one IP
 * @param bruteForce many failures on one account
 * @param mfaFatigue many denied MFA prompts, then a success
 * @param legacyClientApps clientAppUsed values that mean legacy authentication (compared ignoring case)
 * @param privilegedRoles directory roles whose holders must use MFA
 */
public record IdentityThresholds(
        ImpossibleTravel impossibleTravel,
        UnfamiliarCountry unfamiliarCountry,
        PasswordSpray passwordSpray,
        BruteForce bruteForce,
        MfaFatigue mfaFatigue,
        List<String> legacyClientApps,
        List<PrivilegedRole> privilegedRoles) {

    public IdentityThresholds {
        legacyClientApps = List.copyOf(legacyClientApps);
        privilegedRoles = List.copyOf(privilegedRoles);
    }

    public boolean isLegacyClientApp(String clientAppUsed) {
        return clientAppUsed != null && legacyClientApps.stream()
                .anyMatch(a -> a.toLowerCase(Locale.ROOT).equals(clientAppUsed.trim().toLowerCase(Locale.ROOT)));
    }

    public boolean isPrivilegedRole(String roleTemplateId, String roleName) {
        return privilegedRoles.stream().anyMatch(r -> r.templateId().equalsIgnoreCase(String.valueOf(roleTemplateId))
                || r.name().equalsIgnoreCase(String.valueOf(roleName)));
    }

    /** @param allowedNetworks CIDR ranges (VPN egress, known offices) that never count as travel */
    public record ImpossibleTravel(int maximumSpeedKmh, int minimumDistanceKm, List<String> allowedNetworks) {
        public ImpossibleTravel {
            allowedNetworks = List.copyOf(allowedNetworks);
        }
    }

    public record UnfamiliarCountry(Period baselineWindow) {
    }

    public record PasswordSpray(int minimumAccounts, Duration window, List<Integer> failureCodes) {
        public PasswordSpray {
            failureCodes = List.copyOf(failureCodes);
        }
    }

    public record BruteForce(int minimumFailures, Duration window, List<Integer> failureCodes) {
        public BruteForce {
            failureCodes = List.copyOf(failureCodes);
        }
    }

    /** A finding needs more than {@code deniedPromptsMoreThan} denials within the window, then a success if required. */
    public record MfaFatigue(int deniedPromptsMoreThan, Duration window, List<Integer> denialCodes, boolean requireSuccess) {
        public MfaFatigue {
            denialCodes = List.copyOf(denialCodes);
        }
    }

    public record PrivilegedRole(String name, String templateId) {
    }
}
