package org.ward.rules.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ward.rules.policy.IdentifierType;
import org.ward.rules.policy.TestPolicies;

class IdentifierScannerTests {

    private final IdentifierScanner nhs = new IdentifierScanner(TestPolicies.nhsEngland().identifiers());
    private final IdentifierScanner au = new IdentifierScanner(TestPolicies.auPrivacy().identifiers());
    private final IdentifierScanner us = new IdentifierScanner(TestPolicies.hipaa().identifiers());

    @Test
    void findsPlainNhsNumberInAFileName() {
        assertThat(nhs.find("Consult 9434765919.mp4"))
                .containsExactly(new FoundIdentifier(IdentifierType.NHS_NUMBER, 8, 18, "9434765919"));
    }

    @Test
    void findsSpacedNhsNumber() {
        assertThat(values(nhs.find("Referral 943 476 5919 letter"))).containsExactly("9434765919");
    }

    @Test
    void findsNhsNumberBetweenUnderscores() {
        assertThat(values(nhs.find("clinic_9434765919_final.mp4"))).containsExactly("9434765919");
    }

    @Test
    void findsNhsNumberRightAfterLetters() {
        assertThat(values(nhs.find("NHS9434765919.mp4"))).containsExactly("9434765919");
    }

    @Test
    void tenDigitsInsideALongerRunAreNotACandidate() {
        assertThat(nhs.find("export_19434765919.csv")).isEmpty();
    }

    @Test
    void tenDigitsFollowedByMoreDigitsAreNotACandidate() {
        assertThat(nhs.find("94347659190")).isEmpty();
    }

    @Test
    void mixedSeparatorsAreNotACandidate() {
        assertThat(nhs.find("943 476-5919")).isEmpty();
    }

    @Test
    void checksumFailingNumberIsNotFound() {
        assertThat(nhs.find("Consult 9434765871.mp4")).isEmpty();
    }

    @Test
    void numberInChiRangeWithARealDateIsACheNumberNotAnNhsNumber() {
        assertThat(types(nhs.find("3101234565"))).containsExactly(IdentifierType.CHI_NUMBER);
    }

    @Test
    void checksumPassingNumberWhoseDateDoesNotExistIsAnNhsNumber() {
        assertThat(types(nhs.find("2902011237"))).containsExactly(IdentifierType.NHS_NUMBER);
    }

    @Test
    void findsChiNumberSpacedSixFour() {
        assertThat(nhs.find("CHI 010101 1237"))
                .containsExactly(new FoundIdentifier(IdentifierType.CHI_NUMBER, 4, 15, "0101011237"));
    }

    @Test
    void findsMedicareNumberWhenThePackEnablesIt() {
        assertThat(au.find("Medicare 2123 45670 1 photo.jpg"))
                .containsExactly(new FoundIdentifier(IdentifierType.MEDICARE_NUMBER, 9, 21, "2123456701"));
    }

    @Test
    void findsMedicareNumberWithIrn() {
        assertThat(values(au.find("card 32788511952"))).containsExactly("32788511952");
    }

    @Test
    void australianPackDoesNotLookForNhsNumbers() {
        assertThat(au.find("9434765919")).isEmpty();
    }

    @Test
    void findsMrnRightAfterItsKeyword() {
        assertThat(us.find("Wound photo MRN 00123456.jpg"))
                .containsExactly(new FoundIdentifier(IdentifierType.MRN, 16, 24, "00123456"));
    }

    @Test
    void findsMrnAfterKeywordWithPunctuation() {
        assertThat(values(us.find("Med Rec #: A1234567 visit"))).containsExactly("A1234567");
    }

    @Test
    void numberWithoutMrnKeywordIsNotAnMrn() {
        assertThat(us.find("Wound photo 00123456.jpg")).isEmpty();
    }

    @Test
    void mrnKeywordFarFromTheNumberDoesNotCount() {
        assertThat(us.find("MRN unknown, invoice 00123456")).isEmpty();
    }

    @Test
    void findAnyFindsTypesThePackDoesNotEnable() {
        assertThat(types(au.findAny("9434765919 and 2123456701x"))).containsExactly(IdentifierType.NHS_NUMBER,
                IdentifierType.MEDICARE_NUMBER);
    }

    private static List<String> values(List<FoundIdentifier> found) {
        return found.stream().map(FoundIdentifier::value).toList();
    }

    private static List<IdentifierType> types(List<FoundIdentifier> found) {
        return found.stream().map(FoundIdentifier::type).toList();
    }
}
