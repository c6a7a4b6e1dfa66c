package org.ward.armtemplates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One ARM JSON template as the tests read it: its sections, its resources (nested ones included) and every string in
 * it, each with its JSON pointer, so that a rule can say exactly where a problem is.
 */
public record ArmTemplate(String name, String text, JsonNode root) {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** A string in the template: a value, or an object key (ARM evaluates expressions in some keys). */
    public record Located(String pointer, String value, boolean key) {
    }

    /** The folder holding the templates: the module's base directory, set by Surefire. */
    public static Path directory() {
        return Path.of(System.getProperty("ward.arm-templates.dir", "."));
    }

    /** Every deployment template in the module: the JSON files in its base directory that are not parameter files. */
    public static List<ArmTemplate> all() {
        try (Stream<Path> files = Files.list(directory())) {
            List<ArmTemplate> templates = files
                    .filter(file -> file.getFileName().toString().endsWith(".json"))
                    .filter(file -> !file.getFileName().toString().contains(".parameters."))
                    .sorted()
                    .map(ArmTemplate::read)
                    .toList();
            if (templates.isEmpty()) {
                throw new IllegalStateException("no template found in " + directory().toAbsolutePath());
            }
            return templates;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ArmTemplate main() {
        return read(directory().resolve("azuredeploy.json"));
    }

    public static ArmTemplate read(Path file) {
        try {
            String text = Files.readString(file);
            return new ArmTemplate(file.getFileName().toString(), text, JSON.readTree(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ArmTemplate of(String name, JsonNode root) {
        return new ArmTemplate(name, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root), root);
    }

    /** A deep copy to break on purpose in a test; {@code change} edits the copy's JSON tree. */
    public ArmTemplate broken(String why, Consumer<ObjectNode> change) {
        ObjectNode copy = (ObjectNode) root.deepCopy();
        change.accept(copy);
        return of(name + " (" + why + ")", copy);
    }

    public Map<String, JsonNode> parameters() {
        return section("parameters");
    }

    public Map<String, JsonNode> variables() {
        return section("variables");
    }

    public Map<String, JsonNode> outputs() {
        return section("outputs");
    }

    private Map<String, JsonNode> section(String section) {
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        root.path(section).properties().forEach(entry -> entries.put(entry.getKey(), entry.getValue()));
        return entries;
    }

    /** Every resource, children declared in a parent's {@code resources} array included, with its JSON pointer. */
    public Map<String, JsonNode> resources() {
        Map<String, JsonNode> resources = new LinkedHashMap<>();
        collectResources(root.path("resources"), "/resources", resources);
        return resources;
    }

    private static void collectResources(JsonNode array, String pointer, Map<String, JsonNode> into) {
        for (int i = 0; i < array.size(); i++) {
            JsonNode resource = array.get(i);
            into.put(pointer + "/" + i, resource);
            collectResources(resource.path("resources"), pointer + "/" + i + "/resources", into);
        }
    }

    /** Every string value and object key in the template, in document order. */
    public List<Located> strings() {
        List<Located> strings = new ArrayList<>();
        collectStrings(root, "", strings);
        return strings;
    }

    /** Every ARM expression in the template with where it is. */
    public List<Located> expressions() {
        return strings().stream().filter(located -> ArmExpression.isExpression(located.value())).toList();
    }

    private static void collectStrings(JsonNode node, String pointer, List<Located> into) {
        if (node.isString()) {
            into.add(new Located(pointer, node.stringValue(), false));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectStrings(node.get(i), pointer + "/" + i, into);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                String child = pointer + "/" + entry.getKey().replace("~", "~0").replace("/", "~1");
                into.add(new Located(child, entry.getKey(), true));
                collectStrings(entry.getValue(), child, into);
            }
        }
    }

    /** Names given as literal arguments to {@code function} (e.g. parameters, variables) anywhere in the template. */
    public Set<String> literalArguments(String function) {
        Set<String> names = new TreeSet<>();
        for (Located located : expressions()) {
            for (ArmExpression.Call call : ArmExpression.parse(located.value()).calls()) {
                if (call.key().equals(function.toLowerCase(java.util.Locale.ROOT)) && !call.arguments().isEmpty()
                        && call.arguments().get(0) instanceof ArmExpression.Text text) {
                    names.add(text.value());
                }
            }
        }
        return names;
    }

    @Override
    public String toString() {
        return name;
    }
}
