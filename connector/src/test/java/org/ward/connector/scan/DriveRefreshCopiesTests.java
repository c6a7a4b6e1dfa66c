package org.ward.connector.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.findings.FindingStore;
import org.ward.rules.copies.CopiesCatalogue;
import org.ward.rules.findings.Finding;
import org.ward.rules.sharing.SharingCatalogue;
import org.ward.simulator.Simulator;
import org.ward.simulator.tenant.Drive;
import org.ward.simulator.tenant.Item;
import org.ward.simulator.tenant.NewFile;
import org.ward.simulator.tenant.User;

/**
 * A drive refresh (ward serve) knows copies by their content as the scan does: Ben saves the clinic's consultation
 * (content "consult-0018") to his OneDrive as "20261203.mp4" after the scan, and later shares it with an Anyone link.
 */
class DriveRefreshCopiesTests {

    @TempDir
    static Path dataDir;

    static Simulator simulator;
    static ConfigurableApplicationContext ward;
    static Drive oneDrive;
    static User ben;

    @BeforeAll
    static void scanThenServe() {
        simulator = ScanHarness.clinic();
        ben = simulator.tenant().read(() -> simulator.tenant().user("ben.okri@smallclinic.nhs.uk"));
        oneDrive = simulator.tenant().read(() -> simulator.tenant().drive(ben.driveId()));
        ward = ScanHarness.start(ScanHarness.asApp(ScanHarness.h2(simulator, dataDir), simulator, "Ward full control"));
        ward.getBean(ScanService.class).scan();
    }

    @AfterAll
    static void stop() {
        ward.close();
        simulator.close();
    }

    @Test
    void aCopySavedSinceTheScanIsFoundByItsContentWhenItsDriveIsRefreshed() {
        Item copy = simulator.changes().addFileAt(oneDrive.id, "/", NewFile.named("20261203.mp4", "consult-0018").by(ben.id()));

        ward.getBean(DriveRefresh.class).refresh(oneDrive.id);

        assertThat(open()).filteredOn(f -> f.type() == CopiesCatalogue.COPY_LEFT_AFTER_UPLOAD)
                .extracting(f -> f.resource().itemId()).contains(copy.id);
    }

    @Test
    void aCopyStaysACopyWhenItsDriveIsRefreshedAgain() {
        Item copy = simulator.changes().addFileAt(oneDrive.id, "/", NewFile.named("20261204.mp4", "consult-0018").by(ben.id()));
        ward.getBean(DriveRefresh.class).refresh(oneDrive.id);
        simulator.changes().createLink(oneDrive.id, copy.id, "view", "anonymous", null, false, List.of());
        simulator.changes().rename(oneDrive.id, copy.id, "20261204 clip.mp4");

        ward.getBean(DriveRefresh.class).refresh(oneDrive.id);

        assertThat(open()).filteredOn(f -> copy.id.equals(f.resource().itemId())).extracting(Finding::type)
                .contains(CopiesCatalogue.COPY_LEFT_AFTER_UPLOAD, SharingCatalogue.ANONYMOUS_LINK);
    }

    private static List<Finding> open() {
        return ward.getBean(FindingStore.class).open();
    }
}
