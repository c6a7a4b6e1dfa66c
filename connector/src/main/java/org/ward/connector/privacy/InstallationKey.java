package org.ward.connector.privacy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This installation's secret, the key of the identifier fingerprints (HMACs that let Ward join two files about the
 * same patient without keeping the identifier). Made at first start in the data folder, readable by its owner only;
 * keep it with the database: findings stay joinable only with the same key.
 */
@Component
public class InstallationKey {

    private final byte[] key;

    public InstallationKey(@Value("${ward.data-dir:ward-data}") String dataDir) {
        this.key = loadOrCreate(Path.of(dataDir).resolve("installation.key"));
    }

    public byte[] bytes() {
        return key.clone();
    }

    private static byte[] decode(Path file) throws IOException {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(Files.readString(file).trim());
        } catch (IllegalArgumentException e) {
            key = new byte[0];
        }
        if (key.length < 32) {
            throw new KeyFileException("Ward's installation key " + file + " is damaged (it must hold 32 random bytes in"
                    + " base64): restore it from the backup of the data folder taken with the database; without it the"
                    + " patient fingerprints already stored cannot be matched and the audit log cannot be verified.");
        }
        return key;
    }

    /** The installation key file cannot be read, written or used: the setup must fix it. */
    public static final class KeyFileException extends IllegalStateException
            implements org.ward.connector.ConfigurationProblem {

        KeyFileException(String sentence) {
            super(sentence);
        }

        KeyFileException(String sentence, Throwable cause) {
            super(sentence, cause);
        }
    }

    private static byte[] loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return decode(file);
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            Files.writeString(file, Base64.getEncoder().encodeToString(fresh));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Windows: the folder's ACL protects it.
            }
            return fresh;
        } catch (IOException e) {
            throw new KeyFileException("Ward cannot read or create its installation key " + file + " (" + e.getMessage()
                    + "): make the data folder (ward.data-dir) readable and writable by the user Ward runs as.", e);
        }
    }
}
