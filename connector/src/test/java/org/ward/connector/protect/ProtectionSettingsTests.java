package org.ward.connector.protect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.ward.connector.protect.ProtectionSettings.SensitivityLabelPacing;

/** ward.protection.*: Ward's share of the tenant's cap, and one sentence for a setting that is wrong. */
class ProtectionSettingsTests {

    private static SensitivityLabelPacing pacing(double share) {
        return new SensitivityLabelPacing(100, Duration.ofMinutes(5), share, Duration.ofSeconds(2), Duration.ofMinutes(15));
    }

    @Test
    void wardTakesNinetyOfTheTenantsHundredCallsPerFiveMinutesEvenlySpaced() {
        assertThat(pacing(0.9).budget()).isEqualTo(90);
        assertThat(pacing(0.9).spacing()).isEqualTo(Duration.ofMillis(3_333).plusNanos(333_333));
    }

    @Test
    void aSmallShareStillAllowsOneCallPerWindow() {
        assertThat(pacing(0.001).budget()).isEqualTo(1);
    }

    @Test
    void shareAboveTheWholeCapIsOneSentenceNamingTheSetting() {
        assertThatThrownBy(() -> pacing(1.5)).isInstanceOf(InvalidProtectionSettingException.class)
                .hasMessageStartingWith("ward.protection.sensitivity-labels.share is 1.5: give the part of the tenant's cap");
    }

    @Test
    void enabledMustBeTrueOrFalse() {
        assertThatThrownBy(() -> new ProtectionSettings("yes", "false", Duration.ofMinutes(2), pacing(0.9)))
                .isInstanceOf(InvalidProtectionSettingException.class)
                .hasMessage("ward.protection.enabled is 'yes': set it to true to let ward protect --apply put labels on the"
                        + " tenant's files, or false (the default).");
    }

    @Test
    void protectStageRunsOnlyWhenProtectionAndDuringScanAreBothOn() {
        assertThat(new ProtectionSettings("true", "true", Duration.ZERO, pacing(0.9)).inScans()).isTrue();
        assertThat(new ProtectionSettings("false", "true", Duration.ZERO, pacing(0.9)).inScans()).isFalse();
        assertThat(new ProtectionSettings("true", "false", Duration.ZERO, pacing(0.9)).inScans()).isFalse();
    }
}
