package org.ward.connector.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Ward as a separate operating-system process, started the way an administrator or a scheduler starts it: its own
 * JVM, its own working directory, the command line. For the specs about what two processes, or two working
 * directories, do to one data folder.
 */
final class WardProcess {

    private final Process process;
    private final Path out;
    private final Path err;

    private WardProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts {@code ward args...} in {@code workingDirectory}; it runs on while the caller does other things. */
    static WardProcess start(Path workingDirectory, String... args) {
        return start(workingDirectory, java.util.Map.of(), args);
    }

    /** As {@link #start(Path, String...)}, with {@code environment} added to this process's environment. */
    static WardProcess start(Path workingDirectory, java.util.Map<String, String> environment, String... args) {
        try {
            Files.createDirectories(workingDirectory);
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    WardCli.class.getName()));
            command.addAll(List.of(args));
            Path out = Files.createTempFile("ward-process", ".out");
            Path err = Files.createTempFile("ward-process", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            return new WardProcess(process, out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code ward args...} in {@code workingDirectory} to its end. */
    static CommandRun run(Path workingDirectory, String... args) {
        return start(workingDirectory, args).finish();
    }

    /** Waits for the process to end (at most two minutes) and returns what it said. */
    CommandRun finish() {
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("ward did not finish within two minutes: " + Files.readString(err));
            }
            return new CommandRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean alive() {
        return process.isAlive();
    }
}
