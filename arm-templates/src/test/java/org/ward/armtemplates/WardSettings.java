package org.ward.armtemplates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The settings Ward's running jar understands, read from the jar itself rather than from a list kept by hand:
 * every component of every {@code @ConfigurationProperties} record in {@code org.ward} (nested records followed), the
 * {@code ward.*} keys of the connector's application.yml (settings read with {@code @Value}, such as ward.data-dir), and
 * every property in Spring Boot's configuration metadata on the connector's classpath (spring.datasource.*, logging.*).
 * An environment variable matches a setting exactly when Spring Boot's relaxed binding for system environment
 * variables would bind it: WARD_GRAPH_TENANT_ID to ward.graph.tenant-id.
 */
final class WardSettings {

    private final Set<String> ward;
    private final Set<String> spring;

    private WardSettings(Set<String> ward, Set<String> spring) {
        this.ward = ward;
        this.spring = spring;
    }

    static WardSettings fromClasspath() {
        Set<String> ward = new TreeSet<>();
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        for (BeanDefinition candidate : scanner.findCandidateComponents("org.ward")) {
            Class<?> type = load(candidate.getBeanClassName());
            ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
            String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
            if (!type.isRecord()) {
                throw new IllegalStateException(type.getName() + " is not a record: teach WardSettings to read it");
            }
            addRecord(prefix, type, ward);
        }
        if (ward.isEmpty()) {
            throw new IllegalStateException("no @ConfigurationProperties record found in org.ward on the classpath");
        }
        ward.addAll(applicationYamlKeys());
        return new WardSettings(ward, springBootProperties());
    }

    /** Ward's own settings, e.g. ward.graph.tenant-id. */
    Set<String> ward() {
        return Collections.unmodifiableSet(ward);
    }

    /** The setting an environment variable binds to, if Ward or Spring Boot knows one. */
    Optional<String> settingFor(String environmentVariable) {
        ConfigurationPropertySource source = ConfigurationPropertySource.from(
                new SystemEnvironmentPropertySource("environment", Map.of(environmentVariable, "value")));
        for (Set<String> names : List.of(ward, spring)) {
            for (String name : names) {
                if (source.getConfigurationProperty(ConfigurationPropertyName.of(name)) != null) {
                    return Optional.of(name);
                }
            }
        }
        return Optional.empty();
    }

    /** Whether {@code environmentVariable} would bind to {@code setting} (for settings that do not exist yet). */
    static boolean binds(String environmentVariable, String setting) {
        ConfigurationPropertySource source = ConfigurationPropertySource.from(
                new SystemEnvironmentPropertySource("environment", Map.of(environmentVariable, "value")));
        return source.getConfigurationProperty(ConfigurationPropertyName.of(setting)) != null;
    }

    /** An output name in camelCase read as an environment variable: wardGraphTenantId becomes WARD_GRAPH_TENANT_ID. */
    static String environmentVariableOf(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
    }

    private static void addRecord(String prefix, Class<?> type, Set<String> into) {
        for (RecordComponent component : type.getRecordComponents()) {
            String name = prefix + "." + kebab(component.getName());
            Class<?> componentType = component.getType();
            if (componentType.isRecord() && componentType.getName().startsWith("org.ward.")) {
                addRecord(name, componentType, into);
            } else {
                into.add(name);
            }
        }
    }

    static String kebab(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static Set<String> applicationYamlKeys() {
        try (InputStream in = WardSettings.class.getResourceAsStream("/application.yml")) {
            if (in == null) {
                throw new IllegalStateException("the connector's application.yml is not on the test classpath");
            }
            JsonNode root = YAMLMapper.builder().build().readTree(in);
            Set<String> keys = new TreeSet<>();
            flatten("", root, keys);
            keys.removeIf(key -> !key.startsWith("ward."));
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void flatten(String prefix, JsonNode node, Set<String> into) {
        if (node.isObject()) {
            node.properties().forEach(entry -> flatten(prefix.isEmpty() ? entry.getKey()
                    : prefix + "." + entry.getKey(), entry.getValue(), into));
        } else {
            into.add(prefix);
        }
    }

    private static Set<String> springBootProperties() {
        Set<String> names = new TreeSet<>();
        try {
            Enumeration<URL> files = WardSettings.class.getClassLoader()
                    .getResources("META-INF/spring-configuration-metadata.json");
            List<URL> urls = Collections.list(files);
            for (URL url : urls) {
                try (InputStream in = url.openStream()) {
                    JsonNode metadata = ArmTemplate.JSON.readTree(in);
                    metadata.path("properties").forEach(property -> {
                        String name = property.path("name").asString("");
                        if (!name.isEmpty() && isCanonical(name)) {
                            names.add(name);
                        }
                    });
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("no Spring Boot configuration metadata on the classpath");
        }
        return names;
    }

    private static boolean isCanonical(String name) {
        try {
            ConfigurationPropertyName.of(name);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, WardSettings.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every environment variable a container of the template sets, with the resource that sets it. */
    static List<String[]> containerEnvironment(ArmTemplate template) {
        List<String[]> variables = new ArrayList<>();
        template.resources().forEach((pointer, resource) -> {
            JsonNode containers = resource.path("properties").path("template").path("containers");
            for (int i = 0; i < containers.size(); i++) {
                JsonNode env = containers.get(i).path("env");
                String where = pointer + "/properties/template/containers/" + i + "/env";
                for (String name : environmentNames(template, env, where)) {
                    variables.add(new String[] {where, name});
                }
            }
        });
        return variables;
    }

    /**
     * The names an env array declares: a literal array, or an expression built from variables holding literal arrays
     * and createObject('name', '...', ...) calls. Anything the test cannot see through fails, so no variable escapes it.
     */
    private static List<String> environmentNames(ArmTemplate template, JsonNode env, String where) {
        List<String> names = new ArrayList<>();
        if (env.isMissingNode()) {
            return names;
        }
        if (env.isArray()) {
            env.forEach(entry -> {
                if (!entry.path("name").isString() || ArmExpression.isExpression(entry.path("name").stringValue())) {
                    throw new IllegalStateException(where + ": an environment variable's name must be a literal");
                }
                names.add(entry.path("name").stringValue());
            });
            return names;
        }
        if (!env.isString() || !ArmExpression.isExpression(env.stringValue())) {
            throw new IllegalStateException(where + ": env is neither an array nor an expression");
        }
        ArmExpression.parse(env.stringValue()).walk(node -> {
            if (node instanceof ArmExpression.Call call && call.key().equals("variables")
                    && call.arguments().get(0) instanceof ArmExpression.Text variable) {
                JsonNode value = template.variables().get(variable.value());
                if (value != null && (value.isArray() || (value.isString()
                        && ArmExpression.isExpression(value.stringValue()) && value.stringValue().contains("'name'")))) {
                    names.addAll(environmentNames(template, value, where + " via variables('" + variable.value() + "')"));
                }
            } else if (node instanceof ArmExpression.Call call && call.key().equals("createobject")) {
                List<ArmExpression> arguments = call.arguments();
                for (int i = 0; i + 1 < arguments.size(); i += 2) {
                    if (arguments.get(i) instanceof ArmExpression.Text key && key.value().equals("name")) {
                        if (!(arguments.get(i + 1) instanceof ArmExpression.Text name)) {
                            throw new IllegalStateException(where + ": createObject('name', ...) needs a literal name");
                        }
                        names.add(name.value());
                    }
                }
            }
        });
        return names;
    }
}
