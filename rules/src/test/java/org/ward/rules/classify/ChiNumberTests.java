package org.ward.rules.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ward.rules.classify.ChiNumber.Scheme;

class ChiNumberTests {

    @Test
    void acceptsChiNumberPassingModulus11() {
        assertThat(ChiNumber.parse("0101011237").map(ChiNumber::scheme)).contains(Scheme.MOD11);
    }

    @Test
    void acceptsChiNumberValidOnlyUnderTheModulus10RuleFrom2026() {
        assertThat(ChiNumber.parse("0101201234").map(ChiNumber::scheme)).contains(Scheme.MOD10);
    }

    @Test
    void rejectsChiNumberWhoseDateDoesNotExist() {
        assertThat(ChiNumber.isValid("3213201234")).isFalse();
    }

    @Test
    void rejectsChiNumberPassingNeitherCheck() {
        assertThat(ChiNumber.isValid("0101011238")).isFalse();
    }

    @Test
    void acceptsTwentyNinthFebruaryOfALeapYear() {
        assertThat(ChiNumber.isValid("2902001231")).isTrue();
    }

    @Test
    void rejectsTwentyNinthFebruaryOfAYearThatIsNeverLeap() {
        assertThat(ChiNumber.isValid("2902011237")).isFalse();
    }

    @Test
    void acceptsSixFourSpacing() {
        assertThat(ChiNumber.parse("010101 1237")).contains(new ChiNumber("0101011237"));
    }

    @Test
    void formatsSixFour() {
        assertThat(new ChiNumber("0101011237").formatted()).isEqualTo("010101 1237");
    }
}
