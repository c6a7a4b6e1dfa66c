package org.ward.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ward.simulator.subscriptions.NotificationSettings;
import org.ward.simulator.tenant.Drive;
import org.ward.simulator.tenant.NewFile;

/**
 * Subscriptions over time, on a clock the test moves: reauthorizationRequired before expiry, expiry itself; and an
 * https endpoint, which is what Graph requires and the simulator accepts by default.
 */
class SubscriptionLifetimeTests {

    static final TestClock CLOCK = TestClock.atNow();
    static Simulator simulator;
    static Drive clinical;

    @BeforeAll
    static void start() {
        simulator = SmallClinic.start(Simulator.builder().clock(CLOCK)
                .notifications(NotificationSettings.immediate().allowingHttpOnLoopback()));
        clinical = SmallClinic.library(simulator, "ClinicalRecordings");
    }

    /** Signs in now: the test clock moves past token lifetimes. */
    static GraphHttp graph() {
        return SmallClinic.fullControl(simulator);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    static String subscription(WebhookReceiver receiver, long minutes) {
        return "{\"changeType\":\"updated\",\"notificationUrl\":\"" + receiver.url("/notify")
                + "\",\"lifecycleNotificationUrl\":\"" + receiver.url("/lifecycle") + "\",\"resource\":\"/drives/"
                + clinical.id + "/root\",\"expirationDateTime\":\"" + CLOCK.instant().plus(Duration.ofMinutes(minutes))
                + "\",\"clientState\":\"c\"}";
    }

    @Test
    void reauthorizationRequiredArrivesFifteenMinutesBeforeExpiryAndTheSubscriptionThenExpires() {
        try (WebhookReceiver receiver = WebhookReceiver.http()) {
            String id = graph().post("/subscriptions", subscription(receiver, 60)).json().path("id").asString();

            CLOCK.advance(Duration.ofMinutes(46));
            simulator.changeNotifications().sweep();
            await().atMost(Duration.ofSeconds(10)).until(() -> !receiver.notifications("/lifecycle").isEmpty());
            CLOCK.advance(Duration.ofMinutes(14));
            simulator.changes().addFile(clinical.id, clinical.rootId, NewFile.named("after expiry.mp4", "late"));

            assertThat(receiver.notifications("/lifecycle")).singleElement()
                    .satisfies(e -> assertThat(e.path("lifecycleEvent").asString()).isEqualTo("reauthorizationRequired"));
            assertThat(graph().get("/subscriptions/" + id).status()).isEqualTo(404);
            assertThat(receiver.posts("/notify")).isEmpty();
        }
    }

    @Test
    void renewingMakesTheExpiryWarningDueAgain() {
        try (WebhookReceiver receiver = WebhookReceiver.http()) {
            String id = graph().post("/subscriptions", subscription(receiver, 60)).json().path("id").asString();
            CLOCK.advance(Duration.ofMinutes(46));
            simulator.changeNotifications().sweep();
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.notifications("/lifecycle").size() == 1);

            graph().patch("/subscriptions/" + id, "{\"expirationDateTime\":\"" + CLOCK.instant().plus(Duration.ofMinutes(60))
                    + "\"}");
            CLOCK.advance(Duration.ofMinutes(46));
            simulator.changeNotifications().sweep();

            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.notifications("/lifecycle").size() == 2);
        }
    }

    @Test
    void postsToAnHttpsEndpointTheSimulatorIsToldToTrust() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.https(serverTls())) {
            simulator.changeNotifications().setSettings(NotificationSettings.immediate().trusting(GraphHttp.trustingCa(simulator)));

            int status = graph().post("/subscriptions", subscription(receiver, 600)).status();
            simulator.changes().addFile(clinical.id, clinical.rootId, NewFile.named("over tls.mp4", "tls"));

            assertThat(status).isEqualTo(201);
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.notifications("/notify").size() == 1);
        } finally {
            simulator.changeNotifications().setSettings(NotificationSettings.immediate().allowingHttpOnLoopback());
        }
    }

    @Test
    void anHttpsEndpointWhoseCertificateIsNotTrustedFailsValidation() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.https(serverTls())) {
            Reply reply = graph().post("/subscriptions", subscription(receiver, 600));

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.json().path("error").path("code").asString()).isEqualTo("ValidationError");
        }
    }

    /** A certificate for localhost from the simulator's CA, which the simulator trusts only when told to. */
    private static SSLContext serverTls() throws Exception {
        char[] password = "receiver".toCharArray();
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(simulator.certificateAuthority().serverKeyStore(password), password);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        return tls;
    }
}
