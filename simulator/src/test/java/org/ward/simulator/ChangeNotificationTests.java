package org.ward.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ward.simulator.subscriptions.Delivery;
import org.ward.simulator.subscriptions.EndpointHealth;
import org.ward.simulator.subscriptions.NotificationSettings;
import org.ward.simulator.tenant.Drive;
import org.ward.simulator.tenant.Item;
import org.ward.simulator.tenant.NewFile;

import com.microsoft.graph.models.ChangeNotification;
import com.microsoft.graph.models.ChangeNotificationCollection;
import com.microsoft.graph.models.LifecycleEventType;

import tools.jackson.databind.JsonNode;

/**
 * Notifications posted to a real endpoint when drive content or sharing changes, through Graph or through the Java
 * API; delay, bursts, duplicates and loss; retries, slow and failing endpoints; lifecycle events and expiry.
 */
class ChangeNotificationTests {

    static final NotificationSettings SETTINGS = NotificationSettings.immediate().allowingHttpOnLoopback();
    static final Duration WAIT = Duration.ofSeconds(10);

    static Simulator simulator;
    static GraphHttp graph;
    static Drive clinical;
    static int files;
    WebhookReceiver receiver;

    @BeforeAll
    static void start() {
        simulator = SmallClinic.start(Simulator.builder().notifications(SETTINGS));
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
        simulator.changeNotifications().setSettings(SETTINGS);
        simulator.changeNotifications().clearDeliveries();
    }

    @AfterEach
    void stopListening() {
        for (var s : simulator.changeNotifications().subscriptions()) {
            graph.delete("/subscriptions/" + s.id());
        }
        receiver.close();
    }

    /** Subscribes to the clinical library's root; returns the subscription id. */
    String subscribe(boolean securityEvents, boolean lifecycle) {
        String body = "{\"changeType\":\"updated\",\"notificationUrl\":\"" + receiver.url("/notify") + "\","
                + (lifecycle ? "\"lifecycleNotificationUrl\":\"" + receiver.url("/lifecycle") + "\"," : "")
                + "\"resource\":\"/drives/" + clinical.id + "/root\",\"expirationDateTime\":\""
                + Instant.now().plus(3, ChronoUnit.DAYS) + "\",\"clientState\":\"ward-secret-1\"}";
        Reply reply = securityEvents ? graph.post("/subscriptions", body, "Prefer", "includesecuritywebhooks")
                : graph.post("/subscriptions", body);
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply.json().path("id").asString();
    }

    static Item addRecording() {
        files++;
        return simulator.changes().addFile(clinical.id, clinical.rootId, NewFile.named("notified " + files + ".mp4", "n" + files));
    }

    List<JsonNode> awaitNotifications(int count) {
        await().atMost(WAIT).until(() -> receiver.notifications("/notify").size() >= count);
        return receiver.notifications("/notify");
    }

    @Test
    void aFileAddedThroughTheJavaApiIsATapWithTheClientStateAndNoItemData() {
        String id = subscribe(false, false);

        addRecording();

        JsonNode notification = awaitNotifications(1).get(0);
        assertThat(notification.path("subscriptionId").asString()).isEqualTo(id);
        assertThat(notification.path("clientState").asString()).isEqualTo("ward-secret-1");
        assertThat(notification.path("changeType").asString()).isEqualTo("updated");
        assertThat(notification.path("resource").asString()).isEqualTo("drives/" + clinical.id + "/root");
        assertThat(notification.path("resourceData").isNull()).isTrue();
        assertThat(notification.path("tenantId").asString()).isEqualTo(simulator.info().tenantId());
        assertThat(receiver.posts("/notify").get(0).contentType()).startsWith("application/json");
    }

    @Test
    void aNotificationIsWhatTheSdksChangeNotificationModelReads() {
        subscribe(false, false);

        addRecording();

        awaitNotifications(1);
        String body = receiver.posts("/notify").get(0).body();
        assertThat(SdkModels.unknownProperties(body, ChangeNotificationCollection::createFromDiscriminatorValue)).isEmpty();
        ChangeNotification parsed = SdkModels.parse(body, ChangeNotificationCollection::createFromDiscriminatorValue)
                .getValue().get(0);
        assertThat(parsed.getClientState()).isEqualTo("ward-secret-1");
        assertThat(parsed.getSubscriptionExpirationDateTime()).isNotNull();
    }

    @Test
    void aRetentionLabelSetThroughGraphNotifies() {
        Item file = addRecording();
        subscribe(false, false);

        graph.patch("/drives/" + clinical.id + "/items/" + file.id + "/retentionLabel", "{\"name\":\"Call Recording - 7 years\"}");

        awaitNotifications(1);
    }

