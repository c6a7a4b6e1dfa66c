package org.ward.connector.protect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.protect.LabelChange.State;
import org.ward.connector.protect.PlannedLabel.Decision;
import org.ward.connector.protect.PlannedLabel.Target;
import org.ward.connector.protect.Protector.Outcome;
import org.ward.connector.protect.Protector.Result;
import org.ward.connector.scan.ScanHarness;
import org.ward.simulator.Simulator;
import org.ward.simulator.labels.NationalCloud;
import org.ward.simulator.throttle.Latency;

/**
 * assignSensitivityLabel exists in Microsoft's global cloud only. In US Government L4 Graph does not know the segment;
 * Ward records "not available in this cloud" for each file, and says so up front when its settings name that cloud.
 * The label catalogue is missing there too, so the pack gives the labels' ids.
 */
class ProtectionNationalCloudTests {

    @TempDir
    static Path dir;

    static Simulator simulator;
    static LabelClinic clinic;
    static Path policy;

    @BeforeAll
    static void startTheClinicInGccHigh() throws IOException {
        simulator = Simulator.builder().tenant(Simulator.TenantSource.resource("/tenants/protect-clinic.yaml"))
                .latency(Latency.OFF).cloud(NationalCloud.US_GOV_L4).start();
        clinic = new LabelClinic(dir, simulator);
        StringBuilder order = new StringBuilder();
        for (String name : new String[] {"Public", "General", "Confidential", "Confidential\\Patient Data", "Highly Confidential"}) {
            order.append("    - {name: \"").append(name.replace("\\", "\\\\")).append("\", id: ").append(clinic.labelId(name))
                    .append("}\n");
        }
        policy = dir.resolve("label-clinic-gcc-high.yaml");
        Files.writeString(policy, "schemaVersion: 1\nid: label-clinic-gcc-high\ntitle: Label Clinic in GCC High\nversion: \"1\"\n"
                + "extends: " + Path.of(LabelClinic.POLICY).toAbsolutePath() + "\nlabels:\n  sensitivityOrder:\n" + order);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private Map<String, Object> settings(Path data, boolean wardKnowsTheCloud) {
        Map<String, Object> settings = new LabelClinic(data, simulator).settings(LabelClinic.PROTECT, true);
        settings.put("ward.policy.pack", policy.toString());
        if (wardKnowsTheCloud) {
            settings.put("ward.graph.cloud", "usgov");
            settings.put("ward.graph.scope", "https://graph.microsoft.com/.default");
        }
        return settings;
    }

    @Test
    void graphsRefusalIsRecordedAsNotAvailableInThisCloudForEveryFile(@TempDir Path data) throws InterruptedException {
        Map<String, Object> settings = settings(data, false);
        ScanHarness.scan(settings);
        try (ConfigurableApplicationContext context = ScanHarness.start(settings)) {
            Result result = context.getBean(Protector.class).apply("alice", Duration.ofSeconds(30));

            assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
            assertThat(result.queue().ended()).containsEntry(State.NOT_IN_THIS_CLOUD, 3L);
            assertThat(context.getBean(LabelChanges.class).inState(State.NOT_IN_THIS_CLOUD)).hasSize(3)
                    .allSatisfy(c -> assertThat(c.reason()).contains("global cloud only"));
        }
    }

    @Test
    void wardThatKnowsItsCloudNeverAsks(@TempDir Path data) throws InterruptedException {
        Map<String, Object> settings = settings(data, true);
        ScanHarness.scan(settings);
        simulator.requestLog().clear();
        try (ConfigurableApplicationContext context = ScanHarness.start(settings)) {
            Result result = context.getBean(Protector.class).apply("alice", Duration.ofSeconds(30));

            assertThat(result.plan().of(Target.SENSITIVITY, Decision.NOT_AVAILABLE)).hasSize(4);
            assertThat(simulator.requestLog().count(e -> e.path().endsWith("/assignSensitivityLabel"))).isZero();
            assertThat(context.getBean(LabelChanges.class).inState(State.NOT_IN_THIS_CLOUD)).hasSize(4);
        }
    }
}
