package org.ward.rules.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Binds and validates the {@code recordings} section. */
final class RecordingSection {

    private static final Set<String> FACETS = Set.of("audio", "video", "photo", "image");
    private static final Pattern MIME = Pattern.compile("[a-z0-9.+-]+/([a-z0-9.+-]+|\\*)");
    private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]+");
    private static final Map<String, SignalType> SIGNAL_TYPES = signalTypes();

    private RecordingSection() {
    }

    static RecordingPolicy bind(PolicyNode node, Problems problems) {
        NodeFields fields = NodeFields.of(node, problems, "threshold", "kinds", "negativeKeywords");
        int threshold = fields.integer("threshold", 60, 1, 100);
        if (!fields.has("kinds")) {
            problems.add(fields.originOf("kinds"), "is required: a pack needs at least one recording kind");
        }
        List<RecordingKind> kinds = fields.each("kinds", n -> kind(n, threshold, problems));
        List<RecordingPolicy.NegativeKeywords> negative = fields.each("negativeKeywords", n -> negative(n, problems));
        return new RecordingPolicy(threshold, kinds, negative);
    }

    private static RecordingPolicy.NegativeKeywords negative(PolicyNode node, Problems problems) {
        NodeFields fields = NodeFields.of(node, problems, "values", "weight");
        List<String> values = fields.texts("values", List.of());
        if (values.isEmpty()) {
            problems.add(fields.originOf("values"), "negative keywords need at least one value");
        }
        if (!fields.has("weight")) {
            problems.add(fields.originOf("weight"), "is required: the points the keywords take off");
        }
        int weight = fields.integer("weight", 0, 1, 100);
        return values.isEmpty() || weight == 0 ? null : new RecordingPolicy.NegativeKeywords(values, weight);
    }

    private static RecordingKind kind(PolicyNode node, int defaultThreshold, Problems problems) {
        NodeFields fields = NodeFields.of(node, problems, "id", "title", "threshold", "signals");
        String id = PolicyNames.id(fields, problems);
        String title = fields.requiredText("title");
        int threshold = fields.integer("threshold", defaultThreshold, 1, 100);
        List<Signal> signals = fields.each("signals", n -> signal(n, problems));
        if (signals.stream().noneMatch(s -> s.type().isMedia())) {
            problems.add(fields.originOf("signals"),
                    "needs at least one media signal (mime-type, extension or facet): it says what the file is");
        }
        return id == null || title == null ? null : new RecordingKind(id, title, threshold, signals);
    }

    private static Signal signal(PolicyNode node, Problems problems) {
        NodeFields fields = NodeFields.of(node, problems, "type", "values", "weight", "weakWeight", "formattedWeight");
        if (!fields.has("type")) {
            problems.add(fields.originOf("type"), "is required");
            return null;
        }
        SignalType type = fields.choice("type", SIGNAL_TYPES, "a known signal type", null);
        int weight = fields.integer("weight", -1, 0, 100);
        if (weight < 0 && !fields.has("weight")) {
            problems.add(fields.originOf("weight"), "is required");
        }
        if (type == null) {
            return null;
        }
        List<String> values = values(type, fields, problems);
        int weakWeight = 0;
        int formattedWeight = 0;
        if (type == SignalType.PATIENT_IDENTIFIER) {
            weakWeight = fields.integer("weakWeight", Math.max(weight, 0) / 3, 0, Math.max(weight, 0));
            formattedWeight = fields.integer("formattedWeight", weakWeight, weakWeight, Math.max(weight, weakWeight));
        } else {
            for (String only : List.of("weakWeight", "formattedWeight")) {
                if (fields.has(only)) {
                    problems.add(fields.originOf(only), "applies only to a patient-identifier signal");
                }
            }
        }
        return weight < 0 ? null : new Signal(type, values, weight, weakWeight, formattedWeight);
    }

    private static List<String> values(SignalType type, NodeFields fields, Problems problems) {
        boolean takesNoValues = type == SignalType.APPROVED_LOCATION || type == SignalType.PATIENT_IDENTIFIER;
        if (takesNoValues) {
            if (fields.has("values")) {
                problems.add(fields.originOf("values"), "a " + type.key() + " signal takes no values");
            }
            return List.of();
        }
        if (type == SignalType.TEAMS_RECORDINGS_FOLDER && !fields.has("values")) {
            return List.of("Recordings");
        }
        List<String> values = new ArrayList<>();
        List<PolicyNode> nodes = fields.each("values", n -> n);
        for (PolicyNode value : nodes) {
            String text = Scalars.textOf(value, problems);
            if (text != null && valid(type, text, value.origin(), problems)) {
                values.add(type == SignalType.EXTENSION || type == SignalType.FACET ? text.toLowerCase(java.util.Locale.ROOT) : text);
            }
        }
        if (nodes.isEmpty()) {
            problems.add(fields.originOf("values"), "a " + type.key() + " signal needs at least one value");
        }
        return values;
    }

    private static boolean valid(SignalType type, String value, Origin origin, Problems problems) {
        String problem = switch (type) {
            case MIME_TYPE -> MIME.matcher(value.toLowerCase(java.util.Locale.ROOT)).matches()
                    ? null : "\"" + value + "\" is not a MIME type such as video/* or audio/mp4";
            case EXTENSION -> EXTENSION.matcher(value.toLowerCase(java.util.Locale.ROOT)).matches()
                    ? null : "\"" + value + "\" is not a file extension; write it without the dot, such as mp4";
            case FACET -> FACETS.contains(value.toLowerCase(java.util.Locale.ROOT))
                    ? null : "\"" + value + "\" is not one of audio, video, photo, image";
            case COLUMN -> value.isBlank() || value.startsWith("=")
                    ? "\"" + value + "\" must be a column name, optionally followed by =value" : null;
            default -> value.isBlank() ? "must not be blank" : null;
        };
        if (problem != null) {
            problems.add(origin, problem);
        }
        return problem == null;
    }

    private static Map<String, SignalType> signalTypes() {
        Map<String, SignalType> types = new LinkedHashMap<>();
        Arrays.stream(SignalType.values()).forEach(t -> types.put(t.key(), t));
        return types;
    }
}
