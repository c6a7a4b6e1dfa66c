package org.ward.rules.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ward.rules.policy.IdentifierType;
import org.ward.rules.policy.TestPolicies;

/**
 * Each identifier scheme against test vectors published by others, at least two independent sources per scheme, so
 * Ward's validators are not only checked against numbers Ward computed itself. Sources:
 * <ul>
 * <li>[STDNUM] arthurdejong/python-stdnum, stdnum/gb/nhs.py (doctests);</li>
 * <li>[PRESIDIO] microsoft/presidio, presidio-analyzer/tests/test_uk_nhs_recognizer.py and
 * test_au_medicare_recognizer.py;</li>
 * <li>[WIKI] Wikipedia, "NHS number" (the worked check-digit example and the number ranges);</li>
 * <li>[PHS] Public-Health-Scotland/phsmethods, tests/testthat/test-chi_check.R and R/chi_check.R (CHI, Mod 11 and the
 * Mod 10 check introduced in February 2026);</li>
 * <li>[NHSDD] NHS Data Dictionary, "NHS Number" and "Community Health Index Number" (Modulus 11, DDMMYY prefix);</li>
 * <li>[NIB] nib-health-funds/validate-medicare, test/index.js;</li>
 * <li>[MEDIPASS] medipass/validate-medicare-number, index.test.js;</li>
 * <li>[HL7AU] HL7 AU Base, Patient-example0 (a Medicare number with its individual reference number).</li>
 * </ul>
 */
class PublishedTestVectorsTests {

    private final IdentifierScanner nhsScanner = new IdentifierScanner(TestPolicies.nhsEngland().identifiers());
    private final IdentifierScanner auScanner = new IdentifierScanner(TestPolicies.auPrivacy().identifiers());

    // NHS numbers: the check digit.

    @ParameterizedTest
    @ValueSource(strings = {"943-476-5870" /* STDNUM doctest */, "401-023-2137" /* PRESIDIO valid */,
        "943 476 5919" /* WIKI worked example */, "221 395 1837" /* PRESIDIO valid */, "0032698674" /* PRESIDIO valid */})
    void nhsNumbersOthersCallValidPassTheCheckDigit(String number) {
        assertThat(NhsNumber.isValid(number)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"9434765871" /* STDNUM: invalid check digit */, "401-023-2138" /* PRESIDIO invalid */,
        "987 654 4321" /* WIKI: the format example, which fails the check */})
    void nhsNumbersOthersCallInvalidFail(String number) {
        assertThat(NhsNumber.isValid(number)).isFalse();
    }

    // NHS numbers: the issued ranges, which Presidio and python-stdnum do not check.

    @Test
    void aNumberInTheIssuedRangesIsAnIdentifier() {
        assertThat(nhsScanner.scan("Clinic 401-023-2137.mp4").found()).extracting(FoundIdentifier::type)
                .containsExactly(IdentifierType.NHS_NUMBER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"221 395 1837", "0032698674", "943 476 5919", "943-476-5870"})
    void checkDigitValidNumbersOutsideTheIssuedRangesAreNotIdentifiers(String number) {
        // PRESIDIO and STDNUM accept these on the check digit alone; WIKI's ranges say none was ever issued in England,
        // Wales or the Isle of Man (2xx and 0xx belong to Scotland's CHI range, 9xx below 999 is unused).
        IdentifierScanner.Scan scan = nhsScanner.scan("Clinic " + number + ".mp4");

        assertThat(scan.found()).isEmpty();
        assertThat(scan.rejected()).extracting(IdentifierScanner.Rejected::reason)
                .allMatch(reason -> reason.contains("outside the ranges"));
    }

    @Test
    void theTestRangeIsAccepted() {
        assertThat(nhsScanner.scan("Video 999 000 0018.mp4").found()).hasSize(1);
    }

    // CHI numbers.

