package org.ward.rules.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.ward.rules.policy.IdentifierType;

class IdentifierFingerprintTests {

    @Test
    void fingerprintIsTheSameForSpacedAndPlainForms() {
        assertThat(TestKeys.FINGERPRINT.of(IdentifierType.NHS_NUMBER, "943 476 5919"))
                .isEqualTo(TestKeys.FINGERPRINT.of(IdentifierType.NHS_NUMBER, "9434765919"));
    }

    @Test
    void fingerprintDiffersBetweenPatients() {
        assertThat(TestKeys.FINGERPRINT.of(IdentifierType.NHS_NUMBER, "9434765919"))
                .isNotEqualTo(TestKeys.FINGERPRINT.of(IdentifierType.NHS_NUMBER, "9434765870"));
    }

    @Test
    void fingerprintDependsOnTheInstallationKey() {
        IdentifierFingerprint other = new IdentifierFingerprint("another-key-0123456789".getBytes(StandardCharsets.UTF_8));

        assertThat(other.of(IdentifierType.NHS_NUMBER, "9434765919"))
                .isNotEqualTo(TestKeys.FINGERPRINT.of(IdentifierType.NHS_NUMBER, "9434765919"));
    }

    @Test
    void fingerprintIsAnHmacWith128BitsShown() {
        assertThat(TestKeys.FINGERPRINT.of(IdentifierType.NHS_NUMBER, "9434765919")).matches("hmac-sha256:[0-9a-f]{32}");
    }

    @Test
    void refusesAShortKey() {
        assertThatThrownBy(() -> new IdentifierFingerprint(new byte[8]))
                .hasMessage("the identifier fingerprint key must be at least 16 bytes");
    }
}
