package org.ward.rules.policy;

import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ward.rules.policy.PolicyNode.ListNode;
import org.ward.rules.policy.PolicyNode.MapNode;
import org.ward.rules.policy.PolicyNode.ScalarKind;
import org.ward.rules.policy.PolicyNode.ScalarNode;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads one policy file into {@link PolicyNode}s with SnakeYAML's compose API, which keeps each node's position
 * (binding straight to objects would lose it). Syntax errors and duplicate keys stop here with a located sentence.
 */
final class PolicyYaml {

    private static final int MAX_DEPTH = 40;

    private PolicyYaml() {
    }

    static MapNode read(String source, Reader reader) {
        Node root;
        try {
            root = new Yaml(options()).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            String column = e.getProblemMark() == null ? "" : " (column " + (e.getProblemMark().getColumn() + 1) + ")";
            throw new PolicyException(new PolicyProblem(source, line, null,
                    "the YAML is not well-formed: " + e.getProblem() + column));
        } catch (YAMLException e) {
            throw new PolicyException(new PolicyProblem(source, 0, null, "the YAML could not be read: " + e.getMessage()));
        }
        if (root == null) {
            throw new PolicyException(new PolicyProblem(source, 0, null, "the file is empty"));
        }
        Problems problems = new Problems(List.of(source));
        PolicyNode tree = convert(root, new Origin(source, line(root), ""), problems, 0);
        problems.throwIfAny();
        if (!(tree instanceof MapNode map)) {
            throw new PolicyException(new PolicyProblem(source, tree.origin().line(), null,
                    "a policy file must be a map of sections (schemaVersion, id, title, ...), not " + tree.shape()));
        }
        return map;
    }

    private static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // checked below, to name both lines
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(MAX_DEPTH);
        return options;
    }

    private static PolicyNode convert(Node node, Origin origin, Problems problems, int depth) {
        if (depth > MAX_DEPTH) {
            problems.add(origin, "is nested too deeply");
            return new ScalarNode(origin, "", ScalarKind.NULL);
        }
        if (node instanceof MappingNode mapping) {
            return convertMap(mapping, origin, problems, depth);
        }
        if (node instanceof SequenceNode sequence) {
            List<PolicyNode> items = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                items.add(convert(item, origin.element(items.size(), line(item)), problems, depth + 1));
            }
            return new ListNode(origin, items);
        }
        org.yaml.snakeyaml.nodes.ScalarNode scalar = (org.yaml.snakeyaml.nodes.ScalarNode) node;
        return new ScalarNode(origin, scalar.getValue(), kindOf(scalar.getTag()));
    }

    private static MapNode convertMap(MappingNode mapping, Origin origin, Problems problems, int depth) {
        Map<String, PolicyNode> entries = new LinkedHashMap<>();
        Map<String, Origin> keys = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof org.yaml.snakeyaml.nodes.ScalarNode keyNode)) {
                problems.add(origin.field("?").child("?", line(tuple.getKeyNode())), "a key must be plain text");
                continue;
            }
            String key = keyNode.getValue();
            Origin keyOrigin = origin.child(key, line(keyNode));
            if (keys.containsKey(key)) {
                problems.add(keyOrigin, "is given twice (first on line " + keys.get(key).line() + ")");
                continue;
            }
            keys.put(key, keyOrigin);
            // a value is located on its key's line: that is the line a person looks for
            entries.put(key, convert(tuple.getValueNode(), keyOrigin, problems, depth + 1));
        }
        return new MapNode(origin, entries, keys);
    }

    private static ScalarKind kindOf(Tag tag) {
        if (Tag.INT.equals(tag)) {
            return ScalarKind.INTEGER;
        }
        if (Tag.FLOAT.equals(tag)) {
            return ScalarKind.DECIMAL;
        }
        if (Tag.BOOL.equals(tag)) {
            return ScalarKind.BOOLEAN;
        }
        if (Tag.NULL.equals(tag)) {
            return ScalarKind.NULL;
        }
        return ScalarKind.TEXT;
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }
}
