package org.ward.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The classifier benchmark's corpus: seedable, large enough, labelled across the three packs with decoys. */
class ClassifierCorpusTests {

    @Test
    void theSameSeedGivesTheSameCorpus() {
        List<String> first = new ClassifierCorpus(7).generate(500).stream().map(s -> s.pack() + s.item().path()).toList();
        List<String> again = new ClassifierCorpus(7).generate(500).stream().map(s -> s.pack() + s.item().path()).toList();
        List<String> other = new ClassifierCorpus(8).generate(500).stream().map(s -> s.pack() + s.item().path()).toList();

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void theDefaultCorpusHasAtLeastFiveThousandFilesAcrossTheThreePacksHalfOfThemDecoys() {
        List<ClassifierCorpus.Sample> corpus = new ClassifierCorpus(11).generate(2_000);

        assertThat(corpus).hasSizeGreaterThanOrEqualTo(5_000);
        assertThat(corpus).extracting(ClassifierCorpus.Sample::pack).containsOnly("nhs-england", "hipaa", "au-privacy");
        assertThat(corpus.stream().filter(s -> s.expected() == null).count()).isEqualTo(corpus.size() / 2);
        assertThat(corpus).extracting(ClassifierCorpus.Sample::expected).contains("consultation-video", "consultation-audio",
                "clinical-photo", "teams-meeting-recording", "call-recording", "cctv", "research-interview",
                "student-assessment");
    }
}
