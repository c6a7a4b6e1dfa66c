package org.ward.rules.policy;

import org.ward.rules.policy.PolicyNode.MapNode;
import org.ward.rules.policy.PolicyNode.ScalarKind;
import org.ward.rules.policy.PolicyNode.ScalarNode;

/**
 * The fields every policy file must carry itself, checked per file before merging (a merge would otherwise let
 * an organisation file borrow the base pack's schema version or id).
 */
final class PackHeader {

    static final int SCHEMA_VERSION = 1;

    private PackHeader() {
    }

    static void check(MapNode doc, String expectedId, Problems problems) {
        Origin file = doc.origin();
        PolicyNode version = doc.entries().get("schemaVersion");
        if (Scalars.isNull(version)) {
            problems.add(file.field("schemaVersion"), "is required; write schemaVersion: " + SCHEMA_VERSION);
        } else if (!(version instanceof ScalarNode s && s.kind() == ScalarKind.INTEGER && s.text().equals(String.valueOf(SCHEMA_VERSION)))) {
            problems.add(version.origin(), version.shape() + " is not a schema version this Ward reads (it reads "
                    + SCHEMA_VERSION + ")");
        }
        for (String key : new String[] {"id", "title", "version"}) {
            PolicyNode value = doc.entries().get(key);
            if (Scalars.isNull(value)) {
                problems.add(file.field(key), "is required");
            } else if (!(value instanceof ScalarNode)) {
                problems.add(value.origin(), "expected text, found " + value.shape());
            }
        }
        if (doc.entries().get("id") instanceof ScalarNode id && id.kind() != ScalarKind.NULL) {
            if (!PolicyNames.KEBAB.matcher(id.text()).matches()) {
                problems.add(id.origin(), "\"" + id.text() + "\" must be kebab-case (lower-case letters, digits and hyphens)");
            } else if (expectedId != null && !expectedId.equals(id.text())) {
                problems.add(id.origin(), "the built-in pack " + expectedId + " must have id " + expectedId
                        + ", not \"" + id.text() + "\"");
            }
        }
    }
}
