package org.ward.connector.remediate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** ward.remediation.enabled: off unless set to true, and a typo is a sentence. */
class RemediationSettingsTests {

    @Test
    void remediationIsOffByDefault() {
        assertThat(new RemediationSettings("false").applyAllowed()).isFalse();
    }

    @Test
    void trueInAnyCaseSwitchesItOn() {
        assertThat(new RemediationSettings(" TRUE ").applyAllowed()).isTrue();
    }

    @Test
    void anythingElseNamesTheSettingAndTheFix() {
        assertThatThrownBy(() -> new RemediationSettings("yes please"))
                .isInstanceOf(InvalidRemediationSettingException.class)
                .hasMessageStartingWith("ward.remediation.enabled is 'yes please': set it to true");
    }
}
