package org.ward.rules.policy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;

import org.ward.rules.policy.PolicyNode.ListNode;
import org.ward.rules.policy.PolicyNode.MapNode;
import org.ward.rules.policy.PolicyNode.ScalarNode;

/**
 * A SHA-256 over the effective (merged) content, rendered canonically: map keys sorted, comments, layout and
 * file boundaries ignored. Two runs with the same policy in force show the same hash in their manifests.
 */
final class ContentHash {

    private ContentHash() {
    }

    static String of(MapNode root) {
        StringBuilder canonical = new StringBuilder();
        render(root, canonical);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void render(PolicyNode node, StringBuilder out) {
        if (node instanceof MapNode map) {
            out.append('{');
            new TreeMap<>(map.entries()).forEach((key, value) -> {
                quote(key, out);
                out.append(':');
                render(value, out);
                out.append(',');
            });
            out.append('}');
        } else if (node instanceof ListNode list) {
            out.append('[');
            list.items().forEach(item -> {
                render(item, out);
                out.append(',');
            });
            out.append(']');
        } else {
            ScalarNode scalar = (ScalarNode) node;
            if (scalar.kind() == PolicyNode.ScalarKind.NULL) {
                out.append("null");
            } else {
                quote(scalar.text(), out);
            }
        }
    }

    private static void quote(String text, StringBuilder out) {
        out.append('"').append(text.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
}
