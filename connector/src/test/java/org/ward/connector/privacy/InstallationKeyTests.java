package org.ward.connector.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallationKeyTests {

    @TempDir
    Path dir;

    @Test
    void aKeyFromTheEnvironmentIsTheSameAtEveryStartAndNeverWrittenToTheDataFolder() {
        String secret = randomKey();

        InstallationKey first = new InstallationKey(dir.resolve("first-container").toString(), new PrivacySettings(secret));
        InstallationKey second = new InstallationKey(dir.resolve("next-container").toString(), new PrivacySettings(secret));

        assertThat(first.bytes()).isEqualTo(Base64.getDecoder().decode(secret)).isEqualTo(second.bytes());
        assertThat(dir.resolve("first-container/installation.key")).doesNotExist();
        assertThat(dir.resolve("next-container/installation.key")).doesNotExist();
    }

    @Test
    void withoutTheSettingTheKeyIsMadeOnceInTheDataFolder() {
        InstallationKey made = new InstallationKey(dir.toString(), new PrivacySettings(""));
        InstallationKey again = new InstallationKey(dir.toString(), new PrivacySettings(null));

        assertThat(dir.resolve("installation.key")).exists();
        assertThat(again.bytes()).hasSize(32).isEqualTo(made.bytes());
    }

    @Test
    void aKeyFileThatAgreesWithTheSettingIsAccepted() throws IOException {
        String secret = randomKey();
        Files.writeString(dir.resolve("installation.key"), secret);

        assertThat(new InstallationKey(dir.toString(), new PrivacySettings(secret)).bytes())
                .isEqualTo(Base64.getDecoder().decode(secret));
    }

    @Test
    void aSettingThatDisagreesWithTheKeyFileIsRefusedRatherThanLosingTheFingerprints() throws IOException {
        Files.writeString(dir.resolve("installation.key"), randomKey());

        assertThatThrownBy(() -> new InstallationKey(dir.toString(), new PrivacySettings(randomKey())))
                .isInstanceOf(InstallationKey.KeyFileException.class)
                .hasMessage("The installation key in ward.privacy.installation-key (WARD_PRIVACY_INSTALLATION_KEY)"
                        + " differs from the one in " + dir.resolve("installation.key") + ", which made the"
                        + " fingerprints already stored: set the setting to that file's key, or move the file away if"
                        + " the setting's key is the right one.");
    }

    @Test
    void aShortOrGarbledSettingIsNamed() {
        for (String bad : new String[] {Base64.getEncoder().encodeToString(new byte[16]), "not base64!"}) {
            assertThatThrownBy(() -> new InstallationKey(dir.toString(), new PrivacySettings(bad)))
                    .isInstanceOf(InstallationKey.KeyFileException.class)
                    .hasMessageStartingWith("The installation key in ward.privacy.installation-key"
                            + " (WARD_PRIVACY_INSTALLATION_KEY) must be base64 of at least 32 random bytes");
        }
        assertThat(dir.resolve("installation.key")).doesNotExist();
    }

    private static String randomKey() {
        byte[] key = new byte[48];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
