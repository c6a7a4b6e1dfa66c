package org.ward.connector.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ward.connector.ConfigurationProblem;

/** ward.evidence.* is checked when Ward starts: each mistake is one sentence naming the setting. */
class EvidenceSettingsTests {

    @TempDir
    Path dir;

    private static EvidenceSettings.Signing none() {
        return new EvidenceSettings.Signing(null, null, null, null, null);
    }

    @Test
    void keyStoreAndPemTogetherAreRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("x"), "x");
        assertThatThrownBy(() -> new EvidenceSettings.Signing(file, "p", null, file, file))
                .isInstanceOf(ConfigurationProblem.class).hasMessageContaining("give either a PKCS#12 key store or a PEM key");
    }

    @Test
    void pemKeyWithoutCertificateNamesTheMissingSetting() throws IOException {
        Path file = Files.writeString(dir.resolve("key.pem"), "x");
        assertThatThrownBy(() -> new EvidenceSettings.Signing(null, null, null, file, null))
                .hasMessageStartingWith("ward.evidence.signing.certificate is missing");
    }

    @Test
    void unreadableKeyFileIsNamed() {
        assertThatThrownBy(() -> new EvidenceSettings.Signing(dir.resolve("nope.p12"), "p", null, null, null))
                .hasMessageContaining("ward.evidence.signing.keystore is").hasMessageContaining("cannot be read");
    }

    @Test
    void wrongKeyStorePasswordIsASentence() {
        Path store = SigningKeys.create("Ward").pkcs12(dir.resolve("w.p12"), "evidence", "right");
        assertThatThrownBy(() -> PackSigner.from(new EvidenceSettings.Signing(store, "wrong", null, null, null)))
                .isInstanceOf(ConfigurationProblem.class).hasMessageContaining("ward.evidence.signing.keystore")
                .hasMessageContaining("keystore-password");
    }

    @Test
    void keyThatDoesNotMatchItsCertificateIsRefused() throws IOException {
        SigningKeys ours = SigningKeys.create("Ward");
        var pem = ours.pem(dir.resolve("ours"));
        Path otherCertificate = SigningKeys.create("Other").certificatePem(dir.resolve("other.pem"));
        assertThatThrownBy(() -> PackSigner.from(new EvidenceSettings.Signing(null, null, null,
                Path.of((String) pem.get("ward.evidence.signing.private-key")), otherCertificate)))
                .isInstanceOf(ConfigurationProblem.class).hasMessageContaining("does not match its certificate CN=Other");
    }

    @Test
    void scheduleMustBeACronExpression() {
        assertThatThrownBy(() -> new EvidenceSettings(none(), 10, "every monday", dir))
                .hasMessageStartingWith("ward.evidence.schedule is 'every monday'");
    }

    @Test
    void scheduleNeedsAFolder() {
        assertThatThrownBy(() -> new EvidenceSettings(none(), 10, "0 0 6 * * MON", null))
                .hasMessageContaining("ward.evidence.scheduled-out");
    }

    @Test
    void validScheduleIsKept() {
        assertThat(new EvidenceSettings(none(), 10, "0 0 6 * * MON", dir).cron()).isPresent();
    }

    @Test
    void historyOutOfRangeIsRefused() {
        assertThatThrownBy(() -> new EvidenceSettings(none(), 0, null, null))
                .hasMessageStartingWith("ward.evidence.history-scans is 0");
    }
}
