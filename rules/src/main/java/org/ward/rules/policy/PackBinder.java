package org.ward.rules.policy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ward.rules.policy.PolicyNode.MapNode;

/** Binds a merged policy document to a {@link PolicyPack}, section by section, collecting every problem. */
final class PackBinder {

    static final String[] TOP_LEVEL = {"schemaVersion", "id", "title", "version", "description", "extends", "tenant",
        "identifiers", "recordings", "locations", "labels", "retention", "consent", "sharing", "identity", "rules",
        "notApplicable"};

    private PackBinder() {
    }

    static PolicyPack bind(MapNode root, List<String> sources, String contentHash, Problems problems) {
        NodeFields fields = NodeFields.of(root, problems, TOP_LEVEL);
        if (!fields.has("recordings")) {
            problems.add(fields.originOf("recordings"), "is required: a pack must say what counts as a recording");
        }
        RecordingPolicy recordings = RecordingSection.bind(section(fields, "recordings"), problems);
        Set<String> kindIds = recordings.kindIds();
        TenantProfile tenant = LocationSection.tenant(section(fields, "tenant"), problems);
        IdentifierPolicy identifiers = IdentifierSection.bind(section(fields, "identifiers"), problems);
        LocationRegistry locations = LocationSection.bind(section(fields, "locations"), tenant, kindIds, problems);
        LabelPolicy labels = LabelSection.labels(section(fields, "labels"), kindIds, problems);
        RetentionPolicy retention = LabelSection.retention(section(fields, "retention"), kindIds, problems);
        ConsentPolicy consent = ConsentSection.bind(section(fields, "consent"), kindIds, problems);
        SharingPolicy sharing = SharingSection.bind(section(fields, "sharing"), problems);
        IdentityThresholds identity = IdentitySection.bind(section(fields, "identity"), problems);
        if (!fields.has("rules")) {
            problems.add(fields.originOf("rules"), "is required: a pack must list its rules");
        }
        List<Rule> rules = fields.node("rules").map(n -> RuleSection.bind(n, problems)).orElse(List.of());
        Map<FindingType, String> notApplicable = fields.node("notApplicable")
                .map(n -> RuleSection.notApplicable(n, rules, problems)).orElse(Map.of());
        problems.throwIfAny();
        return new PolicyPack(fields.text("id", null), fields.text("title", null), fields.text("version", null),
                fields.text("description", "").strip(), fields.text("extends", null), sources, contentHash, tenant,
                identifiers, recordings, locations, labels, retention, consent, sharing, identity, rules, notApplicable);
    }

    private static PolicyNode section(NodeFields fields, String key) {
        return SharingSection.section(fields, key);
    }
}
