package org.ward.connector;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Refuses a Ward setting whose {@code ${NAME}} placeholder names nothing that is set. Spring leaves such a placeholder
 * in the value as it stands, so an unset {@code ${WARD_GRAPH_CLIENT_SECRET}} used to reach the tenant as the secret
 * itself and come back as "the tenant rejected Ward's client secret". Runs once the settings files are read.
 */
public final class SettingPlaceholders implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(?::[^}]*)?}");

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 14;
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        check(event.getEnvironment());
    }

    static void check(ConfigurableEnvironment environment) {
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (!(source instanceof EnumerablePropertySource<?> names)) {
                continue;
            }
            for (String name : names.getPropertyNames()) {
                if (!watched(name) || !(source.getProperty(name) instanceof String raw) || !raw.contains("${")) {
                    continue;
                }
                String resolved = environment.resolvePlaceholders(raw);
                Matcher unset = PLACEHOLDER.matcher(resolved);
                if (unset.find()) {
                    throw new UnsetSettingException(name, unset.group(0), unset.group(1), origin(source, name));
                }
            }
        }
    }

    private static boolean watched(String name) {
        String lower = name.toLowerCase(Locale.ROOT).replace('_', '.');
        return lower.startsWith("ward.") || lower.startsWith("spring.datasource.") || lower.startsWith("spring.flyway.")
                || lower.startsWith("logging.file.");
    }

    private static String origin(PropertySource<?> source, String name) {
        Origin origin = OriginLookup.getOrigin(source, name);
        return origin != null ? origin.toString() : source.getName();
    }

    /** A setting refers to a placeholder that is not set. */
    public static final class UnsetSettingException extends IllegalArgumentException implements ConfigurationProblem {

        UnsetSettingException(String setting, String placeholder, String variable, String where) {
            super(setting + " is " + placeholder + " (" + where + "), but " + variable + " is not set: set the"
                    + " environment variable " + variable.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_')
                    + (variable.contains(".") ? " (or the setting " + variable + ")" : "") + ", or give " + setting
                    + " its value.");
        }
    }
}
