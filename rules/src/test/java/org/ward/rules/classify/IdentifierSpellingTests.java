package org.ward.rules.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.ward.rules.policy.IdentifierType;
import org.ward.rules.policy.TestPolicies;

/**
 * An identifier is found and masked however it is written: every spelling the matcher accepts is masked in the
 * original text, so no output shows it in clear.
 */
class IdentifierSpellingTests {

    private final IdentifierMasking masking = new IdentifierMasking(TestPolicies.nhsEngland().identifiers());
    private final IdentifierScanner scanner = new IdentifierScanner(TestPolicies.nhsEngland().identifiers());

    @ParameterizedTest
    @ValueSource(strings = {"943.476.5919", "943\u00A0476\u00A05919", "943\u2009476\u20095919", "943\u202F476\u202F5919",
        "９４３４７６５９１９", "９４３\u3000４７６\u3000５９１９", "943_476_5919", "943\u200B476\u200B5919",
        "943\u2013476\u20135919", "943%20476%205919", "943%C2%A0476%C2%A05919", "%EF%BC%99%EF%BC%94%EF%BC%93%EF%BC%94%EF%BC%97%EF%BC%96%EF%BC%95%EF%BC%99%EF%BC%91%EF%BC%99",
        "943\u00AD476\u00AD5919", "943\u2212476\u22125919", "943\u00B7476\u00B75919", "٩٤٣٤٧٦٥٩١٩", "943\t476\t5919"})
    void findsAndMasksEverySpelling(String spelling) {
        String text = "Consultation " + spelling + " clinic.mp4";

        List<FoundIdentifier> found = scanner.findAny(text);
        String masked = masking.maskText(text);

        assertThat(found).extracting(FoundIdentifier::type, FoundIdentifier::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(IdentifierType.NHS_NUMBER, "9434765919"));
        assertThat(masked).isEqualTo("Consultation 943 *** **19 clinic.mp4");
    }

    @Test
    void masksOnlyTheIdentifierInAUrlAndKeepsTheRestAsWritten() {
        assertThat(masking.maskText("https://clinic.sharepoint.com/sites/R/Shared%20Documents/Patient%20943%C2%A0476%C2%A05919"))
                .isEqualTo("https://clinic.sharepoint.com/sites/R/Shared%20Documents/Patient%20943 *** **19");
    }

    @Test
    void aTimestampOrAVersionIsNotAnIdentifier() {
        assertThat(masking.maskText("Weekly sync-20260105_103000-Meeting Recording v1.2.3.mp4"))
                .isEqualTo("Weekly sync-20260105_103000-Meeting Recording v1.2.3.mp4");
    }

    @Test
    void spellingsOfOnePatientShareOneFingerprint() {
        IdentifierFingerprint fingerprint = TestKeys.FINGERPRINT;
        List<String> fingerprints = java.util.stream.Stream.of("943.476.5919", "９４３４７６５９１９", "943 476 5919")
                .map(s -> scanner.findAny(s).get(0)).map(f -> fingerprint.of(f.type(), f.value())).distinct().toList();
        assertThat(fingerprints).hasSize(1);
    }
}
