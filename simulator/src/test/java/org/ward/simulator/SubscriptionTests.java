package org.ward.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ward.simulator.subscriptions.NotificationSettings;
import org.ward.simulator.tenant.Drive;

/**
 * The subscriptions API on drive roots: Graph's validation handshake before a create answers, its rules for
 * resources, change types, lifetimes, client state and URLs, renewal, deletion, reauthorization and its errors.
 */
class SubscriptionTests {

    static final NotificationSettings LOOPBACK_HTTP = NotificationSettings.immediate().allowingHttpOnLoopback();

    static Simulator simulator;
    static GraphHttp graph;
    static Drive clinical;
    WebhookReceiver receiver;

    @BeforeAll
    static void start() {
        simulator = SmallClinic.start(Simulator.builder().notifications(LOOPBACK_HTTP));
        graph = SmallClinic.fullControl(simulator);
        clinical = SmallClinic.library(simulator, "ClinicalRecordings");
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void listen() {
        receiver = WebhookReceiver.http();
        simulator.changeNotifications().setSettings(LOOPBACK_HTTP);
    }

    @AfterEach
    void stopListening() {
        receiver.close();
    }

    static String inMinutes(long minutes) {
        return Instant.now().plus(minutes, ChronoUnit.MINUTES).toString();
    }

    String subscription(String resource, String changeType, String expiry, String clientState) {
        return "{\"changeType\":\"" + changeType + "\",\"notificationUrl\":\"" + receiver.url("/notify")
                + "\",\"resource\":\"" + resource + "\",\"expirationDateTime\":\"" + expiry + "\""
                + (clientState == null ? "" : ",\"clientState\":\"" + clientState + "\"") + "}";
    }

    String driveRoot() {
        return "/drives/" + clinical.id + "/root";
    }

    static String code(Reply reply) {
        return reply.json().path("error").path("code").asString();
    }

    static String message(Reply reply) {
        return reply.json().path("error").path("message").asString();
    }

    @Test
    void createsADriveRootSubscriptionOnceTheEndpointEchoesTheValidationToken() {
        Reply reply = graph.post("/subscriptions", subscription(driveRoot(), "updated", inMinutes(600), "s3cret"));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().path("resource").asString()).isEqualTo(driveRoot());
        assertThat(reply.json().path("changeType").asString()).isEqualTo("updated");
        assertThat(reply.json().path("clientState").asString()).isEqualTo("s3cret");
        assertThat(reply.json().path("applicationId").asString()).isEqualTo(SmallClinic.clientId(simulator, SmallClinic.FULL_CONTROL));
        assertThat(reply.json().path("latestSupportedTlsVersion").asString()).isEqualTo("v1_2");
        assertThat(reply.json().path("@odata.context").asString()).endsWith("/$metadata#subscriptions/$entity");
        assertThat(receiver.validations()).singleElement().satisfies(validation -> {
            assertThat(validation.method()).isEqualTo("POST");
            assertThat(validation.contentType()).startsWith("text/plain");
            assertThat(validation.validationToken()).startsWith("Validation: Testing client application reachability");
        });
    }

    @Test
    void validatesTheLifecycleUrlToo() {
        String body = "{\"changeType\":\"updated\",\"notificationUrl\":\"" + receiver.url("/notify")
                + "\",\"lifecycleNotificationUrl\":\"" + receiver.url("/lifecycle") + "\",\"resource\":\"" + driveRoot()
                + "\",\"expirationDateTime\":\"" + inMinutes(600) + "\"}";

        Reply reply = graph.post("/subscriptions", body);

        assertThat(reply.status()).isEqualTo(201);
        assertThat(receiver.validations()).extracting(WebhookReceiver.Received::path).containsExactly("/notify", "/lifecycle");
    }

    @Test
    void refusesTheSubscriptionWhenTheEndpointDoesNotAnswer200() {
        receiver.answerValidations(request -> WebhookReceiver.Answer.status(404));

        Reply reply = graph.post("/subscriptions", subscription(driveRoot(), "updated", inMinutes(600), null));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(code(reply)).isEqualTo("ValidationError");
        assertThat(message(reply)).isEqualTo("Subscription validation request failed. Notification endpoint must respond"
                + " with 200 OK to validation request.");
        assertThat(simulator.changeNotifications().subscriptions())
                .noneMatch(s -> s.notificationUrl().equals(receiver.url("/notify")));
    }

