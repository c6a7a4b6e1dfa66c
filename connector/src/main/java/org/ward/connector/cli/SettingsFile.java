package org.ward.connector.cli;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.boot.env.PropertySourceLoader;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;
import org.ward.connector.ConfigurationProblem;
import org.ward.rules.policy.Suggestions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * The settings file given with {@code --config}, read before Ward starts so that what Spring would pass over in silence
 * stops Ward with one sentence naming the file and line: a folder instead of a file, YAML that does not parse (a bad
 * indent), and a {@code ward.*} name that is no setting of Ward's (a typo Spring would ignore, leaving, say,
 * remediation off). The names Ward knows are those its {@code @ConfigurationProperties} records bind.
 */
final class SettingsFile {

    /**
     * Ward's settings records by prefix; a test keeps this in step with the {@code @ConfigurationProperties} records
     * (scanning the class path for them here would cost a second at every start).
     */
    static final Map<String, Class<?>> RECORDS = Map.ofEntries(
            Map.entry("ward.alerts", org.ward.connector.alerts.AlertSettings.class),
            Map.entry("ward.archive", org.ward.connector.archive.ArchiveSettings.class),
            Map.entry("ward.audit", org.ward.connector.audit.AuditSettings.class),
            Map.entry("ward.azure", org.ward.connector.graph.AzureSettings.class),
            Map.entry("ward.database", org.ward.connector.database.DatabaseSettings.class),
            Map.entry("ward.evidence", org.ward.connector.evidence.EvidenceSettings.class),
            Map.entry("ward.graph", org.ward.connector.graph.GraphSettings.class),
            Map.entry("ward.identity", org.ward.connector.identity.IdentitySettings.class),
            Map.entry("ward.inventory", org.ward.connector.inventory.InventorySettings.class),
            Map.entry("ward.policy", org.ward.connector.policy.PolicySettings.class),
            Map.entry("ward.privacy", org.ward.connector.privacy.PrivacySettings.class),
            Map.entry("ward.protection", org.ward.connector.protect.ProtectionSettings.class),
            Map.entry("ward.remediation", org.ward.connector.remediate.RemediationSettings.class),
            Map.entry("ward.serve", org.ward.connector.serve.ServeSettings.class),
            Map.entry("ward.sharing", org.ward.connector.sharing.SharingSettings.class),
            Map.entry("ward.subscriptions", org.ward.connector.notifications.SubscriptionSettings.class),
            Map.entry("ward.webhook", org.ward.connector.notifications.WebhookSettings.class));

    /** Settings Ward reads without a settings record. */
    private static final List<String> LOOSE = List.of("ward.data-dir", "ward.database.read-only");
    private static final String EVERY_SETTING = " (docs/admin-guide.md lists every setting)";

    private SettingsFile() {
    }

