package org.ward.connector.report;

import java.util.List;
import java.util.Optional;

import org.ward.rules.policy.PolicyPack;
import org.ward.rules.policy.Rule;

/**
 * The policy pack in force when the report is written: its identity and its rules, whose titles, remediation,
 * references and mappings the reports show next to each finding.
 *
 * @param id the pack id
 * @param title its title
 * @param version its own version
 * @param contentHash "sha256:..." over its effective content
 * @param rules its rules
 */
public record ReportPolicy(String id, String title, String version, String contentHash, List<Rule> rules) {

    public ReportPolicy {
        rules = List.copyOf(rules);
    }

    public static ReportPolicy of(PolicyPack pack) {
        return new ReportPolicy(pack.id(), pack.title(), pack.version(), pack.contentHash(), pack.rules());
    }

    public Optional<Rule> rule(String ruleId) {
        return rules.stream().filter(r -> r.id().equals(ruleId)).findFirst();
    }

    /** Whether this is the policy the scan ran under (same content hash), so its texts describe the scan. */
    public boolean governs(String scanPolicyHash) {
        return contentHash != null && contentHash.equals(scanPolicyHash);
    }
}
