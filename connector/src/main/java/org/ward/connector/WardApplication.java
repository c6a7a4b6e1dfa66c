package org.ward.connector;

import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.ward.connector.database.DataFolder;

/**
 * The Ward application context. It is started by the command line ({@code org.ward.connector.cli.WardCli}) once
 * the command's options are parsed, so that {@code --help} and usage errors never need configuration.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WardApplication {

    private static final String NO_BACKGROUND_PREINITIALIZATION = "spring.backgroundpreinitializer.ignore";

    /**
     * Starts the context. {@code launch} settings (command-line options, the demo's connection) win over every other
     * source, including application.yml and a --config file.
     */
    public static ConfigurableApplicationContext run(Map<String, Object> launch, String... args) {
        return run(WardApplication.class, launch, Map.of(), false, args);
    }

    /**
     * Starts the context, as a web application when {@code web} ({@code ward serve}).
     *
     * @param defaults settings every other source overrides (the service's defaults for the web server, probes and
     *     metrics, which mean nothing to the other commands)
     */
    public static ConfigurableApplicationContext run(Map<String, Object> launch, Map<String, Object> defaults, boolean web,
            String... args) {
        return run(WardApplication.class, launch, defaults, web, args);
    }

    /**
     * Starts the context of a command that only reads Ward's database ({@link WardReadOnlyApplication}): no batch
     * infrastructure, no Graph client, no Graph settings.
     */
    public static ConfigurableApplicationContext runReadOnly(Map<String, Object> launch, String... args) {
        // Spring Boot warms Tomcat, Jackson, Bean Validation and the HTTP message converters on a background thread;
        // this context uses none of them, and on a small machine that thread takes a core from the start itself. The
        // switch is a system property read as the application starts, so it is put back once the context is up.
        String before = System.setProperty(NO_BACKGROUND_PREINITIALIZATION, "true");
        try {
            return run(WardReadOnlyApplication.class, launch, Map.of(), false, args);
        } finally {
            if (before == null) {
                System.clearProperty(NO_BACKGROUND_PREINITIALIZATION);
            } else {
                System.setProperty(NO_BACKGROUND_PREINITIALIZATION, before);
            }
        }
    }

    private static ConfigurableApplicationContext run(Class<?> application, Map<String, Object> launch,
            Map<String, Object> defaults, boolean web, String... args) {
        // Added before Spring reads anything, so logging and config locations see these settings too.
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("ward-launch", Map.copyOf(launch)));
        return new SpringApplicationBuilder(application)
                .environment(environment)
                .properties(defaults)
                .web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .listeners(new SettingPlaceholders(), new DataFolder())
                .run(args);
    }
}
