package org.ward.rules.policy;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads policy files from disk, turning I/O failures into located sentences. */
final class PolicyFiles {

    private PolicyFiles() {
    }

    static PolicyText read(Path file) {
        String source = file.normalize().toString();
        if (!Files.isRegularFile(file)) {
            throw new PolicyException(new PolicyProblem(source, 0, null,
                    "the file does not exist (looked for " + file.toAbsolutePath().normalize() + ")"));
        }
        try {
            return new PolicyText(source, Files.readString(file, StandardCharsets.UTF_8), file);
        } catch (CharacterCodingException e) {
            throw new PolicyException(new PolicyProblem(source, 0, null, "the file is not UTF-8 text"));
        } catch (IOException e) {
            throw new PolicyException(new PolicyProblem(source, 0, null, "the file could not be read: " + e.getMessage()));
        }
    }
}