    @Test
    void refusesAnEchoThatIsStillUrlEncoded() {
        receiver.answerValidations(request -> new WebhookReceiver.Answer(200, "text/plain",
                GraphHttp.encode(request.validationToken()), Duration.ZERO));

        Reply reply = graph.post("/subscriptions", subscription(driveRoot(), "updated", inMinutes(600), null));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(message(reply)).endsWith("Response must exactly match validationToken query parameter.");
    }

    @Test
    void refusesAnEchoThatIsNotPlainText() {
        receiver.answerValidations(request -> new WebhookReceiver.Answer(200, "text/html", request.validationToken(),
                Duration.ZERO));

        Reply reply = graph.post("/subscriptions", subscription(driveRoot(), "updated", inMinutes(600), null));

        assertThat(code(reply)).isEqualTo("ValidationError");
    }

    @Test
    void refusesTheSubscriptionWhenTheEndpointAnswersAfterTheValidationTimeout() {
        simulator.changeNotifications().setSettings(LOOPBACK_HTTP.withValidationTimeout(Duration.ofMillis(300)));
        receiver.answerValidations(request -> WebhookReceiver.echo(request).after(Duration.ofSeconds(3)));

        Reply reply = graph.post("/subscriptions", subscription(driveRoot(), "updated", inMinutes(600), null));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(code(reply)).isEqualTo("InvalidRequest");
        assertThat(message(reply)).isEqualTo("Subscription validation request timed out.");
    }

