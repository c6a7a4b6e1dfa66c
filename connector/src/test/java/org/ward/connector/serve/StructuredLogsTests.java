package org.ward.connector.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.notifications.WatchedDrives;
import org.ward.simulator.Simulator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code ward serve --log-format json} writes what a log platform parses: one ECS JSON object per console line. */
class StructuredLogsTests {

    @TempDir
    Path dir;

    @Test
    void jsonLogsAreOneEcsObjectPerConsoleLineNamingTheService() {
        String console;
        try (Simulator simulator = ServeHarness.clinic()) {
            Map<String, Object> settings = ServeHarness.settings(simulator, dir, ServeHarness.freePort());
            // What --log-format json sets (ServeCommandTests holds the command to it).
            settings.put("logging.structured.format.console", "ecs");
            settings.put("logging.threshold.console", "INFO");
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            PrintStream original = System.out;
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try (ConfigurableApplicationContext ward = ServeHarness.start(settings)) {
                WatchedDrives watched = ward.getBean(WatchedDrives.class);
                await().atMost(Duration.ofSeconds(60)).until(() -> !watched.drives().isEmpty());
            } finally {
                System.setOut(original);
            }
            console = captured.toString(StandardCharsets.UTF_8);
        }

        List<String> lines = Arrays.stream(console.split("\\R")).filter(l -> !l.isBlank()).toList();
        JsonMapper json = JsonMapper.builder().build();
        // How many lines depends on how far the first scan got before the service stopped: each must be one ECS object.
        assertThat(lines).isNotEmpty().allSatisfy(line -> {
            JsonNode entry = json.readTree(line);
            assertThat(entry.path("@timestamp").asString()).isNotBlank();
            assertThat(field(entry, "log", "level")).isIn("TRACE", "DEBUG", "INFO", "WARN", "ERROR");
            assertThat(field(entry, "service", "name")).isEqualTo("ward");
            assertThat(entry.path("message").isMissingNode()).isFalse();
        });
        assertThat(lines).anySatisfy(line -> assertThat(field(json.readTree(line), "log", "logger"))
                .startsWith("org.ward.connector"));
    }

    /** ECS fields, nested ({"log":{"level":…}}) or dotted ({"log.level":…}) as the Spring Boot version writes them. */
    private static String field(JsonNode entry, String object, String name) {
        JsonNode nested = entry.path(object).path(name);
        return nested.isMissingNode() ? entry.path(object + "." + name).asString() : nested.asString();
    }
}
