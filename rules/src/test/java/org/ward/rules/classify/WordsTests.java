package org.ward.rules.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.ward.rules.classify.Words.Keywords;

/** Words are split and keywords found exactly as the regular expressions the classifier used before said. */
class WordsTests {

    // The definition the one-pass splitter replaced, kept here as the specification it must meet.
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern CASE_BOUNDARY = Pattern.compile(
            "(?<=\\p{Ll})(?=\\p{Lu})|(?<=\\p{Lu})(?=\\p{Lu}\\p{Ll})|(?<=\\p{L})(?=\\p{N})|(?<=\\p{N})(?=\\p{L})");

    private static List<String> byExpressions(String text) {
        List<String> words = new ArrayList<>();
        for (String part : SEPARATORS.split(text)) {
            for (String word : CASE_BOUNDARY.split(part)) {
                if (!word.isEmpty()) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
        }
        return words;
    }

    @Test
    void splitsNamesAtSeparatorsCamelCaseAndDigits() {
        assertThat(Words.of("ClinicalRecordings_2024 HTMLReport-v2.mp4"))
                .containsExactly("clinical", "recordings", "2024", "html", "report", "v", "2", "mp", "4");
        assertThat(Words.of("GPS")).containsExactly("gps");
        assertThat(Words.of(null)).isEmpty();
    }

    @Test
    void splitsEveryTextExactlyAsTheSeparatorAndCaseBoundaryExpressionsDid() {
        String[] pieces = {"a", "b", "Z", "Q", "é", "É", "ß", "ǅ", "ʰ", "中", "Ω", "ω", "ς", "Σ", "İ", "ı", "0", "7", "²", "Ⅻ",
            "٣", "𝐀", "𝐚", "😀", " ", "_", "-", ".", "/", "\ud800", "NHS", "Mc", "iPhone", "X9"};
        Random random = new Random(11);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            assertThat(Words.of(text.toString())).as(text.toString()).isEqualTo(byExpressions(text.toString()));
        }
    }

    @Test
    void findsTheFirstKeywordInTheGivenOrderWhereverItStands() {
        Keywords keywords = Keywords.of(List.of("patient video", "clinic", "patient", "consent form"));

        assertThat(keywords.firstIn(Words.of("clinic/PatientVideo/consent form.mp4"))).contains("patient video");
        assertThat(keywords.firstIn(Words.of("Patient notes clinic"))).contains("clinic");
        assertThat(keywords.firstIn(Words.of("Patient notes"))).contains("patient");
        assertThat(keywords.firstIn(Words.of("consent"))).isEmpty();
        assertThat(keywords.firstIn(Words.of("patients clinical"))).isEmpty();
    }
}
