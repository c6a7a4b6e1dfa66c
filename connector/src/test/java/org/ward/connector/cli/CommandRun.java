package org.ward.connector.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine;

/**
 * One command run inside an already started context, as WardCli would run it after parsing: exit code, standard
 * output and standard error.
 */
record CommandRun(int exitCode, String out, String err) {

    static CommandRun of(ConfigurableApplicationContext context, WardTask command, String... args) {
        new CommandLine(command).parseArgs(args);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        try {
            int code = command.run(context, console);
            return new CommandRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
