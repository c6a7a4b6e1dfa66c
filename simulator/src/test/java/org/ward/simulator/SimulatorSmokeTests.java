package org.ward.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ward.simulator.throttle.Latency;

import com.microsoft.graph.models.DriveItem;
import com.microsoft.graph.models.Site;
import com.microsoft.graph.models.User;
import com.microsoft.graph.serviceclient.GraphServiceClient;

class SimulatorSmokeTests {

    static Simulator simulator;
    static GraphServiceClient graph;

    @BeforeAll
    static void start() {
        simulator = Simulator.builder().tenant(Simulator.TenantSource.resource("/tenants/small-clinic.yaml"))
                .latency(Latency.OFF).start();
        graph = SdkClients.graph(simulator);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void listsUsersThroughTheOfficialSdk() {
        List<User> users = graph.users().get().getValue();
        assertThat(users).extracting(User::getDisplayName).contains("Ada Lovelace", "Ben Okri", "Dan Partner");
    }

    @Test
    void listsAllSitesIncludingOneDrives() {
        List<Site> sites = graph.sites().getAllSites().get().getValue();
        assertThat(sites).extracting(Site::getWebUrl).contains("https://smallclinic.sharepoint.com/sites/Intranet",
                "https://smallclinic-my.sharepoint.com/personal/ada_lovelace_smallclinic_nhs_uk");
    }

    @Test
    void enumeratesADriveThroughDelta() {
        String driveId = graph.users().byUserId("ada.lovelace@smallclinic.nhs.uk").drive().get().getId();
        var page = graph.drives().byDriveId(driveId).items().byDriveItemId("root").delta().get();
        assertThat(page.getValue()).extracting(DriveItem::getName)
                .contains("Recordings", "Clinic huddle-20261101_090000-Meeting Recording.mp4");
        assertThat(page.getOdataDeltaLink()).contains("token=");
    }
}
