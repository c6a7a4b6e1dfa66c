package org.ward.rules.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ward.rules.classify.TestItems.video;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ward.rules.policy.TestPolicies;

/**
 * A checksum-valid number is not an identifier when it cannot be one; a well-formed one is stronger evidence than
 * bare digits. 401 023 2137 passes the NHS check and is in the issued ranges (Presidio's test vector).
 */
class IdentifierPlausibilityTests {

    private final IdentifierScanner scanner = new IdentifierScanner(TestPolicies.nhsEngland().identifiers());
    private final RecordingClassifier classifier = new RecordingClassifier(TestPolicies.nhsEngland(), TestKeys.FINGERPRINT);

    @ParameterizedTest
    @ValueSource(strings = {"Tel 4010232137 callback.m4a", "call from 4010232137.wav", "+44 4010232137 voicemail.mp3",
        "Mobile no. 4010232137.m4a"})
    void phoneNumbersAreNotIdentifiers(String name) {
        IdentifierScanner.Scan scan = scanner.scan(name);

        assertThat(scan.found()).isEmpty();
        assertThat(scan.rejected()).singleElement().extracting(IdentifierScanner.Rejected::reason).asString()
                .contains("phone number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Invoice 4010232137.mp4", "Order No 4010232137 unboxing.mp4", "PO#4010232137.mp4",
        "Tracking 4010232137.jpg"})
    void invoiceAndOrderNumbersAreNotIdentifiers(String name) {
        assertThat(scanner.scan(name).found()).isEmpty();
        assertThat(scanner.scan(name).rejected()).singleElement().extracting(IdentifierScanner.Rejected::reason)
                .asString().contains("labelled as");
    }

    @Test
    void repeatedDigitsAreAPlaceholder() {
        // 400 000 0004 passes the NHS check and is in range, but six zeros in a row are a placeholder.
        assertThat(NhsNumber.isValid("4000000004")).isTrue();
        assertThat(scanner.scan("Clinic 4000000004.mp4").found()).isEmpty();
        assertThat(scanner.scan("Clinic 4000000004.mp4").rejected().get(0).reason()).contains("placeholder");
    }

    @Test
    void aDateAndHourIsNotAnIdentifier() {
        // YYYYMMDDhh from 2001: it also reads as a CHI date (20/01/01 and so on); the first with a valid check digit.
        String digits = null;
        for (int day = 1; digits == null && day <= 28; day++) {
            for (int hour = 0; digits == null && hour <= 23; hour++) {
                String candidate = String.format("200101%02d%02d", day, hour);
                digits = ChiNumber.isValidDigits(candidate) ? candidate : null;
            }
        }

        assertThat(digits).isNotNull();
        assertThat(scanner.scan("Clinic " + digits + ".m4a").found()).isEmpty();
        assertThat(scanner.scan("Clinic " + digits + ".m4a").rejected().get(0).reason()).contains("date and hour");
    }

    @Test
    void aDeviceTimestampIsNotAnIdentifierButTheSameDigitsElsewhereAre() {
        // 1712345678 is 2024-04-05 19:34:38 UTC in Unix seconds, and reads as the CHI 17/12/34 with a valid check digit.
        String digits = chiValidEpoch();

        assertThat(scanner.scan("VID_" + digits + ".mp4").found()).isEmpty();
        assertThat(scanner.scan("20261119_" + digits + ".m4a").found()).isEmpty();
        assertThat(scanner.scan("CHI " + digits + ".jpg").found()).hasSize(1);
    }

    @Test
    void aWellFormedIdentifierIsStrongerEvidenceThanBareDigits() {
        RecordingClassification spaced = classifier.classify(video("/Videos/401 023 2137.mp4"), TestLocations.oneDrive());
        RecordingClassification bare = classifier.classify(video("/Videos/4010232137.mp4"), TestLocations.oneDrive());

        assertThat(spaced.score()).isGreaterThan(bare.score());
        assertThat(spaced.evidence().identifiers()).singleElement().extracting(i -> i.strength()).isEqualTo("well-formed");
        assertThat(bare.evidence().identifiers()).singleElement().extracting(i -> i.strength()).isEqualTo("bare digits");
        // Neither is enough on its own: media plus a number with no context stays below the threshold.
        assertThat(spaced.isRecording()).isFalse();
    }

    @Test
    void aNumberThatIsNotCountedIsNamedAgainstWithoutItsValue() {
        RecordingClassification result = classifier.classify(video("/Consultations/Invoice 4010232137.mp4"),
                TestLocations.oneDrive());

        assertThat(result.identifiers()).isEmpty();
        assertThat(result.evidence().against()).singleElement().satisfies(note -> {
            assertThat(note.signal()).isEqualTo("not-an-identifier");
            assertThat(note.weight()).isZero();
            assertThat(note.because()).contains("labelled as").doesNotContain("4010232137").doesNotContain("401");
        });
    }

    /** A ten-digit number from 2001-2038 in Unix seconds that is also a valid CHI number. */
    private static String chiValidEpoch() {
        for (long n = 1_712_345_670L; ; n++) {
            String digits = Long.toString(n);
            if (ChiNumber.isValidDigits(digits)) {
                return digits;
            }
        }
    }
}
