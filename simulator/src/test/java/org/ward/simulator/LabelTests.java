package org.ward.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ward.simulator.tenant.Drive;
import org.ward.simulator.tenant.Item;
import org.ward.simulator.tenant.NewFile;

/** Retention labels on items (read, set, remove) and the sensitivity labels extractSensitivityLabels reads. */
class LabelTests {

    static Simulator simulator;
    static GraphHttp graph;
    static Drive clinical;
    static int files;

    @BeforeAll
    static void start() {
        simulator = SmallClinic.start();
        graph = SmallClinic.fullControl(simulator);
        clinical = SmallClinic.library(simulator, "ClinicalRecordings");
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    static String newRecording() {
        Item item = simulator.changes().addFile(clinical.id, clinical.rootId, NewFile.named("recording " + ++files + ".mp4", "r" + files));
        return "/drives/" + clinical.id + "/items/" + item.id;
    }

    static String label(String name) {
        return "{\"name\":\"" + name + "\"}";
    }

    @Test
    void readsTheRetentionLabelTheFixtureApplied() {
        Item consultation = SmallClinic.item(simulator, clinical, "Consultation 999 000 0018.mp4");

        Reply reply = graph.get("/drives/" + clinical.id + "/items/" + consultation.id + "/retentionLabel");

        assertThat(reply.json().path("name").asString()).isEqualTo("Patient Recording - 8 years");
        assertThat(reply.json().path("labelAppliedBy").path("user").path("id").asString())
                .isEqualTo(SmallClinic.user(simulator, SmallClinic.ADA).id());
    }

    @Test
    void answers201ForAFirstLabelAnd200ForAChange() {
        String item = newRecording();

        Reply first = graph.patch(item + "/retentionLabel", label("Patient Recording - 8 years"));
        Reply change = graph.patch(item + "/retentionLabel", label("Call Recording - 7 years"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(change.status()).isEqualTo(200);
        assertThat(graph.get(item + "/retentionLabel").json().path("name").asString()).isEqualTo("Call Recording - 7 years");
    }

    @Test
    void refusesALabelTheTenantDoesNotHave() {
        String item = newRecording();

        Reply reply = graph.patch(item + "/retentionLabel", label("Keep forever"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("error").path("code").asString()).isEqualTo("invalidRequest");
        assertThat(graph.get(item + "/retentionLabel").json().path("name").isNull()).isTrue();
    }

    @Test
    void removesALabel() {
        String item = newRecording();
        graph.patch(item + "/retentionLabel", label("Patient Recording - 8 years"));

        Reply reply = graph.delete(item + "/retentionLabel");

        assertThat(reply.status()).isEqualTo(204);
        assertThat(graph.get(item + "/retentionLabel").json().path("name").isNull()).isTrue();
    }

    @Test
    void extractsTheSensitivityLabelOfALabelledPdf() {
        Item consent = SmallClinic.item(simulator, clinical, "Consent 999 000 0018.pdf");
        String labelId = simulator.tenant().read(() -> simulator.tenant().sensitivityLabel("Confidential - Patient Data").id());

        Reply reply = graph.post("/drives/" + clinical.id + "/items/" + consent.id + "/extractSensitivityLabels", null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("labels").get(0).path("sensitivityLabelId").asString()).isEqualTo(labelId);
        assertThat(reply.json().path("labels").get(0).path("assignmentMethod").asString()).isEqualTo("standard");
    }
}
