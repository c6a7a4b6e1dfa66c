package org.ward.connector.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.demo.DemoTenant;
import org.ward.connector.findings.FindingStore;
import org.ward.connector.notifications.SubscriptionStore;
import org.ward.connector.notifications.WatchedDrives;
import org.ward.rules.classify.IdentifierMasking;
import org.ward.rules.findings.Finding;
import org.ward.rules.findings.FindingStatus;

/**
 * {@code ward serve --demo}: once Ward has scanned the demo tenant and subscribed to its drives, makes a change in
 * the tenant (as a person would in SharePoint) and prints each finding as Ward stores it, with the seconds since
 * the change; Enter makes another change. Watching only reads Ward's findings register: the service itself runs
 * exactly as it would against a real tenant. What it prints is masked with the policy's masking, like every other
 * output: the demo's file names carry NHS numbers.
 */
final class DemoService {

    private static final Duration WATCH = Duration.ofSeconds(60);

    private DemoService() {
    }

    static void show(ConfigurableApplicationContext context, Console console, DemoTenant demo) {
        Thread thread = new Thread(() -> run(context, console, demo), "ward-demo");
        thread.setDaemon(true);
        thread.start();
    }

    private static void run(ConfigurableApplicationContext context, Console console, DemoTenant demo) {
        try {
            console.line("Demo: scanning the demo tenant, then subscribing to its drives ...");
            SubscriptionStore subscriptions = context.getBean(SubscriptionStore.class);
            FindingStore findings = context.getBean(FindingStore.class);
            IdentifierMasking masking = context.getBean(IdentifierMasking.class);
            String log = context.getEnvironment().getProperty("ward.data-dir", "ward-data") + "/ward.log";
            WatchedDrives watched = context.getBean(WatchedDrives.class);
            while (context.isActive() && (watched.drives().isEmpty()
                    || subscriptions.countByState().get(SubscriptionStore.State.ACTIVE) < watched.drives().size())) {
                TimeUnit.MILLISECONDS.sleep(250);
            }
            console.line("Demo: subscribed to " + subscriptions.countByState().get(SubscriptionStore.State.ACTIVE)
                    + " drives. Ward now hears of every change in them.");
            BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            do {
                change(context, console, demo, findings, masking, log);
                console.line("Press Enter to make another change in the demo tenant (Ctrl-C stops Ward).");
            } while (context.isActive() && stdin.readLine() != null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            if (context.isActive()) {
                console.error("Demo: " + e.getMessage());
            }
        }
    }

    private static void change(ConfigurableApplicationContext context, Console console, DemoTenant demo,
            FindingStore findings, IdentifierMasking masking, String log) throws InterruptedException {
        Set<String> before = new HashSet<>();
        findings.open().forEach(f -> before.add(f.id()));
        Instant at = Instant.now();
        console.line("");
        console.line(masking.maskText("Demo: someone " + demo.makeChange() + "."));
        console.line("      Waiting for Graph's notification and Ward's findings ...");
        int found = 0;
        while (context.isActive() && Duration.between(at, Instant.now()).compareTo(WATCH) < 0) {
            for (Finding f : findings.open()) {
                if (f.status() == FindingStatus.OPEN && before.add(f.id())) {
                    found++;
                    console.line(masking.maskText(String.format(Locale.ROOT, "      +%.1f s  new finding: %-8s %-34s %s",
                            Duration.between(at, f.firstSeen()).toMillis() / 1000.0, f.severity().yamlName(),
                            f.type().name(), f.resource().path() == null ? f.title() : f.resource().path())));
                }
            }
            if (found > 0 && Duration.between(at, Instant.now()).toSeconds() >= 5) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        if (found == 0) {
            console.line("      No new finding within " + WATCH.toSeconds() + " s; see " + log + ".");
        }
    }
}
