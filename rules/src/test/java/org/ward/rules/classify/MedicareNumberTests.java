package org.ward.rules.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class MedicareNumberTests {

    @Test
    void acceptsMedicareNumberWithValidCheckDigit() {
        assertThat(MedicareNumber.isValid("2123 45670 1")).isTrue();
    }

    @Test
    void acceptsMedicareNumberWithIndividualReferenceNumber() {
        MedicareNumber number = MedicareNumber.parse("32788511952").orElseThrow();

        assertThat(number.irn()).isEqualTo(Optional.of(2));
    }

    @Test
    void readsTheIssueNumber() {
        assertThat(MedicareNumber.parse("2123456701").map(MedicareNumber::issueNumber)).contains(1);
    }

    @Test
    void rejectsMedicareNumberWithWrongCheckDigit() {
        assertThat(MedicareNumber.isValid("2123456711")).isFalse();
    }

    @Test
    void rejectsMedicareNumberWithIssueNumberZero() {
        assertThat(MedicareNumber.isValid("2123456700")).isFalse();
    }

    @Test
    void rejectsMedicareNumberStartingWithOne() {
        assertThat(MedicareNumber.isValid("1123456701")).isFalse();
    }

    @Test
    void rejectsTwelveDigits() {
        assertThat(MedicareNumber.isValid("212345670111")).isFalse();
    }
}
