package org.ward.connector.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ward.connector.scan.ScanHarness;
import org.ward.rules.copies.CopiesCatalogue;
import org.ward.rules.facts.ClassificationEvidence;
import org.ward.rules.findings.Finding;
import org.ward.simulator.Simulator;
import org.ward.simulator.tenant.Drive;
import org.ward.simulator.tenant.NewFile;
import org.ward.simulator.tenant.User;

/**
 * Issue 11 §2: a file whose content hash equals a recording Ward classified is a copy of it, whatever its name or place.
 * Ben saves the clinic's consultation (content "consult-0018") to his OneDrive as "20261201.mp4" — a name that scores
 * nothing on its own — and a holiday clip with the same kind of name but other content.
 */
class ContentCopiesTests {

    @TempDir
    static Path dataDir;

    static Simulator simulator;
    static List<Finding> open;

    @BeforeAll
    static void scanWithACopyNamedOnlyByADate() {
        simulator = ScanHarness.clinic();
        User ben = simulator.tenant().read(() -> simulator.tenant().user("ben.okri@smallclinic.nhs.uk"));
        Drive oneDrive = simulator.tenant().read(() -> simulator.tenant().drive(ben.driveId()));
        simulator.changes().addFileAt(oneDrive.id, "/", NewFile.named("20261201.mp4", "consult-0018").by(ben.id()));
        simulator.changes().addFileAt(oneDrive.id, "/", NewFile.named("20261202.mp4", "beach-day").by(ben.id()));
        open = ScanHarness.scan(ScanHarness.h2(simulator, dataDir));
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void aCopyNamedOnlyByADateIsACopyLeftAfterUpload() {
        assertThat(open).filteredOn(f -> f.type() == CopiesCatalogue.COPY_LEFT_AFTER_UPLOAD)
                .extracting(f -> f.resource().path()).contains("/20261201.mp4");
    }

    @Test
    void theCopyIsJudgedAsItsOriginalsKindAndSaysWhichOriginal() {
        Finding copy = open.stream().filter(f -> "/20261201.mp4".equals(f.resource().path())).findFirst().orElseThrow();
        ClassificationEvidence evidence = copy.classification().orElseThrow();

        assertThat(evidence.recording()).isTrue();
        assertThat(evidence.copyOf()).isNotNull();
        assertThat(evidence.copyOf().path()).contains("Consultation");
        // It did not score on its own: the copy is known by its content alone.
        assertThat(evidence.score()).isLessThan(evidence.threshold());
    }

    @Test
    void aFileWithTheSameKindOfNameButOtherContentIsNoRecording() {
        assertThat(open).extracting(f -> f.resource().path()).doesNotContain("/20261202.mp4");
    }
}
