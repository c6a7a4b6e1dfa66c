package org.ward.connector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.ward.connector.graph.GraphTraffic;
import org.ward.connector.runs.StageProgress;
import org.ward.connector.scan.ScanProgress;

/** The progress line names the stage that runs now, with its own counts and ETA, not the inventory's (issue 11 §5). */
class ScanProgressLineTests {

    private static final GraphTraffic.Snapshot TRAFFIC = new GraphTraffic.Snapshot(812, 900, 3, 3, 0, 0);

    @Test
    void theInventoryShowsDrivesItemsAndItsEta() {
        StageProgress.Snapshot stage = new StageProgress.Snapshot("inventory", "drives", 3, 12, Duration.ofSeconds(30), null);
        String line = ScanCommand.line(new ScanProgress.Snapshot("inventory", stage, 3, 12, 5_400, 180.0,
                Duration.ofSeconds(40), Duration.ofSeconds(90), 0), TRAFFIC);

        assertThat(line).isEqualTo("Scanning: inventory | drives 3/12 | items 5400 | 180 items/s | requests 812 | throttled 3"
                + " | ETA 1:30");
    }

    @Test
    void sharingShowsItsOwnPhaseCountsAndEtaRatherThanTheInventorys() {
        StageProgress.Snapshot stage = new StageProgress.Snapshot("reading who can reach recordings", "recordings", 120, 480,
                Duration.ofSeconds(14), Duration.ofSeconds(42));
        String line = ScanCommand.line(new ScanProgress.Snapshot(stage.phase(), stage, 12, 12, 9_000, 180.0,
                Duration.ofMinutes(2), stage.eta(), 0), TRAFFIC);

        assertThat(line).isEqualTo("Scanning: reading who can reach recordings | recordings 120/480 | requests 812"
                + " | throttled 3 | ETA 0:42");
    }

    @Test
    void theSignInLogShowsHowManyItReadWithoutATotal() {
        StageProgress.Snapshot stage = new StageProgress.Snapshot("identity: reading the sign-in log", "sign-ins", 25_000, 0,
                Duration.ofSeconds(10), Duration.ofSeconds(30));
        String line = ScanCommand.line(new ScanProgress.Snapshot(stage.phase(), stage, 12, 12, 9_000, 180.0,
                Duration.ofMinutes(3), stage.eta(), 0), TRAFFIC);

        assertThat(line).startsWith("Scanning: identity: reading the sign-in log | sign-ins 25000 | requests 812")
                .endsWith("ETA 0:30").doesNotContain("drives").doesNotContain("evaluating");
    }
}
