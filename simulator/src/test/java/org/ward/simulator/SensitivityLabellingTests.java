package org.ward.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ward.simulator.labels.NationalCloud;
import org.ward.simulator.tenant.Drive;
import org.ward.simulator.tenant.Item;
import org.ward.simulator.tenant.NewFile;

/**
 * assignSensitivityLabel (202 and a monitor URL, metered billing, the tenant cap, supported types, downgrades,
 * encrypted files, clouds), the tenant's label catalogue with priorities, and group labels apps cannot set.
 */
class SensitivityLabellingTests {

    static Simulator simulator;
    static GraphHttp graph;
    static Drive clinical;
    static int files;

    @BeforeAll
    static void start() {
        simulator = SmallClinic.start();
        simulator.sensitivityLabelling().setCompletionDelay(Duration.ZERO);
        graph = SmallClinic.fullControl(simulator);
        clinical = SmallClinic.library(simulator, "ClinicalRecordings");
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @AfterEach
    void restore() {
        simulator.sensitivityLabelling().setCompletionDelay(Duration.ZERO);
        simulator.sensitivityLabelling().setTenantCap(100, Duration.ofMinutes(5));
    }

    static String labelId(String name) {
        return simulator.tenant().read(() -> simulator.tenant().sensitivityLabel(name).id());
    }

    static String newFile(String extension) {
        files++;
        Item item = simulator.changes().addFile(clinical.id, clinical.rootId, NewFile.named("form " + files + extension, "f" + files));
        return "/drives/" + clinical.id + "/items/" + item.id;
    }

    static String assignment(String labelName, String justification) {
        return "{\"sensitivityLabelId\":\"" + (labelName == null ? "" : labelId(labelName)) + "\",\"assignmentMethod\":\"standard\""
                + (justification == null ? "" : ",\"justificationText\":\"" + justification + "\"") + "}";
    }

    static String extracted(String item) {
        var labels = graph.post(item + "/extractSensitivityLabels", null).json().path("labels");
        return labels.isEmpty() ? null : labels.get(0).path("sensitivityLabelId").asString();
    }

    /** The monitor is called as Microsoft says: no Authorization header, the tempAuth in the URL. */
    static Reply monitor(String url) {
        return GraphHttp.anonymous(simulator).exchange(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    @Test
    void acceptsWith202AndAMonitorUrlThatReportsCompletionAndTheLabelIsOnTheFile() {
        String item = newFile(".docx");

        Reply reply = graph.post(item + "/assignSensitivityLabel", assignment("Confidential", null));

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.text()).isEmpty();
        String location = reply.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(simulator.info().authority() + "/_api/v2.0/monitor/").contains("tempAuth=");
        Reply status = monitor(location);
        assertThat(status.status()).isEqualTo(202);
        assertThat(status.json().path("status").asString()).isEqualTo("completed");
        assertThat(status.json().path("percentageComplete").asDouble()).isEqualTo(100.0);
        assertThat(status.json().path("resourceId").asString()).isEqualTo(item.substring(item.lastIndexOf('/') + 1));
        assertThat(extracted(item)).isEqualTo(labelId("Confidential"));
    }

    @Test
    void theMonitorShowsTheJobUnfinishedUntilItCompletes() {
        simulator.sensitivityLabelling().setCompletionDelay(Duration.ofSeconds(1));
        String item = newFile(".pdf");

        String location = graph.post(item + "/assignSensitivityLabel", assignment("General", null)).headers()
                .firstValue("Location").orElseThrow();

        assertThat(monitor(location).json().path("status").asString()).isIn("notStarted", "inProgress");
        assertThat(extracted(item)).isNull();
        await().atMost(Duration.ofSeconds(10)).until(() -> monitor(location).json().path("status").asString().equals("completed"));
        assertThat(extracted(item)).isEqualTo(labelId("General"));
    }

    @Test
    void theMonitorRefusesAUrlWithoutItsTempAuth() {
        String item = newFile(".docx");
        String location = graph.post(item + "/assignSensitivityLabel", assignment("General", null)).headers()
                .firstValue("Location").orElseThrow();

        assertThat(monitor(location.substring(0, location.indexOf('?'))).status()).isEqualTo(401);
    }

    @Test
    void aRefusalMayComeOnTheMonitor() {
        String item = newFile(".docx");
        simulator.sensitivityLabelling().refuseAsynchronously(clinical.id, item.substring(item.lastIndexOf('/') + 1),
                "The label has protection settings the file cannot take.");

        String location = graph.post(item + "/assignSensitivityLabel", assignment("General", null)).headers()
                .firstValue("Location").orElseThrow();

        assertThat(monitor(location).json().path("status").asString()).isEqualTo("failed");
        assertThat(monitor(location).json().path("statusDescription").asString()).startsWith("The label has protection");
        assertThat(extracted(item)).isNull();
    }

    @Test
    void refusesAnAppWithoutMeteredBillingWithPaymentRequired() {
        String item = newFile(".docx");

        Reply reply = SmallClinic.files(simulator).post(item + "/assignSensitivityLabel", assignment("General", null));

        assertThat(reply.status()).isEqualTo(402);
        assertThat(reply.json().path("error").path("code").asString()).isEqualTo("paymentRequired");
        assertThat(reply.json().path("error").path("message").asString()).isEqualTo("Payment Required. Ensure that your"
                + " application is able to call this premium API.For details see https://aka.ms/graph-metered-overview");
    }

    @Test
    void refusesAnAppWithoutFilesReadWrite() {
        Reply reply = SmallClinic.reader(simulator).post(newFile(".docx") + "/assignSensitivityLabel", assignment("General", null));

        assertThat(reply.status()).isEqualTo(403);
    }

    @Test
    void refusesAudioAndVideoWith415() {
        Reply reply = graph.post(newFile(".mp4") + "/assignSensitivityLabel", assignment("General", null));

        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.json().path("error").path("message").asString()).isEqualTo("Sensitivity label cannot be assigned"
                + " to the given file as the file type is not supported for this operation.");
    }

    @Test
    void refusesALabelTheTenantDoesNotPublish() {
        Reply reply = graph.post(newFile(".docx") + "/assignSensitivityLabel",
                "{\"sensitivityLabelId\":\"00000000-0000-0000-0000-000000000001\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("error").path("code").asString()).isEqualTo("invalidRequest");
    }

    @Test
    void aDowngradeOrARemovalNeedsAJustification() {
        String item = newFile(".docx");
        graph.post(item + "/assignSensitivityLabel", assignment("Confidential - Patient Data", null));

        Reply downgrade = graph.post(item + "/assignSensitivityLabel", assignment("General", null));
        Reply removal = graph.post(item + "/assignSensitivityLabel", assignment(null, null));
        Reply justified = graph.post(item + "/assignSensitivityLabel", assignment(null, "Wrongly labelled by a test"));

        assertThat(downgrade.status()).isEqualTo(400);
        assertThat(removal.status()).isEqualTo(400);
        assertThat(justified.status()).isEqualTo(202);
        assertThat(extracted(item)).isNull();
    }

    @Test
    void theTenantCapAnswers429WithRetryAfter() {
        simulator.sensitivityLabelling().setTenantCap(2, Duration.ofMinutes(5));
        String item = newFile(".docx");
        graph.post(item + "/assignSensitivityLabel", assignment("General", null));
        graph.post(item + "/assignSensitivityLabel", assignment("Confidential", null));

        Reply third = graph.post(item + "/assignSensitivityLabel", assignment("Confidential - Patient Data", null));

        assertThat(third.status()).isEqualTo(429);
        assertThat(Long.parseLong(third.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 300L);
        assertThat(extracted(item)).isEqualTo(labelId("Confidential"));
    }

    @Test
    void aFileSharePointCannotDecryptAnswers423() {
        String item = newFile(".docx");
        simulator.sensitivityLabelling().encrypt(clinical.id, item.substring(item.lastIndexOf('/') + 1), "fileDoubleKeyEncrypted");

        Reply assign = graph.post(item + "/assignSensitivityLabel", assignment("General", null));
        Reply extract = graph.post(item + "/extractSensitivityLabels", null);

        assertThat(assign.status()).isEqualTo(423);
        assertThat(assign.json().path("error").path("code").asString()).isEqualTo("fileDoubleKeyEncrypted");
        assertThat(extract.status()).isEqualTo(423);
    }

    @Test
    void listsTheTenantsLabelsWithTheirPriorities() {
        Reply reply = graph.get("/security/dataSecurityAndGovernance/sensitivityLabels");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("value").findValuesAsString("name"))
                .containsExactly("General", "Confidential", "Confidential - Patient Data");
        assertThat(reply.json().path("value").get(2).path("priority").asInt()).isEqualTo(2);
        assertThat(graph.get("/security/dataSecurityAndGovernance/sensitivityLabels/" + labelId("General")).json()
                .path("name").asString()).isEqualTo("General");
    }

    @Test
    void theCatalogueNeedsSensitivityLabelsReadAll() {
        assertThat(SmallClinic.reader(simulator).get("/security/dataSecurityAndGovernance/sensitivityLabels").status())
                .isEqualTo(403);
    }

    @Test
    void anAppCannotSetAGroupsSensitivityLabel() {
        String group = SmallClinic.group(simulator, "Clinical Recordings").id;
        String body = "{\"assignedLabels\":[{\"labelId\":\"" + labelId("General") + "\"}]}";

        Reply reply = graph.patch("/groups/" + group, body);
        Reply withoutWrite = SmallClinic.reader(simulator).patch("/groups/" + group, body);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().path("error").path("code").asString()).isEqualTo("Unauthorized");
        assertThat(reply.json().path("error").path("message").asString()).isEqualTo("App-only token is not supported.");
        assertThat(withoutWrite.json().path("error").path("code").asString()).isEqualTo("Authorization_RequestDenied");
    }

    @Test
    void nationalCloudsHaveNeitherTheApiNorTheCatalogue() {
        try (Simulator government = SmallClinic.start(Simulator.builder().cloud(NationalCloud.US_GOV_L4))) {
            GraphHttp client = SmallClinic.fullControl(government);
            Drive library = SmallClinic.library(government, "ClinicalRecordings");
            Item consent = SmallClinic.item(government, library, "Consent 999 000 0018.pdf");

            Reply assign = client.post("/drives/" + library.id + "/items/" + consent.id + "/assignSensitivityLabel",
                    "{\"sensitivityLabelId\":\"\"}");
            Reply catalogue = client.get("/security/dataSecurityAndGovernance/sensitivityLabels");

            assertThat(assign.status()).isEqualTo(400);
            assertThat(assign.json().path("error").path("message").asString())
                    .isEqualTo("Resource not found for the segment 'assignSensitivityLabel'.");
            assertThat(catalogue.status()).isEqualTo(400);
        }
    }

    @Test
    void gccTenantsCannotCallMeteredApis() {
        try (Simulator gcc = SmallClinic.start(Simulator.builder().cloud(NationalCloud.GCC))) {
            Drive library = SmallClinic.library(gcc, "ClinicalRecordings");
            Item consent = SmallClinic.item(gcc, library, "Consent 999 000 0018.pdf");

            Reply assign = SmallClinic.fullControl(gcc).post("/drives/" + library.id + "/items/" + consent.id
                    + "/assignSensitivityLabel", "{\"sensitivityLabelId\":\"\",\"justificationText\":\"test\"}");

            assertThat(assign.status()).isEqualTo(402);
        }
    }
}
