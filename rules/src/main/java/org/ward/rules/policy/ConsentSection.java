package org.ward.rules.policy;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ward.rules.policy.ConsentPolicy.ConsentColumn;
import org.ward.rules.policy.ConsentPolicy.ConsentLink;

/** Binds and validates the {@code consent} section. */
final class ConsentSection {

    private ConsentSection() {
    }

    static ConsentPolicy bind(PolicyNode node, Set<String> kindIds, Problems problems) {
        NodeFields fields = NodeFields.of(node, problems, "requiredFor", "forms", "columns");
        Set<String> requiredFor = new LinkedHashSet<>();
        for (PolicyNode kind : fields.each("requiredFor", n -> n)) {
            String text = Scalars.textOf(kind, problems);
            if (PolicyNames.knownKind(text, kind.origin(), kindIds, problems)) {
                requiredFor.add(text);
            }
        }
        NodeFields forms = NodeFields.of(fields.node("forms").orElse(PolicyNode.MapNode.empty(fields.originOf("forms"))),
                problems, "namePatterns", "extensions", "linkBy");
        List<String> patterns = forms.texts("namePatterns", List.of("*consent*"));
        List<String> extensions = forms.texts("extensions", List.of("pdf", "docx", "doc"));
        Set<ConsentLink> linkBy = forms.has("linkBy")
                ? new LinkedHashSet<>(forms.each("linkBy", n -> Scalars.choiceOf(n, links(), "a link", problems)))
                : Set.of(ConsentLink.IDENTIFIER, ConsentLink.BASE_NAME);
        List<ConsentColumn> columns = fields.each("columns", n -> column(n, problems));
        return new ConsentPolicy(requiredFor, patterns, extensions.stream().map(e -> e.toLowerCase(java.util.Locale.ROOT)).toList(),
                linkBy, columns);
    }

    private static ConsentColumn column(PolicyNode node, Problems problems) {
        NodeFields fields = NodeFields.of(node, problems, "name", "values");
        String name = fields.requiredText("name");
        return name == null ? null : new ConsentColumn(name, fields.texts("values", List.of()));
    }

    private static Map<String, ConsentLink> links() {
        Map<String, ConsentLink> links = new LinkedHashMap<>();
        links.put("identifier", ConsentLink.IDENTIFIER);
        links.put("base-name", ConsentLink.BASE_NAME);
        return links;
    }
}
