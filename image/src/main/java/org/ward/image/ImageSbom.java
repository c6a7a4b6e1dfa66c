package org.ward.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The image's CycloneDX SBOM: the connector jar's SBOM (made by the CycloneDX Maven plugin from the jar's
 * dependencies), with the image as its subject and what the image adds to the jar: the jlinked Java runtime and the
 * native libraries copied from the build machine (with their Debian package where dpkg knows it).
 */
final class ImageSbom {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT).build();

    private ImageSbom() {
    }

    static void write(Path jarSbom, List<Path> libraries, Path agent, String agentVersion, String image, Path output)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(jarSbom)) {
            throw new IllegalStateException(jarSbom + " does not exist: the connector's SBOM is made at its package"
                    + " phase by the CycloneDX plugin");
        }
        ObjectNode bom = (ObjectNode) JSON.readTree(jarSbom.toFile());
        bom.put("serialNumber", "urn:uuid:" + UUID.nameUUIDFromBytes(image.getBytes(StandardCharsets.UTF_8)));
        ObjectNode metadata = bom.withObject("/metadata");
        JsonNode jar = metadata.path("component");
        ObjectNode subject = JSON.createObjectNode();
        subject.put("type", "container");
        subject.put("bom-ref", "image:" + image);
        subject.put("name", image.substring(0, image.lastIndexOf(':')));
        subject.put("version", image.substring(image.lastIndexOf(':') + 1));
        subject.put("description", "Ward's OCI image: the components below, on an empty base");
        metadata.set("component", subject);

        ArrayNode components = bom.withArray("/components");
        if (!jar.isMissingNode()) {
            components.insert(0, jar); // the connector jar itself, the subject of the jar's SBOM
        }
        ObjectNode java = components.addObject();
        java.put("type", "platform");
        java.put("bom-ref", "java-runtime");
        java.put("name", "java-runtime (jlink of " + System.getProperty("java.vm.vendor") + " "
                + System.getProperty("java.vm.name") + ")");
        java.put("version", System.getProperty("java.runtime.version"));
        java.put("description", "modules: " + String.join(",", ImageBuild.MODULES));
        java.putArray("licenses").addObject().putObject("license").put("id", "GPL-2.0-with-classpath-exception");
        ObjectNode telemetry = components.addObject();
        telemetry.put("type", "library");
        telemetry.put("bom-ref", "pkg:maven/com.microsoft.azure/applicationinsights-agent@" + agentVersion);
        telemetry.put("group", "com.microsoft.azure");
        telemetry.put("name", "applicationinsights-agent");
        telemetry.put("version", agentVersion);
        telemetry.put("purl", "pkg:maven/com.microsoft.azure/applicationinsights-agent@" + agentVersion + "?type=jar");
        telemetry.put("description", "Microsoft's Application Insights Java agent, " + ImageBuild.TELEMETRY + "/"
                + agent.getFileName() + "; attached only when APPLICATIONINSIGHTS_CONNECTION_STRING is set");
        telemetry.putArray("licenses").addObject().putObject("license").put("id", "MIT");
        telemetry.putArray("hashes").addObject().put("alg", "SHA-256").put("content", sha256(agent));
        for (Path library : libraries) {
            ObjectNode component = components.addObject();
            component.put("type", "library");
            component.put("bom-ref", "file:" + library);
            component.put("name", library.getFileName().toString());
            Optional<String[]> debian = debianPackage(library);
            debian.ifPresent(found -> {
                component.put("version", found[1]);
                component.put("purl", "pkg:deb/debian/" + found[0] + "@" + found[1].replace(":", "%3A")
                        + "?arch=" + System.getProperty("os.arch"));
                component.put("description", library + " from the Debian package " + found[0]);
            });
            if (debian.isEmpty()) {
                component.put("description", library.toString());
            }
            ObjectNode hash = component.putArray("hashes").addObject();
            hash.put("alg", "SHA-256");
            hash.put("content", sha256(library.toRealPath()));
        }
        Files.createDirectories(output.toAbsolutePath().getParent());
        JSON.writeValue(output.toFile(), bom);
    }

    /** The Debian package owning the library and its version, as dpkg says; empty off Debian. */
    private static Optional<String[]> debianPackage(Path library) throws InterruptedException {
        try {
            String owner = run("dpkg-query", "-S", library.toRealPath().toString());
            if (owner == null) {
                owner = run("dpkg-query", "-S", library.toString());
            }
            if (owner == null || !owner.contains(":")) {
                return Optional.empty();
            }
            String pkg = owner.substring(0, owner.indexOf(':'));
            String version = run("dpkg-query", "-W", "-f=${Version}", pkg);
            return version == null ? Optional.empty() : Optional.of(new String[] {pkg, version.strip()});
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return process.waitFor() == 0 && !printed.isBlank() ? printed.lines().findFirst().orElseThrow() : null;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
