package org.ward.rules.policy;

import java.util.Set;
import java.util.regex.Pattern;

/** Checks on names shared by several sections: ids, references to recording kinds, domains. */
final class PolicyNames {

    static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?i)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");

    private PolicyNames() {
    }

    /** Reads a required kebab-case id. */
    static String id(NodeFields fields, Problems problems) {
        String id = fields.requiredText("id");
        if (id != null && !KEBAB.matcher(id).matches()) {
            problems.add(fields.originOf("id"), "\"" + id + "\" must be kebab-case (lower-case letters, digits and hyphens)");
            return null;
        }
        return id;
    }

    /** Whether {@code kind} names a recording kind of the pack; reports it otherwise. */
    static boolean knownKind(String kind, Origin origin, Set<String> kindIds, Problems problems) {
        if (kind == null) {
            return false;
        }
        if (kindIds.contains(kind)) {
            return true;
        }
        String hint = Suggestions.closest(kind, kindIds);
        problems.add(origin, "\"" + kind + "\" is not a recording kind of this pack"
                + (hint == null ? " (kinds: " + String.join(", ", kindIds) + ")" : " (did you mean \"" + hint + "\"?)"));
        return false;
    }

    static String domain(PolicyNode node, Problems problems) {
        String text = Scalars.textOf(node, problems);
        if (text != null && !DOMAIN.matcher(text).matches()) {
            problems.add(node.origin(), "\"" + text + "\" is not a domain name such as example.nhs.uk");
            return null;
        }
        return text;
    }
}
