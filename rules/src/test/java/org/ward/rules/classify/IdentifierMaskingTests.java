package org.ward.rules.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ward.rules.policy.IdentifierType;
import org.ward.rules.policy.TestPolicies;

class IdentifierMaskingTests {

    private final IdentifierMasking masking = new IdentifierMasking(TestPolicies.nhsEngland().identifiers());

    @Test
    void masksNhsNumberShowingFirstThreeAndLastTwo() {
        assertThat(masking.mask(IdentifierType.NHS_NUMBER, "9990000018")).isEqualTo("999 *** **18");
    }

    @Test
    void masksSpacedNhsNumberTheSameWay() {
        assertThat(masking.mask(IdentifierType.NHS_NUMBER, "943 476 5919")).isEqualTo("943 *** **19");
    }

    @Test
    void masksChiNumberHidingTheDateOfBirth() {
        assertThat(masking.mask(IdentifierType.CHI_NUMBER, "0101011237")).isEqualTo("****** **37");
    }

    @Test
    void masksMedicareNumber() {
        assertThat(masking.mask(IdentifierType.MEDICARE_NUMBER, "2123456701")).isEqualTo("21** ****0 1");
    }

    @Test
    void masksEveryIdentifierInsideAPath() {
        assertThat(masking.maskText("/Consultations/943 476 5919/Video 9434765870 and 0101011237.mp4"))
                .isEqualTo("/Consultations/943 *** **19/Video 943 *** **70 and ****** **37.mp4");
    }

    @Test
    void masksIdentifierTypesThePackDoesNotEnable() {
        assertThat(masking.maskText("Medicare 2123 45670 1.jpg")).isEqualTo("Medicare 21** ****0 1.jpg");
    }

    @Test
    void leavesTextWithoutIdentifiersUnchanged() {
        assertThat(masking.maskText("Weekly sync-20260105_103000-Meeting Recording.mp4"))
                .isEqualTo("Weekly sync-20260105_103000-Meeting Recording.mp4");
    }

    @Test
    void leavesChecksumFailingNumbersUnchanged() {
        assertThat(masking.maskText("ticket 9434765871")).isEqualTo("ticket 9434765871");
    }

    @Test
    void masksMrnWithTheHipaaPack() {
        IdentifierMasking us = new IdentifierMasking(TestPolicies.hipaa().identifiers());

        assertThat(us.maskText("Wound MRN 00123456.jpg")).isEqualTo("Wound MRN ******56.jpg");
    }
}
