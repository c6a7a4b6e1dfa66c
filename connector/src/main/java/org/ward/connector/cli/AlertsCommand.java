package org.ward.connector.cli;

import java.time.Clock;
import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.alerts.AlertOutbox;
import org.ward.connector.alerts.AlertRound;
import org.ward.connector.alerts.AlertService;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code ward alerts}: an alert round between scans (what the findings' changes call for, the digest, owner notices and
 * reminders, and the retries that are due), then every channel's health. For a scheduler: exit 1 while a channel has
 * alerts it gave up on or failed this round.
 */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = {"Raise and deliver the alerts that are due (retries, the daily digest, owner reminders) and show each"
                + " channel's health: sent, waiting, given up, last error.",
            "Alerts are set in ward.alerts.* (docs/alerts.md); a scan runs the same round at its end.",
            "Exits 1 while a channel is failing."})
final class AlertsCommand implements WardTask {

    @Mixin
    LaunchOptions launch;

    @Override
    public LaunchOptions launch() {
        return launch;
    }

    /** With --demo, the demo's alert channels (as {@code ward scan --demo --alerts} set them). */
    @Override
    public boolean demoAlerts() {
        return launch.demo;
    }

    @Override
    public int run(ConfigurableApplicationContext context, Console console) {
        AlertService alerts = context.getBean(AlertService.class);
        if (!alerts.enabled()) {
            console.line("Alerts are off (ward.alerts.enabled is false): nothing to send. See docs/alerts.md.");
            return ExitCodes.OK;
        }
        Clock clock = context.getBeanProvider(Clock.class).getIfUnique(Clock::systemUTC);
        AlertRound round = alerts.afterFindingsChanged(clock.instant());
        round.lines().forEach(console::line);
        List<AlertOutbox.ChannelHealth> health = round.health();
        console.line("");
        console.line(String.format("%-20s %8s %8s %10s  %s", "Channel", "Sent", "Waiting", "Given up", "Last error"));
        for (AlertOutbox.ChannelHealth h : health) {
            console.line(String.format("%-20s %8d %8d %10d  %s", h.channel(), h.sent(), h.waiting(), h.failed(),
                    h.lastError() == null ? "-" : h.lastError()));
        }
        return round.problems().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