    @Test
    void refusesAPlainHttpNotificationUrlUnlessLoopbackHttpIsAllowed() {
        simulator.changeNotifications().setSettings(NotificationSettings.immediate());

        Reply reply = graph.post("/subscriptions", subscription(driveRoot(), "updated", inMinutes(600), null));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(message(reply)).endsWith("The notification URL must use https.");
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void subscribesToAUsersOneDriveRootByUser() {
        String upn = SmallClinic.ADA;

        Reply reply = graph.post("/subscriptions", subscription("/users/" + upn + "/drive/root", "updated", inMinutes(600),
                null));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(simulator.changeNotifications().subscriptions()).anySatisfy(s -> {
            assertThat(s.id()).isEqualTo(reply.json().path("id").asString());
            assertThat(s.driveId()).isEqualTo(SmallClinic.oneDrive(simulator, upn).id);
        });
    }

    @Test
    void refusesAFolderOtherThanTheRootAndAFile() {
        String folder = "/drives/" + clinical.id + "/items/" + SmallClinic.item(simulator, clinical, "Consultations").id;

        Reply reply = graph.post("/subscriptions", subscription(folder, "updated", inMinutes(600), null));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(code(reply)).isEqualTo("InvalidRequest");
        assertThat(message(reply)).isEqualTo("resource '" + folder + "' is not supported.");
    }

    @Test
    void refusesAChangeTypeOtherThanUpdated() {
        Reply reply = graph.post("/subscriptions", subscription(driveRoot(), "created,updated", inMinutes(600), null));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(message(reply)).isEqualTo("Invalid 'changeType' attribute: 'created'.");
    }

    @Test
    void raisesAnExpiryUnder45MinutesTo45MinutesFromNow() {
        Instant before = Instant.now();

        Reply reply = graph.post("/subscriptions", subscription(driveRoot(), "updated", inMinutes(5), null));

        Instant expiry = Instant.parse(reply.json().path("expirationDateTime").asString());
        assertThat(expiry).isBetween(before.plus(Duration.ofMinutes(45)).minusSeconds(1),
                Instant.now().plus(Duration.ofMinutes(45)).plusSeconds(1));
    }

    @Test
    void refusesAnExpiryBeyondTheDriveMaximumOf42300Minutes() {
        Reply reply = graph.post("/subscriptions", subscription(driveRoot(), "updated", inMinutes(42_301), null));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(code(reply)).isEqualTo("ExtensionError");
        assertThat(message(reply)).isEqualTo("Subscription expiration can only be 42300 minutes in the future.");
    }

    @Test
    void refusesAClientStateLongerThan128Characters() {
        Reply reply = graph.post("/subscriptions", subscription(driveRoot(), "updated", inMinutes(600), "x".repeat(129)));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void refusesRichNotificationsForDrives() {
        String body = subscription(driveRoot(), "updated", inMinutes(600), null).replace("}", ",\"includeResourceData\":true}");

        Reply reply = graph.post("/subscriptions", body);

        assertThat(message(reply)).isEqualTo("File Services workload is not enabled for rich notifications.");
    }

    @Test
    void refusesAnAppWithoutFilesReadWriteAll() {
        Reply reply = SmallClinic.reader(simulator).post("/subscriptions",
                subscription(driveRoot(), "updated", inMinutes(600), null));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(code(reply)).isEqualTo("ExtensionError");
        assertThat(message(reply)).isEqualTo("Operation: Create; Exception: [Status Code: Forbidden; Reason: Access denied]");
    }

    @Test
    void renewsWithANewExpiryAndDeletes() {
        String id = graph.post("/subscriptions", subscription(driveRoot(), "updated", inMinutes(600), null)).json()
                .path("id").asString();
        String later = inMinutes(40_000);

        Reply renewed = graph.patch("/subscriptions/" + id, "{\"expirationDateTime\":\"" + later + "\"}");
        Reply deleted = graph.delete("/subscriptions/" + id);

        assertThat(renewed.status()).isEqualTo(200);
        assertThat(Instant.parse(renewed.json().path("expirationDateTime").asString()))
                .isCloseTo(Instant.parse(later), org.assertj.core.api.Assertions.within(1, ChronoUnit.SECONDS));
        assertThat(deleted.status()).isEqualTo(204);
        Reply gone = graph.get("/subscriptions/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(code(gone)).isEqualTo("ResourceNotFound");
        assertThat(message(gone)).isEqualTo("The object was not found.");
    }

    @Test
    void cannotAddALifecycleUrlByUpdating() {
        String id = graph.post("/subscriptions", subscription(driveRoot(), "updated", inMinutes(600), null)).json()
                .path("id").asString();

        Reply reply = graph.patch("/subscriptions/" + id, "{\"lifecycleNotificationUrl\":\"" + receiver.url("/lc") + "\"}");

        assertThat(reply.status()).isEqualTo(400);
    }

    @Test
    void validatesANewNotificationUrlGivenOnRenewal() {
        String id = graph.post("/subscriptions", subscription(driveRoot(), "updated", inMinutes(600), null)).json()
                .path("id").asString();
        receiver.clear();

        Reply reply = graph.patch("/subscriptions/" + id, "{\"notificationUrl\":\"" + receiver.url("/moved") + "\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("notificationUrl").asString()).isEqualTo(receiver.url("/moved"));
        assertThat(receiver.validations()).extracting(WebhookReceiver.Received::path).containsExactly("/moved");
    }

    @Test
    void reauthorizesWith204() {
        String id = graph.post("/subscriptions", subscription(driveRoot(), "updated", inMinutes(600), null)).json()
                .path("id").asString();

        assertThat(graph.post("/subscriptions/" + id + "/reauthorize", null).status()).isEqualTo(204);
    }

    @Test
    void anAppSeesOnlyItsOwnSubscriptions() {
        String id = graph.post("/subscriptions", subscription(driveRoot(), "updated", inMinutes(600), null)).json()
                .path("id").asString();
        GraphHttp otherApp = SmallClinic.reader(simulator);

        assertThat(graph.get("/subscriptions").json().path("value").findValuesAsString("id")).contains(id);
        assertThat(otherApp.get("/subscriptions").json().path("value")).isEmpty();
        assertThat(otherApp.get("/subscriptions/" + id).status()).isEqualTo(404);
    }

    @Test
    void listingIsLimitedTo25RequestsIn20SecondsPerApp() {
        GraphHttp app = SmallClinic.noPermissions(simulator);
        Reply reply = null;
        int calls = 0;
        while (calls < 30 && (reply == null || reply.status() != 429)) {
            reply = app.get("/subscriptions");
            calls++;
        }

        assertThat(calls).isEqualTo(26);
        assertThat(reply.headers().firstValue("Retry-After")).isPresent();
    }
}
