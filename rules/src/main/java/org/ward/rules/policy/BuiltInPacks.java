package org.ward.rules.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the built-in packs (nhs-england, hipaa, au-privacy) are read from: the classpath in the application
 * ({@code classpath:policies/<name>.yaml}), or a directory such as the repository's {@code policies/} in tests.
 */
public interface BuiltInPacks {

    /** The packs Ward ships. */
    List<String> SHIPPED = List.of("nhs-england", "hipaa", "au-privacy");

    /** Names that can be loaded or extended. */
    List<String> names();

    /** The pack's text, empty when there is no such built-in pack. */
    Optional<PolicyText> open(String name);

    /** Where the packs are looked for, for messages. */
    String describe();

    static BuiltInPacks classpath() {
        return new Classpath(BuiltInPacks.class.getClassLoader());
    }

    static BuiltInPacks directory(Path directory) {
        return new Directory(directory);
    }

    /** Packs under {@code policies/} on the classpath (the build copies the repository's policies/*.yaml there). */
    record Classpath(ClassLoader loader) implements BuiltInPacks {
        @Override
        public List<String> names() {
            return SHIPPED;
        }

        @Override
        public String describe() {
            return "the classpath (classpath:policies/<name>.yaml; the build copies the repository's policies/*.yaml there)";
        }

        @Override
        public Optional<PolicyText> open(String name) {
            String resource = "policies/" + name + ".yaml";
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    return Optional.empty();
                }
                return Optional.of(new PolicyText("classpath:" + resource, new String(in.readAllBytes(), StandardCharsets.UTF_8), null));
            } catch (IOException e) {
                throw new UncheckedIOException("could not read classpath:" + resource, e);
            }
        }
    }

    /** Every {@code <name>.yaml} in one directory. */
    record Directory(Path directory) implements BuiltInPacks {
        @Override
        public List<String> names() {
            if (!Files.isDirectory(directory)) {
                return List.of();
            }
            try (Stream<Path> files = Files.list(directory)) {
                return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                        .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException("could not list " + directory, e);
            }
        }

        @Override
        public String describe() {
            return directory.toString();
        }

        @Override
        public Optional<PolicyText> open(String name) {
            Path file = directory.resolve(name + ".yaml");
            if (!PolicyNames.KEBAB.matcher(name).matches() || !Files.isRegularFile(file)) {
                return Optional.empty();
            }
            return Optional.of(PolicyFiles.read(file));
        }
    }
}
