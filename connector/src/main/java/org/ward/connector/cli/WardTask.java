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

    /**
     * Whether the command reads only findings and the audit log: its context then starts without Spring Batch or a Graph
     * client and needs no Graph settings ({@code WardReadOnlyApplication}).
     */
    default boolean databaseOnly() {
        return false;
    }

    /** Whether the command asks for the demo tenant's alert channels (the mailbox and the local receiver). */
    default boolean demoAlerts() {
        return false;
    }

    /** Settings this command adds to the context (e.g. from its own options). */
    default Map<String, Object> properties() {
        return Map.of();
    }

    /** Whether this run needs Ward's settings, database and Graph; a command that only reads files does not. */
    default boolean needsContext() {
        return true;
    }

    /** Runs a command that needs no context ({@link #needsContext()} false); the result is the exit code. */
    default int runAlone(Console console) throws Exception {
        throw new IllegalStateException(getClass().getSimpleName() + " needs Ward's context");
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
