package org.ward.connector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code ward scan --demo --alerts}: the demo scan alerts, and says where each alert went (docs/demo-tenant.md). */
class DemoAlertsTests {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int ward(String... args) {
        Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return new WardCli(console).run(args);
    }

    @Test
    void theDemoScanShowsWhereEachAlertWent() throws Exception {
        int code = ward("scan", "--demo", "--alerts", "--data-dir", dir.toString());
        String output = out.toString(StandardCharsets.UTF_8);

        assertThat(code).as(output + err.toString(StandardCharsets.UTF_8)).isIn(ExitCodes.OK, ExitCodes.FAILED);
        assertThat(output).containsPattern("Alerts: \\d+ raised, \\d+ sent")
                .contains("  compliance (mail to ward-alerts@upwellhealth.nhs.uk → helen.marsh@upwellhealth.nhs.uk,"
                        + " amelia.hart@upwellhealth.nhs.uk): ")
                .containsPattern("  receiver \\(webhook to https://localhost:\\d+/ward-alerts\\): \\d+ sent")
                .doesNotContain("Failing:");
        Matcher mail = Pattern.compile("Demo mailbox ward-alerts@upwellhealth.nhs.uk \\(the simulator's Exchange\\) sent"
                + " (\\d+) messages this run: (\\d+) to the compliance team, (\\d+) to owners").matcher(output);
        assertThat(mail.find()).as(output).isTrue();
        assertThat(Integer.parseInt(mail.group(2))).isPositive();
        assertThat(Integer.parseInt(mail.group(3))).as("owner notices").isPositive();
        Matcher received = Pattern.compile("verified the signature of (\\d+) alerts this run").matcher(output);
        assertThat(received.find()).as(output).isTrue();
        List<String> kept = Files.readAllLines(dir.resolve("demo").resolve("received-alerts.jsonl"));
        assertThat(kept).hasSize(Integer.parseInt(received.group(1))).isNotEmpty()
                .allSatisfy(line -> assertThat(line).startsWith("{\"schema\":\"ward.alert/1\""));
        assertThat(Files.readString(dir.resolve("demo").resolve("sent-mail.json"))).contains("x-ward-event-id");
        Matcher teams = Pattern.compile("Demo Teams \\(the simulator's activity feeds\\) took (\\d+) notifications? this"
                + " run for helen.marsh@upwellhealth.nhs.uk and amelia.hart@upwellhealth.nhs.uk").matcher(output);
        assertThat(teams.find()).as(output).isTrue();
        assertThat(Integer.parseInt(teams.group(1))).as("the critical findings").isPositive();
        Matcher teamsAlerts = Pattern.compile("  teams \\(teams-activity to Teams activity feed → helen.marsh@upwellhealth"
                + ".nhs.uk, amelia.hart@upwellhealth.nhs.uk\\): (\\d+) sent").matcher(output);
        assertThat(teamsAlerts.find()).as(output).isTrue();
        assertThat(Integer.parseInt(teams.group(1))).as("each alert to both").isEqualTo(2 * Integer.parseInt(
                teamsAlerts.group(1)));
        Map<String, Long> notices = new TreeMap<>();
        for (JsonNode message : JsonMapper.builder().build().readTree(dir.resolve("demo").resolve("sent-mail.json")
                .toFile())) {
            if (message.path("subject").asString().startsWith("Ward Your open findings")) {
                message.path("to").forEach(to -> notices.merge(to.asString(), 1L, Long::sum));
            }
        }
        assertThat(notices).as("one notice each, from the owners the scan found (docs/demo-tenant.md, People and Places)")
                .containsEntry("amelia.hart@upwellhealth.nhs.uk", 1L) // team owner: Clinical Recordings
                .containsEntry("daniel.hughes@upwellhealth.nhs.uk", 1L) // team owner: Physio Video Clinic
                .containsEntry("michael.byrne@upwellhealth.nhs.uk", 1L) // site owner: Facilities, a site without a group
                .containsEntry("siobhan.gallagher@upwellhealth.nhs.uk", 1L) // her OneDrive's recording
                .allSatisfy((to, count) -> assertThat(count).isEqualTo(1L));
        assertThat(notices.keySet()).as("never a guest").noneMatch(to -> to.contains("northvale") || to.contains("gmail")
                || to.contains("clearscript") || to.toUpperCase(java.util.Locale.ROOT).contains("#EXT#"));

        out.reset();
        assertThat(ward("alerts", "--demo", "--data-dir", dir.toString())).isEqualTo(ExitCodes.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).as("nothing new between scans")
                .contains("Alerts: 0 raised, 0 sent.")
                .containsPattern("compliance +" + mail.group(1) + " +0 +0  -")
                .containsPattern("receiver +" + received.group(1) + " +0 +0  -");
    }

    @Test
    void theDemoWritesTheTeamsAppItsTeamsActivityChannelNames() throws Exception {
        Path zip = dir.resolve("ward-teams-app.zip");

        assertThat(ward("teams-app", "--demo", "--data-dir", dir.toString(), "--out", zip.toString(), "--website-url",
                "https://www.upwellhealth.nhs.uk/ward")).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(ExitCodes.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).as("writing the app sends nothing").doesNotContain("Demo mailbox");
        try (java.util.zip.ZipFile app = new java.util.zip.ZipFile(zip.toFile())) {
            JsonNode manifest = JsonMapper.builder().build().readTree(app.getInputStream(app.getEntry("manifest.json")));
            assertThat(manifest.path("id").asString()).isEqualTo(org.ward.connector.demo.DemoTenant.TEAMS_APP);
        }
    }

    @Test
    void aRouteToAChannelThatDoesNotExistStopsWardWithOneSentence() throws Exception {
        Path config = dir.resolve("ward.yml");
        Files.writeString(config, """
                ward:
                  graph: {tenant-id: contoso.onmicrosoft.com, client-id: 00000000-0000-0000-0000-000000000001, client-secret: x}
                  alerts:
                    enabled: true
                    channels:
                      dpo: {type: mail, mailbox: ward-alerts@contoso.com, to: [dpo@contoso.com]}
                    routes:
                      - {channels: [soc], min-severity: high}
                """);

        assertThat(ward("alerts", "--config", config.toString(), "--data-dir", dir.resolve("data").toString()))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("ward.alerts.routes[0].channels names soc, which is not"
                + " under ward.alerts.channels (known: dpo).");
    }

    @Test
    void alertsWithoutTheDemoIsAUsageError() {
        assertThat(ward("scan", "--alerts", "--data-dir", dir.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--alerts turns on the demo tenant's alerts and goes"
                + " with --demo");
    }
}
