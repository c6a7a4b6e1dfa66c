package org.ward.rules.policy;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.ward.rules.policy.IdentifierPolicy.ScanTarget;
import org.ward.rules.policy.PolicyNode.MapNode;

/** Binds and validates the {@code identifiers} section. */
final class IdentifierSection {

    /** At most this many characters of an identifier may stay visible, so at least half of 10 digits is hidden. */
    static final int MAX_VISIBLE = 5;

    private static final Map<String, ScanTarget> TARGETS = Map.of(
            "name", ScanTarget.NAME, "path", ScanTarget.PATH, "columns", ScanTarget.COLUMNS);

    private IdentifierSection() {
    }

    static IdentifierPolicy bind(PolicyNode node, Problems problems) {
        NodeFields fields = NodeFields.of(node, problems, "scan", "contextKeywords", "types");
        List<ScanTarget> scan = fields.has("scan")
                ? fields.each("scan", n -> Scalars.choiceOf(n, ordered(), "a scan target", problems))
                : List.of(ScanTarget.NAME, ScanTarget.PATH, ScanTarget.COLUMNS);
        List<String> keywords = fields.texts("contextKeywords", List.of());
        Map<IdentifierType, IdentifierSettings> types = new EnumMap<>(IdentifierType.class);
        fields.node("types").ifPresent(typesNode -> {
            NodeFields.of(typesNode, problems, keys()); // reports identifier types Ward does not know
            if (typesNode instanceof MapNode map) {
                map.entries().forEach((key, value) -> IdentifierType.fromKey(key)
                        .ifPresent(type -> types.put(type, settings(type, value, problems))));
            }
        });
        for (IdentifierType type : IdentifierType.values()) {
            types.putIfAbsent(type, disabled(type));
        }
        return new IdentifierPolicy(scan, keywords, types);
    }

    private static IdentifierSettings settings(IdentifierType type, PolicyNode node, Problems problems) {
        boolean mrn = type == IdentifierType.MRN;
        NodeFields fields = mrn
                ? NodeFields.of(node, problems, "enabled", "mask", "contextKeywords", "patterns", "keywords", "keywordDistance")
                : NodeFields.of(node, problems, "enabled", "mask", "contextKeywords", "ranges", "formats");
        boolean enabled = fields.bool("enabled", false);
        MaskStyle mask = fields.node("mask").map(n -> mask(n, problems)).orElse(defaultMask(type));
        List<String> context = fields.texts("contextKeywords", List.of());
        List<Pattern> patterns = fields.each("patterns", n -> Scalars.regexOf(n, problems));
        List<String> keywords = fields.texts("keywords", List.of());
        int distance = fields.integer("keywordDistance", 5, 0, 40);
        if (mrn && enabled && !fields.has("patterns")) {
            problems.add(fields.originOf("patterns"), "is required when mrn is enabled: MRNs have no national format,"
                    + " so the organisation gives its own regular expressions");
        }
        if (mrn && enabled && !fields.has("keywords")) {
            problems.add(fields.originOf("keywords"), "is required when mrn is enabled: an MRN is only recognised"
                    + " next to a keyword such as MRN");
        }
        List<NumberRange> ranges = fields.each("ranges", n -> range(n, problems));
        List<String> formats = fields.each("formats", n -> format(n, problems));
        return new IdentifierSettings(type, enabled, mask, context, patterns, keywords, distance, ranges, formats);
    }

    private static NumberRange range(PolicyNode node, Problems problems) {
        String text = Scalars.textOf(node, problems);
        if (text == null) {
            return null;
        }
        NumberRange range = NumberRange.parse(text);
        if (range == null) {
            problems.add(node.origin(), "\"" + text + "\" is not a range such as 300 000 0000-499 999 9999 (the lower"
                    + " number first)");
        }
        return range;
    }

    private static String format(PolicyNode node, Problems problems) {
        String text = Scalars.textOf(node, problems);
        if (text != null && !text.matches("[1-9]\\d?(-[1-9]\\d?)+")) {
            problems.add(node.origin(), "\"" + text + "\" is not a format such as 3-3-4 (the sizes of the digit groups,"
                    + " joined by hyphens)");
            return null;
        }
        return text;
    }

    private static MaskStyle mask(PolicyNode node, Problems problems) {
        NodeFields fields = NodeFields.of(node, problems, "keepFirst", "keepLast");
        int first = fields.integer("keepFirst", 0, 0, MAX_VISIBLE);
        int last = fields.integer("keepLast", 0, 0, MAX_VISIBLE);
        if (first + last > MAX_VISIBLE) {
            problems.add(fields.origin(), "keepFirst + keepLast is " + (first + last) + "; at most " + MAX_VISIBLE
                    + " characters may stay visible so that at least half of the identifier is hidden");
            return new MaskStyle(0, 2);
        }
        return new MaskStyle(first, last);
    }

    /** NHS: first 3 and last 2 ("999 *** **18"); CHI hides its first six digits, which are the date of birth. */
    static MaskStyle defaultMask(IdentifierType type) {
        return switch (type) {
            case NHS_NUMBER -> new MaskStyle(3, 2);
            case MEDICARE_NUMBER -> new MaskStyle(2, 2);
            case CHI_NUMBER, MRN -> new MaskStyle(0, 2);
        };
    }

    private static IdentifierSettings disabled(IdentifierType type) {
        return new IdentifierSettings(type, false, defaultMask(type), List.of(), List.of(), List.of(), 5, List.of(), List.of());
    }

    private static String[] keys() {
        return java.util.Arrays.stream(IdentifierType.values()).map(IdentifierType::key).toArray(String[]::new);
    }

    private static Map<String, ScanTarget> ordered() {
        Map<String, ScanTarget> targets = new LinkedHashMap<>();
        List.of("name", "path", "columns").forEach(k -> targets.put(k, TARGETS.get(k)));
        return targets;
    }
}
