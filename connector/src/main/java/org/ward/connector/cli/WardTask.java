package org.ward.connector.cli;

import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.demo.DemoTenant;

/** A command that needs Ward's application context: it says how to launch, then runs inside it. */
interface WardTask {

    LaunchOptions launch();

    /**
     * Whether the command only reads Ward's database: it then opens an H2 file read-only (or through the Ward process
     * that has it open) and never upgrades it.
     */
    default boolean readOnly() {
        return false;
    }

    /** Settings this command adds to the context (e.g. from its own options). */
    default Map<String, Object> properties() {
        return Map.of();
    }

    /** Whether the command runs as a web application ({@code ward serve}); the others start no web server. */
    default boolean web() {
        return false;
    }

    /** Settings every other source overrides: the command's own defaults. */
    default Map<String, Object> defaults() {
        return Map.of();
    }

    /** Starts the demo tenant for {@code --demo}. */
    default DemoTenant startDemo(java.nio.file.Path dataDir) {
        return DemoTenant.start(dataDir);
    }

    /** Runs the command; the result is the process exit code. */
    int run(ConfigurableApplicationContext context, Console console) throws Exception;
}
