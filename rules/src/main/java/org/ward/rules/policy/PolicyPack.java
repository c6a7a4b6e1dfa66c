package org.ward.rules.policy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded, validated policy pack: a built-in pack, or an organisation file merged over the pack it extends.
 *
 * @param id the pack id (of the top file when it extends another)
 * @param title the pack's title
 * @param version the pack's own version
 * @param description what the pack is for, may be empty
 * @param extendsRef what the top file extends, null when it extends nothing
 * @param sources the files read, base pack first
 * @param contentHash "sha256:..." over the effective (merged) content; for the run manifest
 * @param tenant the organisation's tenant
 * @param identifiers patient identifiers
 * @param recordings what counts as a recording
 * @param locations approved locations
 * @param labels required labels
 * @param retention maximum ages
 * @param consent consent evidence
 * @param sharing links, grants and temporary copies
 * @param identity sign-in and MFA thresholds
 * @param rules the rules, at most one per finding type
 * @param notApplicable finding types that do not apply to the pack's jurisdiction, each with why (the pack has no rule
 *     for them)
 */
public record PolicyPack(
        String id,
        String title,
        String version,
        String description,
        String extendsRef,
        List<String> sources,
        String contentHash,
        TenantProfile tenant,
        IdentifierPolicy identifiers,
        RecordingPolicy recordings,
        LocationRegistry locations,
        LabelPolicy labels,
        RetentionPolicy retention,
        ConsentPolicy consent,
        SharingPolicy sharing,
        IdentityThresholds identity,
        List<Rule> rules,
        Map<FindingType, String> notApplicable) {

    public PolicyPack {
        sources = List.copyOf(sources);
        rules = List.copyOf(rules);
        notApplicable = Map.copyOf(notApplicable);
    }

    /** The rule that reports this finding type, if the pack has one. */
    public Optional<Rule> rule(FindingType type) {
        return rules.stream().filter(r -> r.findingType() == type).findFirst();
    }

    public Optional<Rule> ruleById(String ruleId) {
        return rules.stream().filter(r -> r.id().equals(ruleId)).findFirst();
    }
}
