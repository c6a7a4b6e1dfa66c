package org.ward.simulator.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Microsoft Graph's data model as the official Java SDK (microsoft-graph v6) defines it: each type the simulator
 * serves, with every property and its type, and the members of every enum they use. The v1.0 model is read from
 * {@code graph-model-v1.0.json}, which a test writes from the SDK's model classes and keeps equal to them; the beta
 * model adds the few beta-only properties the simulator serves on {@code /beta}, each from Microsoft's beta
 * reference. Property names are matched without regard to case, as Graph matches them in query options.
 */
public final class GraphModel {

    /** The namespace Graph writes before type names in errors and {@code @odata.type}. */
    public static final String NAMESPACE = "microsoft.graph.";

    /**
     * A property's type: a primitive ("String", "Boolean", "Int32", "DateTimeOffset", ...), a structured type or an
     * enum by name; a collection of them; or a flags enum (several members, comma-separated).
     */
    public record TypeRef(String name, boolean collection, boolean flags) {

        static TypeRef parse(String text) {
            if (text.startsWith("Collection(")) {
                return new TypeRef(text.substring("Collection(".length(), text.length() - 1), true, false);
            }
            if (text.startsWith("Flags(")) {
                return new TypeRef(text.substring("Flags(".length(), text.length() - 1), false, true);
            }
            return new TypeRef(text, false, false);
        }

        /** Graph's primitive types start with a capital letter; its own types do not. */
        public boolean primitive() {
            return Character.isUpperCase(name.charAt(0));
        }
    }

    /** An entity or complex type with its properties, inherited ones included. */
    public record StructuredType(String name, boolean entity, String base, Map<String, TypeRef> properties) {

        /** The property of that name, matched without regard to case, or null. */
        public TypeRef property(String property) {
            TypeRef exact = properties.get(property);
            if (exact != null) {
                return exact;
            }
            for (Map.Entry<String, TypeRef> e : properties.entrySet()) {
                if (e.getKey().equalsIgnoreCase(property)) {
                    return e.getValue();
                }
            }
            return null;
        }

        /** The name as Graph writes it in messages: "microsoft.graph.driveItem". */
        public String qualifiedName() {
            return NAMESPACE + name;
        }
    }

    /** An enum: the values Graph may send, in the SDK's order. */
    public record EnumType(String name, List<String> members) {
    }

    private static final String V1_RESOURCE = "graph-model-v1.0.json";
    /**
     * Types whose properties are the tenant's own: a list item's {@code fields} are its columns (fieldValueSet:
     * "open type"; the SDK models them as additionalData only).
     */
    private static final java.util.Set<String> OPEN = java.util.Set.of("fieldValueSet");

    private final Map<String, StructuredType> types;
    private final Map<String, EnumType> enums;

    private GraphModel(Map<String, StructuredType> types, Map<String, EnumType> enums) {
        this.types = Collections.unmodifiableMap(types);
        this.enums = Collections.unmodifiableMap(enums);
    }

    /** Immutable models, read once per class loader. */
    private static final class Loaded {
        static final GraphModel V1 = read();
        static final GraphModel BETA = BetaModel.extend(V1);
    }

    public static GraphModel v1() {
        return Loaded.V1;
    }

    public static GraphModel beta() {
        return Loaded.BETA;
    }

    /** The model of a Graph version ("v1.0" or "beta"). */
    public static GraphModel of(String version) {
        return "beta".equals(version) ? beta() : v1();
    }

    /** Whether a type accepts properties its model does not list. */
    public static boolean open(String typeName) {
        return OPEN.contains(strip(typeName));
    }

    /** The structured type of that name ("driveItem", without the namespace), or null. */
    public StructuredType type(String name) {
        return types.get(strip(name));
    }

    /**
     * A property of the type or of a type derived from it: a collection of directoryObjects answers with users and
     * groups, and Graph lets {@code $select} name their properties (userPrincipalName on group members).
     */
    public TypeRef propertyOfTypeOrDerived(StructuredType type, String property) {
        TypeRef own = type.property(property);
        if (own != null) {
            return own;
        }
        for (StructuredType candidate : types.values()) {
            if (derivesFrom(candidate, type.name())) {
                TypeRef derived = candidate.property(property);
                if (derived != null) {
                    return derived;
                }
            }
        }
        return null;
    }

    private boolean derivesFrom(StructuredType candidate, String ancestor) {
        for (String base = candidate.base(); base != null; ) {
            if (base.equals(ancestor)) {
                return true;
            }
            StructuredType next = types.get(base);
            base = next == null ? null : next.base();
        }
        return false;
    }

    /** The enum of that name, or null. */
    public EnumType enumType(String name) {
        return enums.get(strip(name));
    }

    public Map<String, StructuredType> types() {
        return types;
    }

    public Map<String, EnumType> enums() {
        return enums;
    }

    /** A copy with more types and enums, and more properties on existing types (for the beta model). */
    GraphModel with(Map<String, Map<String, String>> moreProperties, Map<String, StructuredType> moreTypes,
            Map<String, EnumType> moreEnums, Map<String, List<String>> removed) {
        Map<String, StructuredType> t = new LinkedHashMap<>(types);
        moreTypes.forEach(t::put);
        moreProperties.forEach((typeName, properties) -> {
            StructuredType existing = t.get(typeName);
            Map<String, TypeRef> merged = new LinkedHashMap<>(existing.properties());
            properties.forEach((name, ref) -> merged.put(name, TypeRef.parse(ref)));
            removed.getOrDefault(typeName, List.of()).forEach(merged::remove);
            t.put(typeName, new StructuredType(typeName, existing.entity(), existing.base(), Collections.unmodifiableMap(merged)));
        });
        Map<String, EnumType> e = new LinkedHashMap<>(enums);
        moreEnums.forEach(e::put);
        return new GraphModel(t, e);
    }

    static StructuredType complex(String name, Map<String, String> properties) {
        Map<String, TypeRef> refs = new LinkedHashMap<>();
        properties.forEach((property, ref) -> refs.put(property, TypeRef.parse(ref)));
        return new StructuredType(name, false, null, Collections.unmodifiableMap(refs));
    }

    private static String strip(String name) {
        String n = name.startsWith("#") ? name.substring(1) : name;
        return n.regionMatches(true, 0, NAMESPACE, 0, NAMESPACE.length()) ? n.substring(NAMESPACE.length()) : n;
    }

    private static GraphModel read() {
        try (InputStream in = GraphModel.class.getResourceAsStream(V1_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The simulator's Graph model " + V1_RESOURCE + " is missing from the classpath");
            }
            JsonNode root = Json.mapper().readTree(in);
            Map<String, StructuredType> types = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : root.path("types").properties()) {
                JsonNode node = e.getValue();
                Map<String, TypeRef> properties = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> p : node.path("properties").properties()) {
                    properties.put(p.getKey(), TypeRef.parse(p.getValue().asString()));
                }
                types.put(e.getKey(), new StructuredType(e.getKey(), "entity".equals(node.path("kind").asString()),
                        node.path("base").asString(null), Collections.unmodifiableMap(properties)));
            }
            Map<String, EnumType> enums = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : root.path("enums").properties()) {
                List<String> members = new java.util.ArrayList<>();
                e.getValue().path("members").forEach(m -> members.add(m.asString()));
                enums.put(e.getKey(), new EnumType(e.getKey(), List.copyOf(members)));
            }
            return new GraphModel(types, enums);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "GraphModel(" + types.size() + " types, " + enums.size() + " enums)";
    }
}
