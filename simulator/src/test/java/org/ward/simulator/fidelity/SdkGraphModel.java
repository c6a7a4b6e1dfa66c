package org.ward.simulator.fidelity;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import com.microsoft.graph.models.Entity;
import com.microsoft.kiota.PeriodAndDuration;
import com.microsoft.kiota.serialization.Parsable;
import com.microsoft.kiota.serialization.UntypedNode;
import com.microsoft.kiota.serialization.ValuedEnum;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads Microsoft's v1.0 data model out of the official Java SDK (microsoft-graph v6): for each type, every JSON
 * property its model class deserialises (Kiota's {@code getFieldDeserializers}, inherited ones included) with the
 * property's type taken from the class's getter; for each enum, the JSON values of its members. The simulator's
 * {@code graph-model-v1.0.json} is this reader's output for the types the simulator serves, so nothing in it is
 * typed by hand.
 */
public final class SdkGraphModel {

    private static final String MODELS = "com.microsoft.graph.models.";
    private static final String ESCAPED = "Escaped";

    /**
     * The types the simulator answers with, or that Ward may ask it to expand, and the ones a sibling route is
     * likely to need; the closure adds every complex type and enum they reach.
     */
    public static final List<String> ROOTS = List.of("user", "group", "directoryObject", "organization", "team", "channel",
            "site", "drive", "driveItem", "listItem", "fieldValueSet", "permission", "itemRetentionLabel",
            "extractSensitivityLabelsResult", "userRegistrationDetails", "signIn", "riskyUser", "riskDetection",
            "conditionalAccessPolicy", "identitySecurityDefaultsEnforcementPolicy", "unifiedRoleAssignment",
            "unifiedRoleDefinition", "directoryRole", "subscribedSku", "subscription", "sensitivityLabel");

    private final Map<String, ObjectNode> types = new TreeMap<>();
    private final Map<String, ObjectNode> enums = new TreeMap<>();
    private final JsonMapper json = JsonMapper.builder().build();

    private SdkGraphModel() {
    }

    /** The model of the given root types and everything structural they reach. */
    public static ObjectNode of(List<String> roots) {
        SdkGraphModel model = new SdkGraphModel();
        Deque<Class<?>> pending = new ArrayDeque<>();
        roots.forEach(root -> pending.add(modelClass(root)));
        while (!pending.isEmpty()) {
            model.add(pending.pop(), pending, roots);
        }
        ObjectNode out = model.json.createObjectNode();
        out.put("source", "com.microsoft.graph:microsoft-graph " + sdkVersion()
                + " (v1.0 models), written by SdkGraphModel; do not edit by hand");
        ObjectNode typeNodes = out.putObject("types");
        model.types.forEach(typeNodes::set);
        ObjectNode enumNodes = out.putObject("enums");
        model.enums.forEach(enumNodes::set);
        return out;
    }

    /** The SDK's model class for an OData type name ("driveItem", "security.alert"). */
    public static Class<?> modelClass(String typeName) {
        int dot = typeName.lastIndexOf('.');
        String pkg = dot < 0 ? "" : typeName.substring(0, dot + 1).toLowerCase(Locale.ROOT);
        String simple = typeName.substring(dot + 1);
        String className = MODELS + pkg + Character.toUpperCase(simple.charAt(0)) + simple.substring(1);
        for (String candidate : List.of(className, className + ESCAPED)) {
            try {
                return Class.forName(candidate);
            } catch (ClassNotFoundException e) {
                // Kiota renames types whose names are Java keywords ("package" is PackageEscaped)
            }
        }
        throw new IllegalArgumentException("The SDK has no model for " + typeName + " (" + className + ")");
    }

    /** The OData name of a model class: its simple name with a lower-case first letter, namespaced below models. */
    public static String typeName(Class<?> modelClass) {
        String pkg = modelClass.getPackageName();
        String sub = pkg.length() > MODELS.length() - 1 ? pkg.substring(MODELS.length()) + "." : "";
        String simple = modelClass.getSimpleName();
        if (simple.endsWith(ESCAPED)) {
            simple = simple.substring(0, simple.length() - ESCAPED.length());
        }
        return sub + Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
    }

    private void add(Class<?> type, Deque<Class<?>> pending, List<String> roots) {
        String name = typeName(type);
        if (type.isEnum()) {
            if (!enums.containsKey(name)) {
                ObjectNode node = json.createObjectNode();
                var members = node.putArray("members");
                for (Object constant : type.getEnumConstants()) {
                    members.add(((ValuedEnum) constant).getValue());
                }
                enums.put(name, node);
            }
            return;
        }
        if (types.containsKey(name)) {
            return;
        }
        ObjectNode node = json.createObjectNode();
        types.put(name, node);
        node.put("kind", Entity.class.isAssignableFrom(type) ? "entity" : "complex");
        Class<?> base = type.getSuperclass();
        if (base != null && Parsable.class.isAssignableFrom(base)) {
            node.put("base", typeName(base));
        }
        ObjectNode properties = node.putObject("properties");
        Map<String, Method> getters = getters(type);
        for (String property : new TreeSet<>(fieldNames(type))) {
            if (property.startsWith("@")) {
                continue;
            }
            Method getter = getters.get(normalise(property));
            if (getter == null) {
                throw new IllegalStateException(type.getName() + " deserialises '" + property + "' but has no getter for it");
            }
            properties.put(property, typeRef(getter.getGenericReturnType(), pending, roots, true));
        }
    }

    private String typeRef(Type javaType, Deque<Class<?>> pending, List<String> roots, boolean top) {
        if (javaType instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type element = parameterized.getActualTypeArguments()[0];
            if (List.class.isAssignableFrom(raw)) {
                return "Collection(" + typeRef(element, pending, roots, false) + ")";
            }
            if (EnumSet.class.isAssignableFrom(raw)) {
                return "Flags(" + typeRef(element, pending, roots, false) + ")";
            }
            throw new IllegalStateException("Unexpected generic property type " + javaType);
        }
        Class<?> c = (Class<?>) javaType;
        if (c == String.class) {
            return "String";
        }
        if (c == Boolean.class) {
            return "Boolean";
        }
        if (c == Integer.class || c == Short.class || c == Byte.class) {
            return "Int32";
        }
        if (c == Long.class) {
            return "Int64";
        }
        if (c == Double.class || c == Float.class) {
            return "Double";
        }
        if (c == BigDecimal.class) {
            return "Decimal";
        }
        if (c == OffsetDateTime.class) {
            return "DateTimeOffset";
        }
        if (c == LocalDate.class) {
            return "Date";
        }
        if (c == LocalTime.class) {
            return "TimeOfDay";
        }
        if (c == PeriodAndDuration.class) {
            return "Duration";
        }
        if (c == UUID.class) {
            return "Guid";
        }
        if (c == byte[].class) {
            return "Binary";
        }
        if (c == UntypedNode.class || c == Object.class) {
            return "Untyped";
        }
        if (!c.getName().startsWith(MODELS)) {
            throw new IllegalStateException("Unexpected property type " + c.getName());
        }
        String name = typeName(c);
        boolean navigation = Entity.class.isAssignableFrom(c);
        // Complex types and enums are part of the shape; entity types only when the simulator serves them.
        if (!navigation || roots.contains(name)) {
            pending.add(c);
        }
        return name;
    }

    private static java.util.Set<String> fieldNames(Class<?> type) {
        try {
            if (Modifier.isAbstract(type.getModifiers())) {
                throw new IllegalStateException(type.getName() + " is abstract");
            }
            Parsable instance = (Parsable) type.getConstructor().newInstance();
            return instance.getFieldDeserializers().keySet();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot instantiate " + type.getName(), e);
        }
    }

    private static Map<String, Method> getters(Class<?> type) {
        Map<String, Method> getters = new TreeMap<>();
        for (Method method : type.getMethods()) {
            if (method.getName().startsWith("get") && method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers())) {
                getters.putIfAbsent(normalise(method.getName().substring(3)), method);
            }
        }
        return getters;
    }

    private static String normalise(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }

    private static String sdkVersion() {
        try {
            return (String) Class.forName("com.microsoft.graph.info.Constants").getField("VERSION_NAME").get(null);
        } catch (ReflectiveOperationException e) {
            return "6.x";
        }
    }
}