    /**
     * Reads the file and refuses it when Ward cannot use it.
     *
     * @throws UnusableSettingsException with one sentence naming the file, the line and what to change
     */
    static void check(Path file) {
        if (Files.isDirectory(file)) {
            throw new UnusableSettingsException("--config " + file + " is a folder, not a file: give the path of Ward's"
                    + " settings file (e.g. ward.yml).");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new UnusableSettingsException("--config " + file + " cannot be read: give the path of Ward's settings"
                    + " file.");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        PropertySourceLoader loader = name.endsWith(".yml") || name.endsWith(".yaml") ? new YamlPropertySourceLoader()
                : name.endsWith(".properties") || name.endsWith(".xml") ? new PropertiesPropertySourceLoader() : null;
        if (loader == null) {
            return;
        }
        List<PropertySource<?>> sources;
        try {
            sources = loader.load(file.toString(), new FileSystemResource(file));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where = mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
            throw new UnusableSettingsException(file + " is not valid YAML" + where + " (" + e.getProblem() + "): check"
                    + " that line's indentation against the lines above it and the colon after each name.");
        } catch (IOException | RuntimeException e) {
            throw new UnusableSettingsException(file + " cannot be read as settings (" + e.getMessage() + "): give a YAML"
                    + " or properties file.");
        }
        Known known = Known.read();
        for (PropertySource<?> source : sources) {
            if (!(source instanceof EnumerablePropertySource<?> names)) {
                continue;
            }
            for (String setting : names.getPropertyNames()) {
                known.unknown(setting).ifPresent(unknown -> {
                    throw new UnusableSettingsException(file + line(source, setting) + ": " + setting + " is not one of"
                            + " Ward's settings, so Ward would ignore it; " + unknown);
                });
            }
        }
    }

    private static String line(PropertySource<?> source, String setting) {
        Origin origin = OriginLookup.getOrigin(source, setting);
        while (origin != null && !(origin instanceof TextResourceOrigin)) {
            origin = origin.getParent();
        }
        return origin instanceof TextResourceOrigin text && text.getLocation() != null
                ? " line " + (text.getLocation().getLine() + 1) : "";
    }

    /** The names under {@code ward.} that Ward's settings records bind, walked one element at a time. */
    private record Known(Map<String, Class<?>> records) {

        static Known read() {
            return new Known(RECORDS);
        }

        /** Why {@code setting} is no setting of Ward's, with the likeliest one meant; empty when it is one. */
        Optional<String> unknown(String setting) {
            ConfigurationPropertyName name = ConfigurationPropertyName.adapt(setting, '.');
            if (name.isEmpty() || !"ward".equals(uniform(name, 0))) {
                return Optional.empty();
            }
            for (String loose : LOOSE) {
                if (name.equals(ConfigurationPropertyName.of(loose))) {
                    return Optional.empty();
                }
            }
            if (name.getNumberOfElements() < 2) {
                return Optional.empty();
            }
            for (Map.Entry<String, Class<?>> entry : records.entrySet()) {
                ConfigurationPropertyName prefix = ConfigurationPropertyName.of(entry.getKey());
                if (prefix.equals(name)) {
                    return Optional.empty();
                }
                if (prefix.isAncestorOf(name)) {
                    return walk(ResolvableType.forClass(entry.getValue()), name, prefix.getNumberOfElements(),
                            entry.getKey());
                }
            }
            List<String> tops = new ArrayList<>();
            records.keySet().forEach(prefix -> tops.add(prefix.substring("ward.".length())));
            LOOSE.forEach(loose -> tops.add(loose.substring("ward.".length()).split("\\.")[0]));
            return Optional.of(meant("ward", name.getElement(1, ConfigurationPropertyName.Form.ORIGINAL), tops));
        }

        private static Optional<String> walk(ResolvableType type, ConfigurationPropertyName name, int at, String path) {
            if (at >= name.getNumberOfElements()) {
                return Optional.empty();
            }
            Class<?> raw = type.resolve(Object.class);
            if (Map.class.isAssignableFrom(raw)) {
                return walk(type.asMap().getGeneric(1), name, at + 1, path + "." + name.getElement(at,
                        ConfigurationPropertyName.Form.ORIGINAL));
            }
            if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
                if (!name.isNumericIndex(at)) {
                    return Optional.of(path + " is a list: give its values as a YAML list or separated by commas"
                            + EVERY_SETTING + ".");
                }
                ResolvableType element = raw.isArray() ? type.getComponentType() : type.asCollection().getGeneric(0);
                return walk(element, name, at + 1, path + "[" + name.getElement(at, ConfigurationPropertyName.Form.ORIGINAL)
                        + "]");
            }
            String element = name.getElement(at, ConfigurationPropertyName.Form.ORIGINAL);
            if (!raw.isRecord()) {
                return Optional.of(path + " is a single value and has no setting " + element + " under it"
                        + EVERY_SETTING + ".");
            }
            List<String> components = new ArrayList<>();
            for (RecordComponent component : raw.getRecordComponents()) {
                String kebab = kebab(component.getName());
                components.add(kebab);
                if (kebab.replace("-", "").equals(name.getElement(at, ConfigurationPropertyName.Form.UNIFORM))) {
                    Type generic = component.getGenericType();
                    return walk(ResolvableType.forType(generic), name, at + 1, path + "." + kebab);
                }
            }
            return Optional.of(meant(path, element, components));
        }

        private static String meant(String path, String typed, List<String> names) {
            String bare = typed.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
            Optional<String> closest = names.stream()
                    .min(Comparator.comparingInt(known -> Suggestions.distance(known.replace("-", ""), bare)))
                    .filter(known -> Suggestions.distance(known.replace("-", ""), bare) <= Math.max(2, known.length() / 4));
            return closest.map(known -> "did you mean " + path + "." + known + EVERY_SETTING + "?")
                    .orElseGet(() -> "the settings under " + path + " are " + String.join(", ", names.stream().distinct()
                            .sorted().toList()) + EVERY_SETTING + ".");
        }

        private static String uniform(ConfigurationPropertyName name, int element) {
            return name.getElement(element, ConfigurationPropertyName.Form.UNIFORM);
        }

        private static String kebab(String camel) {
            return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        }
    }

    /** A settings file Ward cannot use; the message is the sentence to show. */
    static final class UnusableSettingsException extends IllegalArgumentException implements ConfigurationProblem {

        UnusableSettingsException(String sentence) {
            super(sentence);
        }
    }
}
