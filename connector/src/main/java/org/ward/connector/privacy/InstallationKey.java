package org.ward.connector.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
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

    private static byte[] loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).trim());
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
            throw new UncheckedIOException("Ward cannot read or create its installation key " + file
                    + ": make the data folder (ward.data-dir) writable.", e);
        }
    }
}
