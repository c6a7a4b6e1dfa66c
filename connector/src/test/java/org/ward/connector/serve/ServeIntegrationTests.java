package org.ward.connector.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.ward.connector.serve.ServeHarness.Located;
import org.ward.connector.findings.FindingStore;
import org.ward.connector.inventory.ItemStore;
import org.ward.connector.notifications.ChangeOutbox;
import org.ward.connector.notifications.SubscriptionStore;
import org.ward.connector.notifications.WatchedDrives;
import org.ward.rules.facts.ItemKey;
import org.ward.rules.findings.Finding;
import org.ward.rules.findings.FindingStatus;
import org.ward.rules.sharing.SharingCatalogue;
import org.ward.simulator.Simulator;
import org.ward.simulator.subscriptions.ChangeNotifications;
import org.ward.simulator.subscriptions.NotificationSettings;
import org.ward.simulator.subscriptions.SubscriptionState;
import org.ward.simulator.tenant.Item;
import org.ward.simulator.tenant.NewFile;
import org.ward.simulator.throttle.Latency;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * ward serve end to end: the simulator's notifier posts to Ward's real endpoint over HTTP, and what Ward stores is
 * what its scan would have found. One service for the class: it scans the clinic at start, then subscribes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServeIntegrationTests {

    // Waits end when the outcome is there; the budget is for a loaded 2-core machine (upkeep, refreshes under load).
    private static final Duration SECONDS = Duration.ofSeconds(60);

    @TempDir
    static Path dir;

    static Simulator simulator;
    static ChangeNotifications notifications;
    static ConfigurableApplicationContext ward;
    static int port;

    @BeforeAll
    static void start() {
        simulator = ServeHarness.clinic();
        notifications = simulator.changeNotifications();
        port = ServeHarness.freePort();
        java.util.Map<String, Object> settings = new java.util.LinkedHashMap<>(ServeHarness.settings(simulator, dir, port));
        // Alerts to a JSON-lines file: the service alerts what a notification reveals, as the scan does.
        settings.put("ward.alerts.enabled", "true");
        settings.put("ward.alerts.channels.siem.type", "json-lines");
        settings.put("ward.alerts.channels.siem.file", dir.resolve("alerts.jsonl").toString());
        settings.put("ward.alerts.channels.siem.max-per-hour", "10000");
        settings.put("ward.alerts.routes[0].channels", "siem");
        settings.put("ward.alerts.routes[0].min-severity", "info");
        ward = ServeHarness.start(settings);
        WatchedDrives watched = ward.getBean(WatchedDrives.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> !watched.drives().isEmpty()
                && notifications.subscriptions().size() == watched.drives().size()
                && ward.getBean(ChangeOutbox.class).backlog().changes() == 0);
    }

    @AfterAll
    static void stop() {
        ward.close();
        simulator.close();
    }

    @AfterEach
    void deliverNormally() {
        notifications.setSettings(NotificationSettings.immediate().allowingHttpOnLoopback());
    }

    @Test
    void subscribesToEveryDriveWithSecurityWebhooksAClientStateOfItsOwnAndTheLifecycleUrl() {
        List<SubscriptionState> live = notifications.subscriptions();

        assertThat(live).extracting(SubscriptionState::driveId).containsExactlyInAnyOrderElementsOf(
                ward.getBean(WatchedDrives.class).drives());
        assertThat(live).allSatisfy(s -> {
            assertThat(s.securityEvents()).isTrue();
            assertThat(s.notificationUrl()).isEqualTo("http://127.0.0.1:" + port + "/graph/notifications");
            assertThat(s.lifecycleNotificationUrl()).isEqualTo("http://127.0.0.1:" + port + "/graph/lifecycle");
            assertThat(s.clientState()).hasSizeLessThanOrEqualTo(128);
        });
        assertThat(live.stream().map(SubscriptionState::clientState).distinct()).hasSameSizeAs(live);
    }

    @Test
    void recordingLocationsWatchesEveryOneDriveAndEveryLibraryThatHoldsRecordings() {
        WatchedDrives narrow = new WatchedDrives(ward.getBean(org.ward.connector.discovery.LocationStore.class),
                ward.getBean(ItemStore.class), ward.getBean(org.ward.rules.policy.PolicyPack.class),
                new org.ward.connector.notifications.SubscriptionSettings("recording-locations", Duration.ofDays(3),
                        Duration.ofDays(1), Duration.ofMinutes(1), Duration.ofHours(1), true, 400, 800,
                        Duration.ofSeconds(20), Duration.ofMinutes(5), Duration.ofMinutes(15)));
        Set<String> holdingRecordings = ward.getBean(ItemStore.class).recordingsByDrive().keySet();
        String oneDrive = find("Clinic huddle-20261101_090000-Meeting Recording.mp4").drive().id;

        Set<String> watched = narrow.drives();

        assertThat(watched).contains(oneDrive).containsAll(holdingRecordings)
                .isSubsetOf(ward.getBean(WatchedDrives.class).drives());
    }

    @Test
    void anAnyoneLinkMadeOnARecordingIsAFindingWithinSeconds() {
        Located consultation = find("Consultation 999 000 0018.mp4");

        simulator.changes().createLink(consultation.drive().id, consultation.item().id, "view", "anonymous", null, false,
                List.of());

        await().atMost(SECONDS).until(() -> open().stream().anyMatch(f -> f.type() == SharingCatalogue.ANONYMOUS_LINK
                && consultation.item().id.equals(f.resource().itemId())));
    }

    @Test
    void aFindingANotificationRevealsIsAlertedByTheService() {
        Located huddle = find("Clinic huddle-20261101_090000-Meeting Recording.mp4");

        simulator.changes().createLink(huddle.drive().id, huddle.item().id, "edit", "anonymous", null, false, List.of());

        await().atMost(SECONDS).until(() -> open().stream().anyMatch(f -> f.type() == SharingCatalogue.ANONYMOUS_LINK
                && huddle.item().id.equals(f.resource().itemId())));
        String findingId = open().stream().filter(f -> f.type() == SharingCatalogue.ANONYMOUS_LINK
                && huddle.item().id.equals(f.resource().itemId())).findFirst().orElseThrow().id();
        Path alerts = dir.resolve("alerts.jsonl");
        await().atMost(SECONDS).until(() -> java.nio.file.Files.exists(alerts) && java.nio.file.Files.readAllLines(alerts)
                .stream().anyMatch(line -> line.contains(findingId) && line.contains("ANONYMOUS_LINK")));
    }

    @Test
    void aLinkRemovedIsResolvedThereAndOnlyThere() {
        Located report = find("Case review 9990000018.mp4");
        String otherPlace = find("Waiting room.mp4").item().id;
        var link = simulator.changes().createLink(report.drive().id, report.item().id, "view", "anonymous", null, false,
                List.of());
        await().atMost(SECONDS).until(() -> anonymousLink(report.item().id) == FindingStatus.OPEN);

        simulator.changes().removePermission(report.drive().id, report.item().id, link.id());

        await().atMost(SECONDS).until(() -> anonymousLink(report.item().id) == FindingStatus.RESOLVED);
        assertThat(anonymousLink(otherPlace)).as("the Intranet's own Anyone link, in another location").isEqualTo(
                FindingStatus.OPEN);
    }

    @Test
    void aRecordingSavedInAOneDriveIsInWardsInventoryWithoutAScan() {
        Located huddle = find("Clinic huddle-20261101_090000-Meeting Recording.mp4");

        Item added = simulator.changes().addFile(huddle.drive().id, huddle.item().parentId,
                NewFile.named("Consultation 999 000 0026-20261120_101500-Meeting Recording.mp4", "consult-0026")
                        .withMedia(new Item.Media("video", 600_000L, 1280, 720, null, null)));

        await().atMost(SECONDS).until(() -> recordings().contains(new ItemKey(huddle.drive().id, added.id)));
    }

    @Test
    void aReplayedNotificationChangesNothing() {
        SubscriptionState subscription = subscriptionOf(find("Staff handbook.docx").drive().id);
        String notification = ServeHarness.notification(subscription.id(), subscription.clientState());
        List<Finding> before = ward.getBean(FindingStore.class).all();
        long items = ward.getBean(ItemStore.class).count();
        double processed = processed();

        for (int i = 0; i < 3; i++) {
            assertThat(ServeHarness.post(port, "/graph/notifications", "application/json", notification).statusCode())
                    .isEqualTo(202);
        }

        await().atMost(SECONDS).until(() -> processed() >= processed + 3 && backlog() == 0);
        assertThat(ward.getBean(FindingStore.class).all()).isEqualTo(before);
        assertThat(ward.getBean(ItemStore.class).count()).isEqualTo(items);
    }

    @Test
    void aBurstOfNotificationsForOneChangeIsOneRefresh() {
        notifications.setSettings(NotificationSettings.immediate().withBurst(30).allowingHttpOnLoopback());
        Located handbook = find("Staff handbook.docx");
        double processed = processed();
        double refreshes = refreshes();

        simulator.changes().updateContent(handbook.drive().id, handbook.item().id, "handbook-2027", 48_000L);

        await().atMost(SECONDS).until(() -> processed() >= processed + 30 && backlog() == 0);
        assertThat(refreshes() - refreshes).isLessThanOrEqualTo(3);
    }

    @Test
    void aRemovedSubscriptionIsRecreatedAndTheChangesMadeMeanwhileAreFound() {
        Located waitingRoom = find("Waiting room.mp4");
        String drive = waitingRoom.drive().id;
        String removed = subscriptionOf(drive).id();

        notifications.removeSubscription(removed);
        Item added = simulator.changes().addFile(drive, waitingRoom.item().parentId,
                NewFile.named("Consultation 999 000 0034.mp4", "consult-0034")
                        .withMedia(new Item.Media("video", 600_000L, 1280, 720, null, null)));

        await().atMost(SECONDS).until(() -> live(drive) && !subscriptionOf(drive).id().equals(removed));
        await().atMost(SECONDS).until(() -> recordings().contains(new ItemKey(drive, added.id)));
    }

    @Test
    void anExpiredSubscriptionIsRecreatedAndTheChangesMadeMeanwhileAreFound() {
        Located caseReview = find("Case review 9990000018.mp4");
        String drive = caseReview.drive().id;
        String expired = subscriptionOf(drive).id();

        notifications.expire(expired);
        Item added = simulator.changes().addFile(drive, caseReview.item().parentId,
                NewFile.named("Case review 9990000026.mp4", "case-0026")
                        .withMedia(new Item.Media("video", 600_000L, 1280, 720, null, null)));

        await().atMost(SECONDS).until(() -> live(drive) && !subscriptionOf(drive).id().equals(expired));
        await().atMost(SECONDS).until(() -> recordings().contains(new ItemKey(drive, added.id)));
    }

    @Test
    void aSubscriptionNearItsExpiryIsRenewedAheadOfIt() {
        String drive = find("Staff handbook.docx").drive().id;
        SubscriptionState before = subscriptionOf(drive);
        // As if it had been created long ago: an hour left, inside ward.subscriptions.renew-before (a day).
        ward.getBean(JdbcTemplate.class).update(
                "UPDATE ward_subscription SET expires_at = ? WHERE drive_id = ?",
                Timestamp.from(Instant.now().plus(Duration.ofHours(1))), drive);

        await().atMost(SECONDS).until(() -> subscriptionOf(drive).expiration().isAfter(before.expiration()));
        assertThat(subscriptionOf(drive).id()).as("renewed, not recreated").isEqualTo(before.id());
        assertThat(ward.getBean(SubscriptionStore.class).find(drive).orElseThrow().expiresAt())
                .isAfter(Instant.now().plus(Duration.ofDays(2)));
    }

    @Test
    void aMissedEventResyncsTheDrive() {
        Located consultation = find("Consultation 999 000 0018.mp4");
        String drive = consultation.drive().id;
        notifications.setSettings(NotificationSettings.immediate().withDuplicatesAndLoss(0, 1.0, 7).allowingHttpOnLoopback());
        Item lost = simulator.changes().addFile(drive, consultation.item().parentId,
                NewFile.named("Consultation 999 000 0042.mp4", "consult-0042")
                        .withMedia(new Item.Media("video", 600_000L, 1280, 720, null, null)));

        notifications.reportMissed(subscriptionOf(drive).id());

        await().atMost(SECONDS).until(() -> recordings().contains(new ItemKey(drive, lost.id)));
    }

    @Test
    void reauthorizationRequiredIsAnsweredSoDeliveryGoesOn() {
        String drive = find("Staff handbook.docx").drive().id;
        SubscriptionState subscription = subscriptionOf(drive);

        notifications.requireReauthorization(subscription.id());

        await().atMost(SECONDS).until(() -> !subscriptionOf(drive).awaitingReauthorization()
                && ward.getBean(SubscriptionStore.class).find(drive).orElseThrow().state() == SubscriptionStore.State.ACTIVE);
        assertThat(subscriptionOf(drive).id()).isEqualTo(subscription.id());
    }

    @Test
    void probesAreUpAndTheFiguresArePrometheus() {
        var readiness = ServeHarness.get(port, "/actuator/health/readiness");
        var liveness = ServeHarness.get(port, "/actuator/health/liveness");
        var metrics = ServeHarness.get(port, "/actuator/prometheus");
        var health = ServeHarness.get(port, "/actuator/health");

        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"database\"", "\"graph\"", "\"subscriptions\"");
        assertThat(readiness.body()).as("a failing alert receiver never takes Ward out of service")
                .doesNotContain("\"alerts\"");
        assertThat(health.body()).contains("\"alerts\"");
        assertThat(health.body()).as("the public port shows each check's status, not its details")
                .doesNotContain("\"siem\"", "\"details\"");
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("ward_notifications_received_total", "ward_notifications_pending",
                "ward_notifications_lag_seconds", "ward_subscriptions{", "state=\"active\"", "ward_notifications_response",
                "ward_scan_items", "ward_schedule_runs_total");
        assertThat(metrics.body()).as("the scan's steps, one series per step rather than per drive")
                .contains("step_name=\"inventoryDriveStep\"").doesNotContain("inventoryDriveStep:");
    }

    /** Runs next to last: it restarts the service the other tests share. */
    @Test
    @Order(Integer.MAX_VALUE - 1)
    void aChangeGraphGaveUpDeliveringWhileWardWasDownIsFoundAfterTheRestart() {
        Located consultation = find("Consultation 999 000 0018.mp4");
        String drive = consultation.drive().id;
        ward.close();
        // Graph retries for hours, then gives up: past that, nothing will ever be posted for this change.
        notifications.setSettings(NotificationSettings.immediate().withDuplicatesAndLoss(0, 1.0, 11).allowingHttpOnLoopback());
        Item undelivered = simulator.changes().addFile(drive, consultation.item().parentId,
                NewFile.named("Consultation 999 000 0050.mp4", "consult-0050")
                        .withMedia(new Item.Media("video", 600_000L, 1280, 720, null, null)));

        Map<String, Object> settings = new LinkedHashMap<>(ServeHarness.settings(simulator, dir, port));
        // Any downtime longer than this counts as one Graph gave up on (15 minutes by default).
        settings.put("ward.serve.resync-after-downtime", "1ms");
        ward = ServeHarness.start(settings);

        await().atMost(SECONDS).until(() -> recordings().contains(new ItemKey(drive, undelivered.id)));
    }

    /** Runs last: it stops the service the other tests share. */
    @Test
    @Order(Integer.MAX_VALUE)
    void stoppingHandsBackARefreshStillRunningAfterTheGrace() throws Exception {
        Located consultation = find("Consultation 999 000 0018.mp4");
        ChangeOutbox outbox = ward.getBean(ChangeOutbox.class);
        simulator.setLatency(new Latency(Duration.ofSeconds(20), 0));
        simulator.changes().updateContent(consultation.drive().id, consultation.item().id, "consult-0018-v2", 48_000_000L);
        // The drive is taken by a worker whose delta request now takes 20 s.
        await().atMost(SECONDS).until(() -> backlog() > 0 && outbox.claim(consultation.drive().id).map(claim -> {
            claim.close();
            return false;
        }).orElse(true));

        ward.close(); // ward.serve.shutdown-grace is 2 s in these tests

        simulator.setLatency(Latency.OFF);
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.toAbsolutePath().resolve("ward"), "sa", "");
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM ward_change WHERE drive_id"
                        + " = '" + consultation.drive().id + "' AND kind = 'CHANGE'")) {
            rs.next();
            assertThat(rs.getLong(1)).as("the change is back in the outbox for the next start").isPositive();
        }
    }

    // ---- helpers ----

    private static FindingStatus anonymousLink(String itemId) {
        return ward.getBean(FindingStore.class).all().stream().filter(f -> f.type() == SharingCatalogue.ANONYMOUS_LINK
                && itemId.equals(f.resource().itemId())).map(Finding::status).findFirst().orElse(null);
    }

    private static Located find(String name) {
        return ServeHarness.find(simulator, name);
    }

    private static SubscriptionState subscriptionOf(String driveId) {
        return notifications.subscriptions().stream().filter(s -> s.driveId().equals(driveId)).findFirst().orElseThrow();
    }

    private static boolean live(String driveId) {
        return notifications.subscriptions().stream().anyMatch(s -> s.driveId().equals(driveId));
    }

    private static List<Finding> open() {
        return ward.getBean(FindingStore.class).all().stream().filter(f -> f.status() == FindingStatus.OPEN).toList();
    }

    private static Set<ItemKey> recordings() {
        return ward.getBean(ItemStore.class).recordingKeys().stream().collect(Collectors.toSet());
    }

    private static long backlog() {
        return ward.getBean(ChangeOutbox.class).backlog().changes();
    }

    private static double processed() {
        return ward.getBean(MeterRegistry.class).find("ward.notifications.processed").counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    private static double refreshes() {
        return ward.getBean(MeterRegistry.class).find("ward.drive.refreshes").timers().stream()
                .mapToDouble(t -> t.count()).sum();
    }
}
