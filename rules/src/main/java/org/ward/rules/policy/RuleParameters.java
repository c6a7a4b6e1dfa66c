package org.ward.rules.policy;

import java.time.Period;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters each finding type's rule accepts, with types and defaults. Thresholds shared by several rules
 * live in the pack's sections (sharing, identity); only rule-specific knobs are here.
 */
final class RuleParameters {

    enum ParamKind { INTEGER, BOOLEAN, PERIOD, CHOICE }

    record ParamSpec(String name, ParamKind kind, Object fallback, List<String> choices) {
    }

    private static final Map<FindingType, Map<String, ParamSpec>> SPECS = specs();

    private RuleParameters() {
    }

    static Map<String, ParamSpec> forType(FindingType type) {
        return SPECS.getOrDefault(type, Map.of());
    }

    private static Map<FindingType, Map<String, ParamSpec>> specs() {
        Map<FindingType, Map<String, ParamSpec>> specs = new EnumMap<>(FindingType.class);
        put(specs, FindingType.UNREGISTERED_SITE_HOLDS_RECORDINGS, integer("minimumRecordings", 1));
        // Consent forms are often filed a day or two after the session; reporting at once would be noise.
        put(specs, FindingType.RECORDING_WITHOUT_CONSENT_EVIDENCE, period("gracePeriod", Period.ofDays(2)));
        // Purview auto-apply retention policies can take up to seven days to label new content.
        put(specs, FindingType.RECORDING_WITHOUT_RETENTION_LABEL, period("gracePeriod", Period.ofDays(7)));
        put(specs, FindingType.LOCATION_WITHOUT_SENSITIVITY_LABEL, bool("reportNotEvaluated", true));
        put(specs, FindingType.EXTERNAL_USER_ACCESS, bool("allowPartnerDomains", true));
        put(specs, FindingType.COPY_LEFT_AFTER_UPLOAD, choice("matchBy", "quick-xor-hash", "quick-xor-hash", "name-and-size"));
        put(specs, FindingType.MFA_NOT_REGISTERED, bool("includeGuests", false));
        put(specs, FindingType.MFA_NOT_ENFORCED, bool("acceptSecurityDefaults", true));
        put(specs, FindingType.LEGACY_AUTH_SIGN_IN, bool("successfulOnly", false));
        put(specs, FindingType.SINGLE_FACTOR_SIGN_IN, bool("successfulOnly", true));
        put(specs, FindingType.RISKY_USER, choice("minimumRiskLevel", "medium", "low", "medium", "high"));
        return specs;
    }

    private static void put(Map<FindingType, Map<String, ParamSpec>> specs, FindingType type, ParamSpec spec) {
        specs.computeIfAbsent(type, t -> new LinkedHashMap<>()).put(spec.name(), spec);
    }

    private static ParamSpec integer(String name, int fallback) {
        return new ParamSpec(name, ParamKind.INTEGER, fallback, List.of());
    }

    private static ParamSpec bool(String name, boolean fallback) {
        return new ParamSpec(name, ParamKind.BOOLEAN, fallback, List.of());
    }

    private static ParamSpec period(String name, Period fallback) {
        return new ParamSpec(name, ParamKind.PERIOD, fallback, List.of());
    }

    private static ParamSpec choice(String name, String fallback, String... choices) {
        return new ParamSpec(name, ParamKind.CHOICE, fallback, List.of(choices));
    }
}
