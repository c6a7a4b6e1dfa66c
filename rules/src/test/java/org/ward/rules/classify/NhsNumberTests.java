package org.ward.rules.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NhsNumberTests {

    @Test
    void acceptsWorkedExampleFromTheDataDictionaryAlgorithm() {
        assertThat(NhsNumber.isValid("9434765919")).isTrue();
    }

    @Test
    void acceptsNumberWhoseCheckDigitElevenBecomesZero() {
        assertThat(NhsNumber.isValid("9434765870")).isTrue();
    }

    @Test
    void acceptsNumberSpacedThreeThreeFour() {
        assertThat(NhsNumber.parse("943 476 5919")).contains(new NhsNumber("9434765919"));
    }

    @Test
    void acceptsNumberWithHyphens() {
        assertThat(NhsNumber.parse("943-476-5919")).contains(new NhsNumber("9434765919"));
    }

    @Test
    void rejectsNhsNumberWithWrongCheckDigit() {
        assertThat(NhsNumber.isValid("9434765871")).isFalse();
    }

    @Test
    void rejectsTheCommonFormatExampleBecauseItFailsTheChecksum() {
        assertThat(NhsNumber.isValid("987 654 4321")).isFalse();
    }

    @Test
    void rejectsNumberWhoseRemainderGivesTen() {
        assertThat(NhsNumber.isValid("1234567890")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"9990000000", "9990000001", "9990000005", "9990000009"})
    void rejectsEveryCheckDigitWhenNoneExists(String number) {
        assertThat(NhsNumber.isValid(number)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000000000", "1111111111", "4444444444", "9999999999"})
    void rejectsRepeatedDigitNumbersThoughTheyPassTheChecksum(String number) {
        assertThat(NhsNumber.isValid(number)).isFalse();
    }

    @Test
    void rejectsMixedSeparators() {
        assertThat(NhsNumber.isValid("943 476-5919")).isFalse();
    }

    @Test
    void rejectsNineDigits() {
        assertThat(NhsNumber.isValid("943476591")).isFalse();
    }

    @Test
    void rejectsLetters() {
        assertThat(NhsNumber.isValid("943476591X")).isFalse();
    }

    @Test
    void acceptsTestRangeNumberAndSaysItIsTestRange() {
        NhsNumber number = NhsNumber.parse("999 000 0018").orElseThrow();

        assertThat(number.isTestRange()).isTrue();
    }

    @Test
    void acceptsSecondTestRangeExample() {
        assertThat(NhsNumber.parse("9990000026").map(NhsNumber::isTestRange)).contains(true);
    }

    @Test
    void issuedRangeNumberIsNotTestRange() {
        assertThat(NhsNumber.parse("9434765919").map(NhsNumber::isTestRange)).contains(false);
    }

    @Test
    void formatsThreeThreeFour() {
        assertThat(new NhsNumber("9434765919").formatted()).isEqualTo("943 476 5919");
    }
}
