package org.ward.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Makes the image's application class-data sharing archive: a training run of {@code ward findings} on the image's own
 * runtime and jars, laid out under a root folder as in the image, which writes a dynamic archive of the classes it
 * loaded when it exits ({@code -XX:ArchiveClassesAtExit}, on top of the runtime's base archive, lib/server/classes.jsa,
 * which jlink generates). Every {@code ward} command the image runs then maps those classes instead of loading,
 * verifying and linking them from the jars (Spring Boot's CDS support: docs/admin-guide.md#starting-faster-class-data-sharing).
 * <p>
 * What Java 17 checks when it maps the archive, and how the image keeps it true:
 * <ul>
 * <li>each class path jar is where it was at training, by the very path the class path gave then, with the same size
 * and modification time (Java 17 cannot relocate an archive: it maps a jar's path as given, relative or not). So the
 * training run has the image's working directory under the root as its own and names the jar relative to it
 * ({@code -jar ../../../opt/ward/app/ward.jar}), as the entrypoint does; and the jars get the image's modification
 * time ({@link ImageBuild#EPOCH}) first. The runtime's modules file is checked by size only;</li>
 * <li>the base archive is the runtime's default one, found through the runtime's own home at every start;</li>
 * <li>compressed oops as at training: the heap, 75 % of the container's memory, stays below 32 GB.</li>
 * </ul>
 * The training command is read-only, against a database a demo scan makes first: on Java 17 the JVM crashed writing
 * an archive at the end of a demo scan. Microsoft's agent is not attached in training (nor in the image without a
 * connection string); the gate agent, appended to the class path at start, does not stop the archive mapping.
 */
final class ClassDataTraining {

    private static final String DEMO_POLICY = "classpath:policies/examples/upwell-health.yaml";

    /** How long the image build waits for each step: the demo scan takes about 25 s on 2 busy cores. */
    private static final long TIMEOUT_SECONDS = 600;

    private final Path root;
    private final Path data;

    /**
     * @param root the image's files laid out under it: the runtime at {@link ImageBuild#RUNTIME}, the jars at
     *             {@link ImageBuild#APP}
     * @param data a folder of the build for the training database
     */
    ClassDataTraining(Path root, Path data) {
        this.root = root;
        this.data = data;
    }

    /** The training run's outcome: how long it took, for the build's log. */
    record Trained(long seconds) {
    }

    /** Writes the archive to {@code archive}, or fails the image build saying why: an image never ships without it. */
    Trained train(Path archive) throws IOException, InterruptedException {
        long started = System.nanoTime();
        try (Stream<Path> files = Files.walk(ImageBuild.under(root, ImageBuild.APP))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, FileTime.from(ImageBuild.EPOCH));
            }
        }
        Path workingDirectory = Files.createDirectories(ImageBuild.under(root, ImageBuild.DATA));
        Files.createDirectories(data);
        Path scanned = data.resolve("demo");
        run(workingDirectory, List.of("scan", "--demo", "--data-dir", data.toString()), List.of(), "the demo scan");
        Files.deleteIfExists(archive);
        String printed = run(workingDirectory,
                List.of("findings", "--data-dir", scanned.toString(), "--policy", DEMO_POLICY),
                List.of("-XX:ArchiveClassesAtExit=" + archive), "the class-data training run of ward findings");
        if (!Files.isRegularFile(archive) || Files.size(archive) == 0) {
            throw new IllegalStateException("The class-data training run of ward findings wrote no archive at "
                    + archive + ", so the image would start without class-data sharing; the JVM said: "
                    + lastLines(printed));
        }
        Files.setLastModifiedTime(archive, FileTime.from(ImageBuild.EPOCH));
        return new Trained(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
    }

    /** A {@code ward} command on the image's runtime, from its working directory, with the image's JVM options. */
    private String run(Path workingDirectory, List<String> args, List<String> options, String what)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ImageBuild.under(root, ImageBuild.RUNTIME).resolve("bin/java").toString());
        command.addAll(ImageBuild.JVM_OPTIONS);
        // The JIT's first tier only: these runs are thrown away, and on 2 busy cores the full JIT makes the demo scan
        // take half as long again (25 s against 39 s at load 7-10). Which classes load does not depend on it, and the
        // archive does not record it.
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(options);
        command.addAll(List.of("-jar", ImageBuild.jarFromWorkingDirectory()));
        command.addAll(args);
        Path output = Files.createTempFile(data, "run", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        // The image's environment, not the build machine's: no WARD_* or JAVA_TOOL_OPTIONS of the build leaks in.
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.put("LANG", "C.UTF-8");
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("The image build cannot make its class-data archive: " + what
                    + " did not end within " + TIMEOUT_SECONDS + " s: "
                    + lastLines(Files.readString(output, StandardCharsets.UTF_8)));
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        Files.delete(output);
        // 3 is a scan's "--fail-on threshold reached" (ward --help's exit codes): the database is made all the same.
        if (process.exitValue() != 0 && !(process.exitValue() == 3 && args.get(0).equals("scan"))) {
            throw new IllegalStateException("The image build cannot make its class-data archive: " + what
                    + " failed (exit " + process.exitValue() + "): " + lastLines(printed));
        }
        return printed;
    }

    private static String lastLines(String printed) {
        List<String> lines = printed.lines().filter(line -> !line.contains("[warning][cds]")).toList();
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    }
}
