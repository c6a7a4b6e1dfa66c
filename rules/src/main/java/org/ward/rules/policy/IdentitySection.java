package org.ward.rules.policy;

import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.regex.Pattern;

import org.ward.rules.policy.IdentityThresholds.BruteForce;
import org.ward.rules.policy.IdentityThresholds.ImpossibleTravel;
import org.ward.rules.policy.IdentityThresholds.MfaFatigue;
import org.ward.rules.policy.IdentityThresholds.PasswordSpray;
import org.ward.rules.policy.IdentityThresholds.PrivilegedRole;
import org.ward.rules.policy.IdentityThresholds.UnfamiliarCountry;

/** Binds and validates the {@code identity} section. Defaults are the published values cited in the packs. */
final class IdentitySection {

    private static final List<Integer> SPRAY_CODES = List.of(50053, 50126, 50055);
    private static final Pattern IPV4_CIDR = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(/(3[0-2]|[12]?\\d))?");
    private static final Pattern IPV6_CIDR = Pattern.compile("(?i)[0-9a-f:]*:[0-9a-f:]*(/(12[0-8]|1[01]\\d|[1-9]?\\d))?");
    private static final Pattern GUID = Pattern.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private IdentitySection() {
    }

    static IdentityThresholds bind(PolicyNode node, Problems problems) {
        NodeFields fields = NodeFields.of(node, problems, "impossibleTravel", "unfamiliarCountry", "passwordSpray",
                "bruteForce", "mfaFatigue", "legacyClientApps", "privilegedRoles");
        NodeFields travel = sub(fields, "impossibleTravel", problems, "maximumSpeedKmh", "minimumDistanceKm", "allowedNetworks");
        NodeFields country = sub(fields, "unfamiliarCountry", problems, "baselineWindow");
        NodeFields spray = sub(fields, "passwordSpray", problems, "minimumAccounts", "window", "failureCodes");
        NodeFields brute = sub(fields, "bruteForce", problems, "minimumFailures", "window", "failureCodes");
        NodeFields fatigue = sub(fields, "mfaFatigue", problems, "deniedPromptsMoreThan", "window", "denialCodes", "requireSuccess");
        return new IdentityThresholds(
                new ImpossibleTravel(travel.integer("maximumSpeedKmh", 900, 100, 5000),
                        travel.integer("minimumDistanceKm", 500, 0, 20000),
                        travel.each("allowedNetworks", n -> network(n, problems))),
                new UnfamiliarCountry(country.period("baselineWindow", Period.ofDays(30))),
                new PasswordSpray(spray.integer("minimumAccounts", 5, 2, 10000),
                        spray.duration("window", Duration.ofMinutes(20)), spray.integers("failureCodes", SPRAY_CODES)),
                new BruteForce(brute.integer("minimumFailures", 10, 2, 10000),
                        brute.duration("window", Duration.ofHours(1)), brute.integers("failureCodes", SPRAY_CODES)),
                new MfaFatigue(fatigue.integer("deniedPromptsMoreThan", 10, 1, 1000),
                        fatigue.duration("window", Duration.ofMinutes(5)), fatigue.integers("denialCodes", List.of(500121)),
                        fatigue.bool("requireSuccess", true)),
                fields.texts("legacyClientApps", List.of()),
                fields.each("privilegedRoles", n -> role(n, problems)));
    }

    private static NodeFields sub(NodeFields fields, String key, Problems problems, String... allowed) {
        return NodeFields.of(SharingSection.section(fields, key), problems, allowed);
    }

    private static String network(PolicyNode node, Problems problems) {
        String text = Scalars.textOf(node, problems);
        if (text != null && !IPV4_CIDR.matcher(text).matches() && !IPV6_CIDR.matcher(text).matches()) {
            problems.add(node.origin(), "\"" + text + "\" is not an IP address or CIDR range such as 203.0.113.0/24");
            return null;
        }
        return text;
    }

    private static PrivilegedRole role(PolicyNode node, Problems problems) {
        NodeFields fields = NodeFields.of(node, problems, "name", "templateId");
        String name = fields.requiredText("name");
        String templateId = fields.requiredText("templateId");
        if (templateId != null && !GUID.matcher(templateId).matches()) {
            problems.add(fields.originOf("templateId"), "\"" + templateId + "\" is not a role template id (a GUID)");
            return null;
        }
        return name == null || templateId == null ? null : new PrivilegedRole(name, templateId);
    }
}
