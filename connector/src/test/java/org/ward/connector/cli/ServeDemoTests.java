package org.ward.connector.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.ward.connector.serve.ServeHarness;

/**
 * {@code ward serve --demo} as a person runs it, in a process of its own: the demo tenant starts, Ward scans it and
 * subscribes to its drives, and each change the demo makes (one at start, one per Enter) is posted by the simulator
 * to Ward over HTTP and printed as the findings Ward stores for it. SIGTERM stops it. One process for the class (the
 * demo's first scan takes a while), its tests in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServeDemoTests {

    private static final Duration START = Duration.ofMinutes(3);
    private static final Duration FINDING = Duration.ofSeconds(60);

    @TempDir
    static Path work;

    private static final List<String> lines = new CopyOnWriteArrayList<>();
    private static Process ward;

    @BeforeAll
    static void start() throws IOException {
        ward = serveDemo();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (ward != null && ward.isAlive()) {
            ward.destroyForcibly().waitFor();
        }
    }

    @Test
    @Order(1)
    void theFirstChangeIsPrintedAsTheFindingsWardStoresForItWithinSeconds() {
        await().atMost(START).until(() -> printed("Demo: subscribed to"));
        await().atMost(FINDING).until(() -> printed("new finding: critical ANONYMOUS_LINK"));
    }

    @Test
    @Order(2)
    void whatTheDemoPrintsHasNoPatientIdentifierInClear() {
        await().atMost(START.plus(FINDING)).until(() -> printed("new finding: critical ANONYMOUS_LINK"));

        assertThat(String.join("\n", lines)).contains("Mole check 999 *** **15").doesNotContain("999 000 0115");
    }

    @Test
    @Order(3)
    void enterMakesTheNextChange() throws IOException {
        await().atMost(START.plus(FINDING)).until(() -> printed("Press Enter"));

        enter();
        await().atMost(FINDING).until(() -> printed("new finding: critical ORGANIZATION_LINK"));
        await().atMost(FINDING).until(() -> printed("Press Enter") && count("Press Enter") == 2);
        enter();
        await().atMost(FINDING).until(() -> findingsAfter("saved a consultation video") > 0);
    }

    @Test
    @Order(4)
    void sigtermStopsTheService() throws InterruptedException {
        ward.destroy(); // as Ctrl-C or a platform stops the service

        assertThat(ward.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    private static Process serveDemo() throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), WardCli.class.getName(), "serve",
                "--demo", "--data-dir", work.toString(), "--port", String.valueOf(ServeHarness.freePort()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (IOException ended) {
                // the process is gone
            }
        }, "ward-demo-output");
        reader.setDaemon(true);
        reader.start();
        return process;
    }

    private static void enter() throws IOException {
        OutputStream in = ward.getOutputStream();
        in.write('\n');
        in.flush();
    }

    private static boolean printed(String text) {
        return lines.stream().anyMatch(l -> l.contains(text));
    }

    private static long count(String text) {
        return lines.stream().filter(l -> l.contains(text)).count();
    }

    private static long findingsAfter(String text) {
        int from = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                from = i;
            }
        }
        return from < 0 ? 0 : lines.subList(from, lines.size()).stream().filter(l -> l.contains("new finding:")).count();
    }
}
