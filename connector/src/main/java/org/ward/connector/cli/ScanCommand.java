package org.ward.connector.cli;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.alerts.AlertService;
import org.ward.connector.findings.FindingStore;
import org.ward.connector.graph.GraphTraffic;
import org.ward.connector.report.ScanReports;
import org.ward.connector.report.ScanSummary;
import org.ward.connector.report.SummaryText;
import org.ward.connector.scan.ScanProgress;
import org.ward.connector.scan.ScanService;
import org.ward.rules.findings.FindingStatus;
import org.ward.rules.policy.Severity;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ward scan}: the tenant scan, then the summary; {@code --fail-on} for schedulers and pipelines. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Scan the tenant: discover every site, team, channel and OneDrive, inventory their drives through"
                + " delta (incrementally after the first scan), find patient recordings by policy, and record findings.",
            "An interrupted scan is resumed from its last committed chunk by the next run."})
final class ScanCommand implements WardTask {

    @Mixin
    LaunchOptions launch;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", converter = FindingFilters.FailOnConverter.class,
            description = "Exit with code 3 when an open finding of this"
            + " severity or higher exists (critical, high, medium, low, info).")
    Severity failOn;

    @Option(names = "--report-dir", paramLabel = "DIR", description = "Also write findings.json, findings.csv and"
            + " report.html to DIR.")
    java.nio.file.Path reportDir;

    @Option(names = "--alerts", description = "With --demo: turn the demo's alerts on (e-mail from the demo's"
            + " ward-alerts mailbox, a signed webhook to a local receiver) and show where each alert went. For a tenant,"
            + " alerts are set in ward.alerts.* (docs/alerts.md).")
    boolean alerts;

    @Override
    public LaunchOptions launch() {
        return launch;
    }

    @Override
    public boolean demoAlerts() {
        return alerts;
    }

    @Override
    public int run(ConfigurableApplicationContext context, Console console) {
        Severity threshold = failOn;
        ScanProgress progress = context.getBean(ScanProgress.class);
        GraphTraffic traffic = context.getBean(GraphTraffic.class);
        GraphTraffic.Snapshot before = traffic.snapshot();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ward-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(() -> console.progress(line(progress.snapshot(), traffic.snapshot().since(before)),
                System.currentTimeMillis()), 500, 500, TimeUnit.MILLISECONDS);
        ScanService.Outcome outcome;
        try {
            outcome = context.getBean(ScanService.class).scan();
        } finally {
            ticker.shutdownNow();
            console.endProgress();
        }
        if (outcome.resumed()) {
            console.line("Resumed the interrupted scan #" + outcome.scanId() + " from its last committed chunk.");
        }
        ScanSummary summary = context.getBean(ScanReports.class).summary(outcome.scanId()).orElseThrow();
        SummaryText.lines(summary).forEach(console::line);
        List<String> alertLines = context.getBean(AlertService.class).lastRound().lines();
        if (!alertLines.isEmpty()) {
            console.line("");
            alertLines.forEach(console::line);
        }
        if (reportDir != null) {
            ReportFiles.write(context, summary, reportDir, console);
        }
        if (!outcome.complete()) {
            console.error("The result of scan #" + outcome.scanId() + " is incomplete: " + String.join("; ",
                    outcome.incomplete()) + ". Run the scan again to complete it.");
            return ExitCodes.FAILED;
        }
        if (threshold != null && exceeds(context.getBean(FindingStore.class), threshold)) {
            console.line("");
            console.line("An open finding at or above " + threshold.yamlName() + " exists (--fail-on): exit code 3.");
            return ExitCodes.FINDINGS;
        }
        return ExitCodes.OK;
    }

    private static boolean exceeds(FindingStore findings, Severity threshold) {
        return findings.open().stream().anyMatch(f -> f.status() == FindingStatus.OPEN
                && f.severity().ordinal() <= threshold.ordinal());
    }

    /**
     * "Scanning: inventory | drives 3/12 | items 5400 | 800 items/s | ...", and after the inventory each stage's own
     * phase and figures: "Scanning: reading who can reach recordings | recordings 120/480 | ... | ETA 0:42".
     */
    static String line(ScanProgress.Snapshot s, GraphTraffic.Snapshot graph) {
        StringBuilder line = new StringBuilder("Scanning: ").append(s.phase());
        var stage = s.stage();
        if (!"inventory".equals(s.phase())) {
            if (stage.unit() != null) {
                line.append(" | ").append(stage.unit()).append(' ').append(stage.done());
                if (stage.total() > 0) {
                    line.append('/').append(stage.total());
                }
            }
        } else if (s.drivesTotal() > 0) {
            line.append(" | drives ").append(s.drivesDone()).append('/').append(s.drivesTotal())
                    .append(" | items ").append(s.items())
                    .append(String.format(Locale.ROOT, " | %.0f items/s", s.itemsPerSecond()));
        }
        line.append(" | requests ").append(graph.requests()).append(" | throttled ").append(graph.throttled());
        if (s.eta() != null) {
            line.append(" | ETA ").append(clock(s.eta()));
        }
        return line.toString();
    }

    private static String clock(Duration d) {
        long seconds = d.getSeconds();
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