    @ParameterizedTest
    @ValueSource(strings = {"1904851231" /* PHS valid */, "2902201230" /* PHS leap year */, "0101011237" /* PHS */,
        "0101201234" /* PHS: valid only under the Mod 10 rule */})
    void chiNumbersPhsCallsValidAreValid(String number) {
        assertThat(ChiNumber.isValid(number)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"3201209999" /* PHS invalid day */, "0113209999" /* PHS invalid month */,
        "3213201234" /* PHS */, "2902191230" /* PHS 29 February in a non-leap year */, "1904851232" /* PHS checksum */,
        "0101201233" /* PHS checksum under both rules */, "0011201234" /* PHS zero day */, "0000000000" /* PHS */})
    void chiNumbersPhsCallsInvalidAreInvalid(String number) {
        assertThat(ChiNumber.isValid(number)).isFalse();
    }

    @Test
    void theCurrentChiRuleAcceptsModulus10NumbersIssuedFromFebruary2026() {
        // PHS chi_check(x, check_mod11 = TRUE, check_mod10 = FALSE) says "Invalid checksum"; with Mod 10, "Valid CHI".
        assertThat(Digits.modulus11("0101201234")).isNotEqualTo(4);
        assertThat(ChiNumber.parse("0101201234").map(ChiNumber::scheme)).contains(ChiNumber.Scheme.MOD10);
        assertThat(ChiNumber.parse("0101011237").map(ChiNumber::scheme)).contains(ChiNumber.Scheme.MOD11);
    }

    @Test
    void aChiNumberWrittenDateApartIsWellFormed() {
        // NHSDD: DDMMYY then four digits; nhs-england says formats [6-4, 3-3-4].
        String text = "Rash CHI 190485 1231.jpg";
        FoundIdentifier found = nhsScanner.scan(text).found().get(0);

        assertThat(found.type()).isEqualTo(IdentifierType.CHI_NUMBER);
        assertThat(nhsScanner.wellFormed(found, text)).isTrue();
        assertThat(nhsScanner.wellFormed(nhsScanner.scan("Rash 1904851231.jpg").found().get(0), "Rash 1904851231.jpg"))
                .isFalse();
    }

    // Medicare numbers.

    @ParameterizedTest
    @ValueSource(strings = {"2123 45670 1" /* PRESIDIO */, "2123456701" /* PRESIDIO, NIB */, "2622563151" /* NIB */,
        "4299844934" /* NIB */, "6565200001" /* NIB */, "2001160007" /* NIB */, "6950507391" /* MEDIPASS */})
    void medicareNumbersOthersCallValidAreValid(String number) {
        assertThat(MedicareNumber.isValid(number)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2123 25870 1" /* PRESIDIO */, "2123258701" /* PRESIDIO */, "212345670221" /* PRESIDIO: 12 digits */,
        "3333333333" /* NIB: check digit */, "0000000000" /* NIB: first digit */, "6950507381" /* MEDIPASS: check digit */,
        "212345670196" /* NIB: a valid number with two more digits */})
    void medicareNumbersOthersCallInvalidAreInvalid(String number) {
        assertThat(MedicareNumber.isValid(number)).isFalse();
    }

    @Test
    void theIndividualReferenceNumberMayFollowTheCardNumber() {
        // NIB: "21234567019" is valid with allowIndividualDigit; HL7AU's example 32788511952 carries IRN 2.
        assertThat(MedicareNumber.parse("21234567019").flatMap(MedicareNumber::irn)).contains(9);
        assertThat(MedicareNumber.parse("32788511952").flatMap(MedicareNumber::irn)).contains(2);
        for (String text : List.of("Consult 2123 45670 1 1.m4a", "Consult 2123 45670 1/1.m4a", "Consult 21234567011.m4a")) {
            assertThat(auScanner.scan(text).found()).as(text).extracting(FoundIdentifier::value)
                    .containsExactly("21234567011");
        }
    }

    @Test
    void nothingButTheReferenceNumberMayFollow() {
        // An IRN of 0 is never issued, and a twelfth digit makes a longer number, not a Medicare number.
        assertThat(auScanner.scan("Consult 21234567010.m4a").found()).isEmpty();
        assertThat(auScanner.scan("Consult 212345670111.m4a").found()).isEmpty();
    }
}
