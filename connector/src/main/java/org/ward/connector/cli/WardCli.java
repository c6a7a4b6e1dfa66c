package org.ward.connector.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.ConfigurationProblem;
import org.ward.connector.WardApplication;
import org.ward.connector.database.DataFolder;
import org.ward.connector.database.DatabaseFailures;
import org.ward.connector.database.DatabaseUpgrade;
import org.ward.connector.demo.DemoTenant;
import org.ward.connector.graph.GraphAccessException;

import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Ward's entry point. The command line is parsed first, so {@code --help} and usage errors answer at once and need
 * no configuration; then the application context starts with the command's settings (and, for {@code --demo}, an
 * in-process simulator's), and the command runs inside it.
 */
public final class WardCli {

    private final Console console;

    WardCli(Console console) {
        this.console = console;
    }

    public static void main(String[] args) {
        // Hold every log line until Spring configures logging, so the demo's simulator start-up stays quiet.
        LoggingSystem.get(WardCli.class.getClassLoader()).beforeInitialize();
        System.exit(new WardCli(Console.system()).run(args));
    }

    int run(String[] args) {
        CommandLine cli = new CommandLine(new WardCommand());
        cli.setOut(new java.io.PrintWriter(console.out(), true));
        cli.setExecutionStrategy(parseResult -> {
            try {
                return execute(parseResult);
            } catch (CommandLine.ParameterException | CommandLine.ExecutionException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new CommandLine.ExecutionException(parseResult.commandSpec().commandLine(), e.getMessage(), e);
            }
        });
        cli.setParameterExceptionHandler((failure, rejected) -> {
            // One line that says what is wrong and where the rest is, not the whole usage after it: a scheduler's log
            // or a terminal keeps the sentence in view.
            String sentence = failure.getMessage().strip().replaceAll("[.:]$", "");
            // A command may check an option itself, on a command line of its own outside "ward".
            String command = failure.getCommandLine().getCommandSpec().qualifiedName();
            console.error(sentence + "; " + (command.startsWith("ward") ? command : "ward " + command) + " --help shows"
                    + " every option.");
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((failure, commandLine, parseResult) -> {
            console.error(Failures.sentence(failure));
            return Failures.exitCode(failure);
        });
        return cli.execute(args);
    }

    private int execute(ParseResult parseResult) {
        Integer help = CommandLine.executeHelpRequest(parseResult);
        if (help != null) {
            return help;
        }
        ParseResult leaf = parseResult;
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
        }
        Object command = leaf.commandSpec().userObject();
        if (!(command instanceof WardTask task)) {
            if (command instanceof Runnable runnable) {
                runnable.run();
            }
            return ExitCodes.OK;
        }
        if (!task.needsContext()) {
            try {
                return task.runAlone(console);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        LaunchOptions launch = task.launch();
        Map<String, Object> properties = new LinkedHashMap<>();
        Path dataDir = launch.dataDir == null ? Path.of("ward-data") : launch.dataDir;
        if (launch.dataDir != null) {
            properties.put("ward.data-dir", launch.dataDir.toString());
        }
        List<String> springArgs = new ArrayList<>();
        if (launch.config != null) {
            try {
                SettingsFile.check(launch.config);
            } catch (SettingsFile.UnusableSettingsException e) {
                console.error(e.getMessage());
                return ExitCodes.USAGE;
            }
        }
        DemoTenant demo = null;
        try {
            if (launch.demo) {
                console.line("Starting the demo tenant (an in-process Microsoft Graph simulator) ...");
                long started = System.nanoTime();
                demo = task.startDemo(dataDir);
                properties.putAll(demo.properties(dataDir));
                console.line("Demo tenant \"" + demo.tenantName() + "\" is ready (simulator started in "
                        + String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9) + " s).");
                if (task.demoAlerts()) {
                    properties.putAll(demo.alertProperties(dataDir));
                }
            } else if (task.demoAlerts()) {
                console.error("--alerts turns on the demo tenant's alerts and goes with --demo; for a tenant, set"
                        + " ward.alerts.* in the settings (docs/alerts.md).");
                return ExitCodes.USAGE;
            }
            if (launch.config != null) {
                springArgs.add("--spring.config.additional-location=file:" + launch.config.toAbsolutePath());
            }
            if (launch.policy != null) {
                properties.put("ward.policy.pack", launch.policy);
            }
            if (task.readOnly()) {
                properties.put(DataFolder.READ_ONLY, true);
            }
            properties.putAll(task.properties());
            try (ConfigurableApplicationContext context = task.databaseOnly()
                    ? WardApplication.runReadOnly(properties, springArgs.toArray(String[]::new))
                    : WardApplication.run(properties, task.defaults(), task.web(), springArgs.toArray(String[]::new))) {
                context.getBean(DatabaseUpgrade.class).backup().ifPresent(copy -> console.line("Upgraded Ward's database;"
                        + " the copy taken before the upgrade is " + copy + "."));
                int code = task.run(context, console);
                if (demo != null) {
                    demo.alertDestinations(dataDir).forEach(console::line);
                }
                return code;
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            if (demo != null) {
                demo.close();
            }
        }
    }

    /** Turns failures into one sentence and an exit code. */
    static final class Failures {

        private Failures() {
        }

        static String sentence(Throwable failure) {
            Throwable cause = rootOfInterest(failure);
            if (!isWard(cause)) {
                Optional<String> setting = unboundSetting(failure);
                if (setting.isPresent()) {
                    return setting.get();
                }
                Optional<String> database = DatabaseFailures.explain(failure, null);
                if (database.isPresent()) {
                    return database.get();
                }
            }
            String message = cause.getMessage();
            return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
        }

        static int exitCode(Throwable failure) {
            Throwable cause = rootOfInterest(failure);
            if (!isWard(cause) && unboundSetting(failure).isPresent()) {
                return ExitCodes.USAGE;
            }
            if (!isWard(cause) && DatabaseFailures.explain(failure, null).isPresent()) {
                return ExitCodes.USAGE;
            }
            return cause instanceof GraphAccessException ? ExitCodes.FAILED
                    : isConfiguration(cause) ? ExitCodes.USAGE : ExitCodes.FAILED;
        }

        /**
         * A setting Spring could not turn into what its record holds (a word where a number goes): named with its value,
         * where it was set and what it takes, in place of the chain of beans that needed it.
         */
        private static Optional<String> unboundSetting(Throwable failure) {
            for (Throwable current = failure; current != null; current = current.getCause() == current ? null
                    : current.getCause()) {
                if (current instanceof BindException bind && bind.getProperty() != null) {
                    ConfigurationProperty property = bind.getProperty();
                    Origin origin = property.getOrigin();
                    return Optional.of(property.getName() + " is '" + property.getValue() + "'" + (origin == null ? ""
                            : " (" + where(origin) + ")") + ", which is not " + expected(bind.getTarget().getType().resolve(
                            Object.class)) + ": give it one, or leave it out for Ward's default (docs/admin-guide.md).");
                }
            }
            return Optional.empty();
        }

        /** A file and line where the setting came from one, else Spring's own description of its source. */
        private static String where(Origin origin) {
            for (Origin at = origin; at != null; at = at instanceof PropertySourceOrigin source && source.getOrigin() != null
                    ? source.getOrigin() : at.getParent()) {
                if (at instanceof TextResourceOrigin text && text.getLocation() != null && text.getResource() != null) {
                    String file;
                    try {
                        file = text.getResource().getFile().toString();
                    } catch (java.io.IOException | RuntimeException notAFile) {
                        file = text.getResource().getDescription();
                    }
                    return file + " line " + (text.getLocation().getLine() + 1);
                }
            }
            return origin.toString();
        }

        private static String expected(Class<?> type) {
            if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
                return "a whole number";
            }
            if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
                return "a number such as 0.9";
            }
            if (type == boolean.class || type == Boolean.class) {
                return "true or false";
            }
            if (type == java.time.Duration.class) {
                return "a duration such as 30s, 5m or 1h";
            }
            if (type == org.springframework.util.unit.DataSize.class) {
                return "a size such as 512KB or 1MB";
            }
            if (type == java.net.URI.class) {
                return "an address such as https://ward.example.org";
            }
            if (type.isEnum()) {
                return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString)
                        .map(v -> v.toLowerCase(java.util.Locale.ROOT).replace('_', '-')).toList();
            }
            return "a value of the kind it takes (" + type.getSimpleName() + ")";
        }

        private static boolean isWard(Throwable cause) {
            return cause.getClass().getName().startsWith("org.ward.");
        }

        /** The innermost failure that explains itself: a Ward exception beats the framework's wrappers. */
        private static Throwable rootOfInterest(Throwable failure) {
            Throwable current = failure;
            Throwable best = failure;
            while (current != null) {
                if (current.getClass().getName().startsWith("org.ward.")) {
                    best = current;
                }
                current = current.getCause() == current ? null : current.getCause();
            }
            return best;
        }

        private static boolean isConfiguration(Throwable cause) {
            if (cause instanceof ConfigurationProblem) {
                return true;
            }
            String name = cause.getClass().getSimpleName();
            return name.contains("Setting") || name.contains("Policy") || name.contains("Configuration");
        }
    }

}
