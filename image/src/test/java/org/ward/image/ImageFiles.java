package org.ward.image;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The image tar (an OCI image layout) unpacked the way a container runtime does: its config, and its layers applied
 * in order to one root folder, owners, modes and modification times kept. {@link #start} runs a command in it as a runtime would: the root
 * folder as the whole file system, read-only, with /proc, /dev, a tmpfs on /tmp and a host folder on the data volume,
 * as the image's user, in its working directory, with its environment and nothing else. It needs root and util-linux's
 * unshare (mount namespaces), as CI has.
 */
final class ImageFiles {

    static final JsonMapper JSON = JsonMapper.builder().build();

    final Path root;
    final JsonNode manifest;
    final JsonNode config;

    private ImageFiles(Path root, JsonNode manifest, JsonNode config) {
        this.root = root;
        this.manifest = manifest;
        this.config = config;
    }

    static ImageFiles unpack(Path tar, Path into) throws IOException {
        Map<String, byte[]> blobs = new LinkedHashMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(tar)))) {
            for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.isFile()) {
                    blobs.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        JsonNode index = JSON.readTree(blobs.get("index.json"));
        JsonNode manifest = JSON.readTree(blob(blobs, index.path("manifests").get(0).path("digest").asString()));
        JsonNode config = JSON.readTree(blob(blobs, manifest.path("config").path("digest").asString()));
        Path root = Files.createDirectories(into.resolve("root"));
        ImageFiles image = new ImageFiles(root, manifest, config);
        for (JsonNode layer : manifest.path("layers")) {
            image.apply(blob(blobs, layer.path("digest").asString()));
        }
        return image;
    }

    private static byte[] blob(Map<String, byte[]> blobs, String digest) {
        return blobs.get("blobs/" + digest.replace(':', '/'));
    }

    private void apply(byte[] layer) throws IOException {
        try (InputStream bytes = new java.io.ByteArrayInputStream(layer);
                TarArchiveInputStream in = new TarArchiveInputStream(new GzipCompressorInputStream(bytes))) {
            for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path path = root.resolve(entry.getName()).normalize();
                if (!path.startsWith(root)) {
                    throw new IOException("layer entry outside the root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(in, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                Files.setPosixFilePermissions(path, permissions(entry.getMode()));
                // As runtimes do: the class-data archive is valid only with the jars' times of the image.
                Files.setLastModifiedTime(path, java.nio.file.attribute.FileTime.from(entry.getModTime().toInstant()));
                Files.setAttribute(path, "unix:uid", (int) entry.getLongUserId(), LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(path, "unix:gid", (int) entry.getLongGroupId(), LinkOption.NOFOLLOW_LINKS);
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        StringBuilder text = new StringBuilder();
        String letters = "rwxrwxrwx";
        for (int bit = 8; bit >= 0; bit--) {
            text.append((mode & (1 << bit)) != 0 ? letters.charAt(8 - bit) : '-');
        }
        return PosixFilePermissions.fromString(text.toString());
    }

    List<String> entrypoint() {
        List<String> entrypoint = new ArrayList<>();
        config.path("config").path("Entrypoint").forEach(part -> entrypoint.add(part.asString()));
        return entrypoint;
    }

    /** What a command printed and how it ended. */
    record Run(int exitCode, String output) {
    }

    /**
     * Runs the image's entrypoint with {@code args}, as its user, on a read-only root; {@code data} is mounted on the
     * data volume. The host's name is resolvable, as runtimes write it to the container's /etc/hosts.
     */
    Run start(Path data, List<String> args, long timeoutSeconds) throws IOException, InterruptedException {
        return start(data, args, Map.of(), timeoutSeconds);
    }

    /** {@link #start(Path, List, long)} with {@code environment} added to the image's, as {@link #launch} does. */
    Run start(Path data, List<String> args, Map<String, String> environment, long timeoutSeconds)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile("ward-image-run", ".txt");
        try {
            Process process = launch(data, args, environment, output);
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("the image's entrypoint did not end within " + timeoutSeconds
                        + " s: " + Files.readString(output));
            }
            return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.delete(output);
        }
    }

    /**
     * Starts the image's entrypoint with {@code args} as {@link #start} does, without waiting for it: {@code environment}
     * is added to the image's own (as a platform's container settings are), and what it prints goes to {@code output}.
     * The process is the entrypoint's JVM itself (each step execs the next), so destroying it stops Ward as a runtime's
     * SIGTERM does. The network is the host's, as with a runtime's host network.
     */
    Process launch(Path data, List<String> args, Map<String, String> environment, Path output) throws IOException {
        JsonNode container = config.path("config");
        for (String mountPoint : List.of("proc", "dev")) {
            Files.createDirectories(root.resolve(mountPoint));
        }
        Files.writeString(root.resolve("etc/hosts"), "127.0.0.1 localhost " + hostName() + "\n");
        String volume = container.path("WorkingDir").asString();
        String user = container.path("User").asString();
        List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--propagation", "private", "sh",
                "-c", String.join(" && ", "mount --bind \"$0\" \"$0\"", "mount -o remount,ro,bind \"$0\"",
                        "mount --rbind /proc \"$0/proc\"", "mount --rbind /dev \"$0/dev\"",
                        "mount -t tmpfs tmpfs \"$0/tmp\"", "mount --bind \"$1\" \"$0" + volume + "\"",
                        "shift", "exec \"$@\""),
                root.toString(), data.toString(), "env", "-i"));
        container.path("Env").forEach(variable -> command.add(variable.asString()));
        environment.forEach((name, value) -> command.add(name + "=" + value));
        command.addAll(List.of(onPath("unshare"), "--root=" + root, "--wd=" + volume,
                "--setuid=" + user.split(":")[0], "--setgid=" + user.split(":")[1]));
        command.addAll(entrypoint());
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    /** A host program by its full path: the image's environment, which has no PATH to it, is set before it runs. */
    private static String onPath(String program) {
        for (String folder : System.getenv("PATH").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(folder, program))) {
                return Path.of(folder, program).toString();
            }
        }
        throw new IllegalStateException(program + " is not on the PATH");
    }

    private static String hostName() throws IOException {
        return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
    }
}
