package org.ward.connector.privacy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This installation's secret, the key of the identifier fingerprints (HMACs that let Ward join two files about the
 * same patient without keeping the identifier). Either given by {@code ward.privacy.installation-key} (a container's
 * environment, from Key Vault: the container's file system is new at each start, the key must not be), or made at
 * first start in the data folder, readable by its owner only. Keep it with the database: findings stay joinable only
 * with the same key.
 */
@Component
public class InstallationKey {

    private final byte[] key;

    public InstallationKey(@Value("${ward.data-dir:ward-data}") String dataDir, PrivacySettings settings) {
        Path file = Path.of(dataDir).resolve("installation.key");
        this.key = settings.keyConfigured() ? configured(settings.installationKey(), file) : loadOrCreate(file);
    }

    /**
     * The key from the setting. No file is written: the secret stays where it is kept (Key Vault). A key file left in
     * the data folder by an earlier installation must hold the same key, or its fingerprints would silently stop
     * matching.
     */
    private static byte[] configured(String base64, Path file) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            key = new byte[0];
        }
        if (key.length < 32) {
            throw new KeyFileException("The installation key in ward.privacy.installation-key"
                    + " (WARD_PRIVACY_INSTALLATION_KEY) must be base64 of at least 32 random bytes (openssl rand"
                    + " -base64 48): set the one this installation was given, or leave it empty to keep the key in the"
                    + " data folder.");
        }
        if (Files.exists(file)) {
            byte[] stored;
            try {
                stored = decode(file);
            } catch (IOException e) {
                throw new KeyFileException("Ward cannot read its installation key " + file + " (" + e.getMessage()
                        + "): make the data folder (ward.data-dir) readable by the user Ward runs as.", e);
            }
            if (!MessageDigest.isEqual(stored, key)) {
                throw new KeyFileException("The installation key in ward.privacy.installation-key"
                        + " (WARD_PRIVACY_INSTALLATION_KEY) differs from the one in " + file + ", which made the"
                        + " fingerprints already stored: set the setting to that file's key, or move the file away if"
                        + " the setting's key is the right one.");
            }
        }
        return key;
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