    @Test
    void sharingChangesNotifyOnlySubscriptionsMadeWithSecurityWebhooks() {
        Item file = addRecording();
        String plain = subscribe(false, false);
        String security = subscribe(true, false);

        graph.post("/drives/" + clinical.id + "/items/" + file.id + "/createLink", "{\"type\":\"view\",\"scope\":\"anonymous\"}");
        simulator.changes().rename(clinical.id, file.id, "renamed " + files + ".mp4");

        await().atMost(WAIT).until(() -> receiver.notifications("/notify").size() >= 3);
        List<String> ids = receiver.notifications("/notify").stream().map(n -> n.path("subscriptionId").asString()).toList();
        assertThat(ids).containsExactlyInAnyOrder(security, security, plain);
    }

    @Test
    void waitsTheConfiguredDelayBeforePosting() {
        simulator.changeNotifications().setSettings(SETTINGS.withDelay(Duration.ofMillis(700)));
        subscribe(false, false);
        long start = System.nanoTime();

        addRecording();

        awaitNotifications(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
    }

    @Test
    void notificationsDueTogetherShareOnePost() {
        simulator.changeNotifications().setSettings(SETTINGS.withDelay(Duration.ofMillis(400)));
        subscribe(false, false);
        subscribe(false, false);

        addRecording();

        awaitNotifications(2);
        assertThat(receiver.posts("/notify")).hasSize(1);
    }

    @Test
    void aBurstPostsSeveralNotificationsForOneChange() {
        simulator.changeNotifications().setSettings(SETTINGS.withBurst(5));
        subscribe(false, false);

        addRecording();

        assertThat(awaitNotifications(5)).hasSize(5);
    }

    @Test
    void duplicatesArePostedTwiceAndLostOnesNever() {
        String id = subscribe(false, false);
        simulator.changeNotifications().setSettings(SETTINGS.withDuplicatesAndLoss(1.0, 0, 7));
        addRecording();
        awaitNotifications(2);

        simulator.changeNotifications().setSettings(SETTINGS.withDuplicatesAndLoss(0, 1.0, 7));
        addRecording();

        await().atMost(WAIT).until(() -> simulator.changeNotifications().deliveries().stream()
                .anyMatch(d -> d.outcome() == Delivery.Outcome.LOST));
        assertThat(receiver.notifications("/notify")).hasSize(2)
                .allSatisfy(n -> assertThat(n.path("subscriptionId").asString()).isEqualTo(id));
    }

    @Test
    void aFailedPostIsRetriedUntilTheEndpointAnswers2xx() {
        simulator.changeNotifications().setSettings(SETTINGS.withRetries(Duration.ofMillis(100), Duration.ofHours(4)));
        subscribe(false, false);
        receiver.answerNotifications(request -> receiver.posts("/notify").size() < 3 ? WebhookReceiver.Answer.status(503)
                : WebhookReceiver.Answer.accepted());

        addRecording();

        await().atMost(WAIT).until(() -> simulator.changeNotifications().deliveries().stream()
                .anyMatch(d -> d.outcome() == Delivery.Outcome.DELIVERED));
        assertThat(simulator.changeNotifications().deliveries()).extracting(Delivery::outcome)
                .containsExactly(Delivery.Outcome.FAILED, Delivery.Outcome.FAILED, Delivery.Outcome.DELIVERED);
    }

    @Test
    void anAnswerAfterTheTimeoutCountsAsAFailureAndIsRetried() {
        simulator.changeNotifications().setSettings(SETTINGS.withTimeouts(Duration.ofMillis(300), Duration.ofMillis(250))
                .withRetries(Duration.ofMillis(50), Duration.ofHours(4)));
        subscribe(false, false);
        receiver.answerNotifications(request -> receiver.posts("/notify").size() < 2
                ? WebhookReceiver.Answer.accepted().after(Duration.ofSeconds(2)) : WebhookReceiver.Answer.accepted());

        addRecording();

        await().atMost(WAIT).until(() -> simulator.changeNotifications().deliveries().stream()
                .anyMatch(d -> d.outcome() == Delivery.Outcome.DELIVERED));
        Delivery first = simulator.changeNotifications().deliveries().get(0);
        assertThat(first.outcome()).isEqualTo(Delivery.Outcome.FAILED);
        assertThat(first.status()).isEqualTo(-1);
    }

    @Test
    void failuresAreDiscardedOnceTheRetryWindowIsOver() {
        simulator.changeNotifications().setSettings(SETTINGS.withRetries(Duration.ofMillis(50), Duration.ofMillis(200)));
        subscribe(false, false);
        receiver.answerNotifications(request -> WebhookReceiver.Answer.status(500));

        addRecording();

        await().atMost(WAIT).until(() -> simulator.changeNotifications().deliveries().stream()
                .anyMatch(d -> d.outcome() == Delivery.Outcome.DISCARDED));
    }

    @Test
    void anEndpointWithTooManySlowAnswersIsThrottledThenDropped() {
        // Microsoft's policy with a smaller sample: throttled from 10 % slow answers, dropped from 15 %. "Slow" is 1 s here,
        // well above what a loaded build machine adds to a fast answer, so only the answers made slow count.
        NotificationSettings slowPolicy = SETTINGS.withTimeouts(Duration.ofSeconds(3), Duration.ofMillis(1000))
                .withSlowEndpointPolicy(10, 0.10, 0.15, Duration.ofMinutes(10), Duration.ofMinutes(10));
        simulator.changeNotifications().setSettings(slowPolicy);
        subscribe(false, false);
        receiver.answerNotifications(request -> receiver.posts("/notify").size() == 1
                ? WebhookReceiver.Answer.accepted().after(Duration.ofMillis(1500)) : WebhookReceiver.Answer.accepted());
        for (int i = 0; i < 10; i++) {
            addRecording();
            int posted = i + 1;
            await().atMost(WAIT).until(() -> simulator.changeNotifications().deliveries().size() >= posted);
        }
        String url = receiver.url("/notify");
        assertThat(simulator.changeNotifications().health(url).state()).isEqualTo(EndpointHealth.State.THROTTLED);

        receiver.answerNotifications(request -> WebhookReceiver.Answer.accepted().after(Duration.ofMillis(1500)));
        simulator.changeNotifications().setSettings(slowPolicy.withSlowEndpointPolicy(10, 0.10, 0.15,
                Duration.ofMinutes(10), Duration.ZERO));
        addRecording();
        await().atMost(WAIT).until(() -> simulator.changeNotifications().health(url).state() == EndpointHealth.State.DROPPING);
        addRecording();

        await().atMost(WAIT).until(() -> simulator.changeNotifications().deliveries().stream()
                .anyMatch(d -> d.outcome() == Delivery.Outcome.DROPPED));
    }

    @Test
    void reauthorizationRequiredGoesToTheLifecycleUrlAndDeliveryPausesUntilTheAppReauthorizes() {
        simulator.changeNotifications().setSettings(SETTINGS.withReauthorization(Duration.ofMinutes(15), Duration.ZERO));
        String id = subscribe(false, true);

        simulator.changeNotifications().requireReauthorization(id);
        await().atMost(WAIT).until(() -> !receiver.notifications("/lifecycle").isEmpty());
        addRecording();
        graph.post("/subscriptions/" + id + "/reauthorize", null);
        addRecording();

        JsonNode event = receiver.notifications("/lifecycle").get(0);
        assertThat(event.path("lifecycleEvent").asString()).isEqualTo("reauthorizationRequired");
        assertThat(event.path("clientState").asString()).isEqualTo("ward-secret-1");
        String body = receiver.posts("/lifecycle").get(0).body();
        assertThat(SdkModels.parse(body, ChangeNotificationCollection::createFromDiscriminatorValue).getValue().get(0)
                .getLifecycleEvent()).isEqualTo(LifecycleEventType.ReauthorizationRequired);
        assertThat(awaitNotifications(1)).hasSize(1);
        assertThat(simulator.changeNotifications().deliveries()).extracting(Delivery::outcome)
                .contains(Delivery.Outcome.PAUSED);
    }

    @Test
    void subscriptionRemovedDeletesTheSubscriptionAndTellsTheApp() {
        String id = subscribe(false, true);

        simulator.changeNotifications().removeSubscription(id);

        await().atMost(WAIT).until(() -> !receiver.notifications("/lifecycle").isEmpty());
        assertThat(receiver.notifications("/lifecycle").get(0).path("lifecycleEvent").asString()).isEqualTo("subscriptionRemoved");
        assertThat(graph.get("/subscriptions/" + id).status()).isEqualTo(404);
    }

    @Test
    void missedTellsTheAppToResynchronise() {
        String id = subscribe(false, true);

        simulator.changeNotifications().reportMissed(id);

        await().atMost(WAIT).until(() -> !receiver.notifications("/lifecycle").isEmpty());
        assertThat(receiver.notifications("/lifecycle").get(0).path("lifecycleEvent").asString()).isEqualTo("missed");
    }

    @Test
    void anExpiredSubscriptionStopsDeliveringAndDisappears() {
        String id = subscribe(false, false);

        simulator.changeNotifications().expire(id);
        addRecording();
        subscribe(false, false);
        addRecording();

        awaitNotifications(1);
        assertThat(receiver.notifications("/notify")).noneMatch(n -> n.path("subscriptionId").asString().equals(id));
        assertThat(graph.get("/subscriptions/" + id).status()).isEqualTo(404);
    }
}
