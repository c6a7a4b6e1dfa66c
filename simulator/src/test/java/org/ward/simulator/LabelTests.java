package org.ward.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ward.simulator.tenant.Drive;
import org.ward.simulator.tenant.Item;
import org.ward.simulator.tenant.NewFile;

/**
 * Retention labels on items (read, set, remove, records locked and unlocked, folders) and the sensitivity labels
 * extractSensitivityLabels reads.
 */
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

    static String code(Reply reply) {
        return reply.json().path("error").path("code").asString();
    }

    @Test
    void aRecordLabelNeedsSitesFullControlAll() {
        String item = newRecording();

        Reply reply = SmallClinic.files(simulator).patch(item + "/retentionLabel", label("Clinical Record - 25 years"));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(code(reply)).isEqualTo("accessDenied");
        assertThat(graph.get(item + "/retentionLabel").json().path("name").isNull()).isTrue();
    }

    @Test
    void aRecordLabelAppliedByTheApiLocksTheRecordAsItsLabelSays() {
        String item = newRecording();

        Reply reply = graph.patch(item + "/retentionLabel", label("Clinical Record - 25 years"));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().path("retentionSettings").path("behaviorDuringRetentionPeriod").asString()).isEqualTo("retainAsRecord");
        assertThat(reply.json().path("retentionSettings").path("isRecordLocked").asBoolean()).isTrue();
        assertThat(reply.json().path("retentionSettings").path("isLabelUpdateAllowed").asBoolean()).isFalse();
    }

    @Test
    void aLockedRecordKeepsItsLabel() {
        String item = newRecording();
        graph.patch(item + "/retentionLabel", label("Clinical Record - 25 years"));

        Reply change = graph.patch(item + "/retentionLabel", label("Patient Recording - 8 years"));

        assertThat(change.status()).isEqualTo(423);
        assertThat(code(change)).isEqualTo("notAllowed");
        assertThat(graph.get(item + "/retentionLabel").json().path("name").asString()).isEqualTo("Clinical Record - 25 years");
    }

    @Test
    void applyingTheSameLabelAgainChangesNothing() {
        String item = newRecording();
        graph.patch(item + "/retentionLabel", label("Clinical Record - 25 years"));

        Reply again = graph.patch(item + "/retentionLabel", label("Clinical Record - 25 years"));

        assertThat(again.status()).isEqualTo(200);
    }

    @Test
    void anUnlockedRecordCanBeRelabelledWithFullControlButNotRemovedAppOnly() {
        String item = newRecording();
        graph.patch(item + "/retentionLabel", label("Draft Record - 1 year"));

        Reply removal = graph.delete(item + "/retentionLabel");
        Reply byFilesApp = SmallClinic.files(simulator).patch(item + "/retentionLabel", label("Patient Recording - 8 years"));
        Reply change = graph.patch(item + "/retentionLabel", label("Patient Recording - 8 years"));

        assertThat(removal.status()).isEqualTo(403);
        assertThat(removal.json().path("error").path("message").asString()).contains("requires a delegated user context");
        assertThat(byFilesApp.status()).isEqualTo(403);
        assertThat(change.status()).isEqualTo(200);
    }

    @Test
    void locksAndUnlocksARecord() {
        String item = newRecording();
        graph.patch(item + "/retentionLabel", label("Clinical Record - 25 years"));

        Reply unlocked = graph.patch(item + "/retentionLabel", "{\"retentionSettings\":{\"isRecordLocked\":false}}");
        Reply relabelled = graph.patch(item + "/retentionLabel", label("Draft Record - 1 year"));

        assertThat(unlocked.status()).isEqualTo(200);
        assertThat(unlocked.json().path("retentionSettings").path("isRecordLocked").asBoolean()).isFalse();
        assertThat(relabelled.status()).isEqualTo(200);
    }

    @Test
    void aRegulatoryRecordCanNeitherBeUnlockedNorRelabelled() {
        String item = newRecording();
        graph.patch(item + "/retentionLabel", label("Regulatory Record - 30 years"));

        Reply unlock = graph.patch(item + "/retentionLabel", "{\"retentionSettings\":{\"isRecordLocked\":false}}");
        Reply change = graph.patch(item + "/retentionLabel", label("Patient Recording - 8 years"));

        assertThat(unlock.status()).isEqualTo(423);
        assertThat(change.status()).isEqualTo(423);
    }

    @Test
    void lockingAnItemThatIsNotARecordIsRefused() {
        String item = newRecording();
        graph.patch(item + "/retentionLabel", label("Patient Recording - 8 years"));

        Reply reply = graph.patch(item + "/retentionLabel", "{\"retentionSettings\":{\"isRecordLocked\":true}}");

        assertThat(reply.status()).isEqualTo(400);
    }

    @Test
    void aLabelOnAFolderTagsWhatIsInIt() {
        Item folder = simulator.changes().folderAt(clinical.id, "/Labelled folder " + ++files, null);
        Item inside = simulator.changes().addFile(clinical.id, folder.id, NewFile.named("inside.mp4", "inside" + files));

        graph.patch("/drives/" + clinical.id + "/items/" + folder.id + "/retentionLabel", label("Call Recording - 7 years"));

        Reply tagged = graph.get("/drives/" + clinical.id + "/items/" + inside.id + "/retentionLabel");
        assertThat(tagged.json().path("name").asString()).isEqualTo("Call Recording - 7 years");
        assertThat(tagged.json().path("isLabelAppliedExplicitly").asBoolean()).isFalse();
    }

    @Test
    void extractReportsHowTheLabelWasApplied() {
        Item consent = SmallClinic.item(simulator, clinical, "Consent 999 000 0018.pdf");
        simulator.changes().setSensitivityLabel(clinical.id, consent.id, consent.sensitivityLabelId, "privileged");

        Reply reply = graph.post("/drives/" + clinical.id + "/items/" + consent.id + "/extractSensitivityLabels", null);

        assertThat(reply.json().path("labels").get(0).path("assignmentMethod").asString()).isEqualTo("privileged");
        simulator.changes().setSensitivityLabel(clinical.id, consent.id, consent.sensitivityLabelId, "standard");
    }
}
