package org.ward.rules.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ward.rules.policy.PolicyNode.MapNode;

/** Binds the {@code labels} and {@code retention} sections, both keyed by recording kind id. */
final class LabelSection {

    private LabelSection() {
    }

    static LabelPolicy labels(PolicyNode node, Set<String> kindIds, Problems problems) {
        NodeFields fields = NodeFields.of(node, problems, "sensitivityOrder", "kinds", "overwriteUserLabels");
        List<SensitivityLabel> order = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (PolicyNode entry : fields.each("sensitivityOrder", n -> n)) {
            NodeFields label = NodeFields.of(entry, problems, "name", "id");
            String name = label.requiredText("name");
            if (name != null && !names.add(name.toLowerCase(java.util.Locale.ROOT))) {
                problems.add(label.originOf("name"), "\"" + name + "\" is listed twice");
            } else if (name != null) {
                order.add(new SensitivityLabel(name, label.text("id", null)));
            }
        }
        Map<String, KindLabels> kinds = new LinkedHashMap<>();
        forEachKind(fields, kindIds, problems, (kind, value) -> {
            NodeFields kindFields = NodeFields.of(value, problems, "retentionLabel", "minimumSensitivity",
                    "fileSensitivity");
            String minimum = orderedLabel(kindFields, "minimumSensitivity", names, problems);
            String file = orderedLabel(kindFields, "fileSensitivity", names, problems);
            kinds.put(kind, new KindLabels(kindFields.text("retentionLabel", null), minimum, file));
        });
        return new LabelPolicy(order, kinds, fields.bool("overwriteUserLabels", false));
    }

    /** A sensitivity label a kind needs: it must be in the pack's order, or Ward could not tell which labels are lower. */
    private static String orderedLabel(NodeFields fields, String key, Set<String> names, Problems problems) {
        String label = fields.text(key, null);
        if (label != null && !names.contains(label.toLowerCase(java.util.Locale.ROOT))) {
            problems.add(fields.originOf(key), "\"" + label
                    + "\" is not in labels.sensitivityOrder, so Ward cannot tell which labels are lower");
        }
        return label;
    }

    static RetentionPolicy retention(PolicyNode node, Set<String> kindIds, Problems problems) {
        NodeFields fields = NodeFields.of(node, problems, "measuredFrom", "kinds");
        fields.choice("measuredFrom", Map.of("createdDateTime", "createdDateTime"), "createdDateTime", null);
        Map<String, RetentionPeriod> kinds = new LinkedHashMap<>();
        forEachKind(fields, kindIds, problems, (kind, value) -> {
            NodeFields kindFields = NodeFields.of(value, problems, "maximumAge", "basis", "event");
            if (!kindFields.has("maximumAge")) {
                problems.add(kindFields.originOf("maximumAge"), "is required");
            }
            java.time.Period age = kindFields.period("maximumAge", null);
            if (age != null) {
                String event = kindFields.text("event", null);
                if (event != null && event.isBlank()) {
                    problems.add(kindFields.originOf("event"), "is empty: name the event that starts the retention"
                            + " label's period (e.g. \"Patient's 25th birthday\"), or leave the field out when the period"
                            + " runs from creation");
                }
                kinds.put(kind, new RetentionPeriod(age, kindFields.text("basis", ""), event == null ? null : event.strip()));
            }
        });
        return new RetentionPolicy(kinds);
    }

    private static void forEachKind(NodeFields fields, Set<String> kindIds, Problems problems,
            java.util.function.BiConsumer<String, PolicyNode> action) {
        fields.node("kinds").ifPresent(node -> {
            if (!(node instanceof MapNode map)) {
                problems.add(node.origin(), "expected a map from recording kind id to settings, found " + node.shape());
                return;
            }
            map.entries().forEach((kind, value) -> {
                if (PolicyNames.knownKind(kind, map.keys().get(kind), kindIds, problems)) {
                    action.accept(kind, value);
                }
            });
        });
    }
}
