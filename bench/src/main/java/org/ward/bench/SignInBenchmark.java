package org.ward.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.identity.IdentityService;
import org.ward.connector.identity.IdentityRun;
import org.ward.rules.identity.ReachIndex;
import org.ward.rules.identity.SignInAssessment;
import org.ward.rules.identity.SignInEvent;
import org.ward.rules.policy.PolicyLoader;
import org.ward.simulator.Simulator;
import org.ward.simulator.fixture.FixtureLoader;
import org.ward.simulator.fixture.TenantFixture;
import org.ward.simulator.identity.Places;
import org.ward.simulator.identity.SignInGenerator;
import org.ward.simulator.tenant.SignInRecord;
import org.ward.simulator.throttle.Latency;

/**
 * The sign-in analysis over a log of a million events (by default), spread over 29 days so that all of it is inside the
 * 30 days Entra keeps: how many events a second Ward analyses
 * and the peak heap while it does.
 *
 * <p>By default it measures the real path: the log is served by the simulator in-process (latency and throttling
 * off; Ward's identity pacing raised to match), read page by page through the Graph SDK by the sign-in collector,
 * and streamed through every detector by {@code IdentityService}, as {@code ward identity} does. With
 * {@code --direct true} the generator feeds the detectors without HTTP, which isolates the analysis itself.
 */
final class SignInBenchmark {

    private static final String SECRET = "bench-identity-secret";

    private final BenchMain.Options options;

    SignInBenchmark(BenchMain.Options options) {
        this.options = options;
    }

    void run() throws Exception {
        long events = options.number("events", 1_000_000);
        int users = options.integer("users", 2_000);
        boolean direct = options.flag("direct", false);
        System.out.printf("Sign-in log: %,d events of %,d users over 29 days (%s); heap limit %,d MiB%n", events, users,
                direct ? "generator straight into the detectors" : "served by the in-process simulator, read through the SDK",
                Heap.maxMiB());
        if (direct) {
            direct(events, users);
        } else {
            collector(events, users);
        }
    }

    private void collector(long events, int users) throws Exception {
        try (Simulator simulator = Simulator.builder().tenant(tenant(events, users)).latency(Latency.OFF)
                .throttling(false).start()) {
            Path dataDir = Files.createTempDirectory("ward-bench-sign-ins");
            Map<String, Object> settings = WardRun.settings(simulator.info(), SECRET, dataDir, 1_250);
            settings.put("ward.identity.reports-budget", 1_000_000);
            settings.put("ward.identity.protection-budget", 1_000_000);
            try (ConfigurableApplicationContext ward = WardRun.start(settings)) {
                resetPeaks();
                long started = System.nanoTime();
                IdentityRun run = ward.getBean(IdentityService.class).run(null, simulator.info().tenantId());
                report(run.signIns(), System.nanoTime() - started);
                System.out.printf("Pages: %,d sign-in requests; findings: %s%n", simulator.requestLog()
                        .count(e -> e.path().endsWith("/auditLogs/signIns")), run.found());
            }
        }
    }

    private void direct(long events, int users) {
        Instant end = Instant.now();
        SignInGenerator log = new SignInGenerator(people(users), end.minus(Duration.ofDays(29)), end, events, 0.01,
                options.number("seed", 1), "none", "success");
        SignInAssessment assessment = new SignInAssessment(PolicyLoader.fromClasspath().load("nhs-england"), Map.of(),
                ReachIndex.UNKNOWN, true);
        resetPeaks();
        long started = System.nanoTime();
        for (Iterator<SignInRecord> it = log.newestFirst(end.minus(Duration.ofDays(30)), end, null); it.hasNext();) {
            SignInRecord r = it.next();
            assessment.accept(new SignInEvent(r.id(), r.createdDateTime(), r.userId(), r.userPrincipalName(),
                    r.userDisplayName(), r.appDisplayName(), r.ipAddress(), r.place().city(), r.place().countryOrRegion(),
                    r.place().latitude(), r.place().longitude(), r.clientAppUsed(), r.errorCode(), r.additionalDetails(),
                    r.authenticationRequirement(), true), false);
        }
        SignInAssessment.Result result = assessment.finish();
        report(result.events(), System.nanoTime() - started);
        System.out.printf("Anomalies: %d; users with a baseline: %,d%n", result.anomalies().size(), result.baselines().size());
    }

    private static void report(long analysed, long nanos) {
        double seconds = nanos / 1e9;
        System.out.printf("Analysed %,d sign-in events in %.1f s: %,.0f events/s%n", analysed, seconds, analysed / seconds);
        System.out.printf("Peak heap while analysing: %,d MiB (all heap pools' peaks, simulator included in the default"
                + " mode)%n", Heap.peakMiB());
    }

    /** Peaks from here on, so start-up (Spring, the simulator's certificates) does not count. */
    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static List<SignInGenerator.Person> people(int users) {
        List<SignInGenerator.Person> out = new ArrayList<>();
        String[] cities = {"London", "Manchester", "Leeds", "Birmingham", "Bristol"};
        for (int i = 0; i < users; i++) {
            out.add(new SignInGenerator.Person("id-" + i, "user" + i + "@benchtrust.nhs.uk", "User " + i,
                    Places.named(cities[i % cities.length]), "81." + (i / 62_500) + "." + (i / 250 % 250) + "." + (i % 250),
                    "194.80." + (10 + i % cities.length) + ".20", true));
        }
        return out;
    }

    /** A tenant of {@code users} people (no OneDrives) whose sign-in log holds {@code events} events. */
    private Simulator.TenantSource tenant(long events, int users) {
        List<TenantFixture.UserSpec> people = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            people.add(new TenantFixture.UserSpec("user" + i + "@benchtrust.nhs.uk", "User " + i, "Clinician", "Clinic",
                    false, null, false, true, "-400d"));
        }
        TenantFixture fixture = new TenantFixture(
                new TenantFixture.TenantSpec(null, "Bench Trust", "benchtrust.onmicrosoft.com", List.of("benchtrust.nhs.uk"),
                        "benchtrust.sharepoint.com", users, "bench"),
                List.of(new TenantFixture.AppSpec(null, "Ward", SECRET, false, org.ward.simulator.SimulatorMain.FULL_PERMISSIONS)),
                null, people, List.of(), List.of(), List.of(),
                new TenantFixture.IdentitySpec("P2", false, null, null, null, null, null, new TenantFixture.SignInsSpec(
                        new TenantFixture.GenerateSpec(29, null, events, 0.01, options.number("seed", 1),
                                List.of("London", "Manchester", "Leeds", "Birmingham", "Bristol"), null), null)));
        return (clock, authority) -> new FixtureLoader(clock, authority).load(fixture);
    }
}
