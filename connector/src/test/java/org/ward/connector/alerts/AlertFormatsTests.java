package org.ward.connector.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** How each channel writes an alert, and the timing rules (quiet hours, backoff), without a receiver. */
class AlertFormatsTests {

    private static Alert alert(String title, Map<String, String> facts, List<String> lines) {
        return new Alert("ward-finding-event-7", AlertKind.NEW_FINDING, "high", title, "Why it matters.", "Remove the"
                + " link.", facts, lines, null, List.of(), "2026-12-07T10:00:00Z");
    }

    @Test
    void cefEscapesPipesInTheHeaderAndEqualsSignsAndLineBreaksInExtensions() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Type", "ANONYMOUS_LINK");
        facts.put("Location", "/a=b\\c\nd|e");
        String cef = SyslogChannel.cef(alert("Link | shared", facts, List.of()), "1.0");

        assertThat(cef).startsWith("CEF:0|Ward|Ward|1.0|ANONYMOUS_LINK|New finding: Link \\| shared|8|");
        assertThat(cef).contains("cs3=/a\\=b\\\\c\\nd|e").contains("externalId=ward-finding-event-7")
                .contains("rt=1796637600000");
    }

    @Test
    void syslogMessagesAreRfc5424OnFacilityLocal0() {
        String message = SyslogChannel.message(alert("t", Map.of(), List.of()), "host-1", "1.0",
                Instant.parse("2026-12-07T10:00:01.123456Z"));

        assertThat(message).startsWith("<131>1 2026-12-07T10:00:01.123Z host-1 ward - NEW_FINDING - CEF:0|");
    }

    @Test
    void teamsCardsStayUnderTwentyEightKilobytesAndSayHowManyWereLeftOut() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            lines.add("[high] Recording shared with the whole organisation on site number " + i + " (F-00000000000000"
                    + String.format("%02d", i % 100) + ")");
        }
        String body = TeamsChannel.message(alert("Digest", Map.of(), lines));

        assertThat(body.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(TeamsChannel.MAX_BYTES);
        assertThat(body).containsPattern("\\d+ more findings").contains("\"type\":\"AdaptiveCard\"");
    }

    @Test
    void quietHoursAcrossMidnightHoldAnAlertUntilTheyEnd() {
        QuietHours night = QuietHours.parse("22:00-07:00", "quiet-hours");
        ZoneId london = ZoneId.of("Europe/London");

        assertThat(night.endsAfter(Instant.parse("2026-12-07T23:30:00Z"), london))
                .isEqualTo(Instant.parse("2026-12-08T07:00:00Z"));
        assertThat(night.endsAfter(Instant.parse("2026-12-08T03:00:00Z"), london))
                .isEqualTo(Instant.parse("2026-12-08T07:00:00Z"));
        assertThat(night.endsAfter(Instant.parse("2026-12-08T12:00:00Z"), london)).isNull();
        assertThat(night.from()).isEqualTo(LocalTime.of(22, 0));
    }

    @Test
    void retriesBackOffByDoublingUpToTheLongestWait() {
        AlertSettings.Delivery delivery = new AlertSettings.Delivery(8, Duration.ofMinutes(1), Duration.ofMinutes(10),
                Duration.ofSeconds(5));

        assertThat(List.of(1, 2, 3, 4, 5, 6).stream().map(delivery::backoff).map(Duration::toMinutes))
                .containsExactly(1L, 2L, 4L, 8L, 10L, 10L);
    }

    @Test
    void signsWebhookBodiesWithHmacSha256() {
        // RFC 4231 test case 2.
        assertThat(WebhookChannel.sign("Jefe".getBytes(StandardCharsets.UTF_8), "what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void refusesASentinelRecordAboveTheApisMegabyteBeforeAskingForATokenOrCalling() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            lines.add("[medium] Link without expiry on a recording in a very long folder path, number " + i);
        }
        Alert huge = new Alert("evt-huge", AlertKind.DIGEST, null, "Digest", null, null, Map.of(), lines, null, List.of(),
                "2027-01-01T07:00:00Z");
        java.util.concurrent.atomic.AtomicInteger tokens = new java.util.concurrent.atomic.AtomicInteger();
        LogsIngestionChannel channel = new LogsIngestionChannel("sentinel", new HttpsPost(LogsIngestionChannel.url(
                "https://127.0.0.1:9", "dcr-1", "Custom-WardAlerts_CL"), javax.net.ssl.SSLContext.getDefault(),
                Duration.ofSeconds(1)), request -> {
                    tokens.incrementAndGet();
                    return reactor.core.publisher.Mono.empty();
                }, "https://monitor.azure.com/.default");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> channel.send(huge)).isInstanceOf(ChannelFailure.class)
                .hasMessageContaining("above the API's 1 MB per call");
        assertThat(tokens).hasValue(0);
        assertThat(LogsIngestionChannel.url("https://dce.uksouth-1.ingest.monitor.azure.com/", "dcr-1", "Custom-W_CL"))
                .isEqualTo("https://dce.uksouth-1.ingest.monitor.azure.com/dataCollectionRules/dcr-1/streams/Custom-W_CL"
                        + "?api-version=2023-01-01");
    }

    @Test
    void thePayloadHasExactlyTheFieldsAndKindsAlertsMdDocuments() throws Exception {
        // The "Payload schema (ward.alert/1)" table: one row per field (a row may name several), kinds in its kind row.
        java.util.Set<String> documented = new java.util.LinkedHashSet<>();
        java.util.Set<String> kinds = new java.util.LinkedHashSet<>();
        boolean inTable = false;
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("../docs/alerts.md"))) {
            if (line.startsWith("### Payload schema")) {
                inTable = true;
            } else if (inTable && line.startsWith("#")) {
                break;
            } else if (inTable && line.startsWith("| `")) {
                String[] cells = line.split("\\|");
                java.util.regex.Matcher names = java.util.regex.Pattern.compile("`([A-Za-z]+)`").matcher(cells[1]);
                while (names.find()) {
                    documented.add(names.group(1));
                }
                if (cells[1].contains("`kind`")) {
                    java.util.regex.Matcher values = java.util.regex.Pattern.compile("`([a-z-]+)`").matcher(cells[2]);
                    while (values.find()) {
                        kinds.add(values.group(1));
                    }
                }
            }
        }

        assertThat(AlertPayload.fields(alert("Title", Map.of(), List.of())).keySet())
                .containsExactlyInAnyOrderElementsOf(documented);
        assertThat(java.util.Arrays.stream(AlertKind.values()).map(k -> AlertPayload.fields(new Alert("e", k, null, "t",
                null, null, Map.of(), List.of(), null, List.of(), "2026-12-07T10:00:00Z")).get("kind")))
                .containsExactlyInAnyOrderElementsOf(kinds);
    }
}
