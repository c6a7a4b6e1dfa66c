package org.ward.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ward.simulator.requestlog.RequestLogEntry;
import org.ward.simulator.tenant.Drive;
import org.ward.simulator.throttle.Budget;
import org.ward.simulator.throttle.Buckets;

import tools.jackson.databind.JsonNode;

/**
 * SharePoint resource-unit throttling on a budget of 20 units a minute and a clock the tests move: 429 with
 * Retry-After, recovery after the window, Microsoft's costs, RateLimit headers, throttling inside {@code $batch}.
 */
class ThrottlingTests {

    static final Budget TWENTY_A_MINUTE = new Budget(20, Duration.ofMinutes(1), true);

    static TestClock clock = TestClock.atNow();
    static Simulator simulator;
    static GraphHttp graph;
    static Drive drive;
    static String file;

    @BeforeAll
    static void start() {
        simulator = SmallClinic.start(Simulator.builder().clock(clock).sharePointBudget(TWENTY_A_MINUTE));
        graph = SmallClinic.reader(simulator);
        drive = SmallClinic.oneDrive(simulator, SmallClinic.ADA);
        file = "/drives/" + drive.id + "/items/" + SmallClinic.item(simulator, drive,
                "Clinic huddle-20261101_090000-Meeting Recording.mp4").id;
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void freshBudget() {
        simulator.throttle().setBudget(Buckets.SHAREPOINT, TWENTY_A_MINUTE);
        simulator.requestLog().clear();
    }

    /** Spends units one item get (1 unit) at a time. */
    static void spend(int units) {
        IntStream.range(0, units).forEach(i -> assertThat(graph.get(file).status()).isEqualTo(200));
    }

    @Test
    void refusesTheRequestBeyondTheBudgetWith429AndRetryAfterInWholeSeconds() {
        spend(20);

        Reply refused = graph.get(file);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().path("error").path("code").asString()).isEqualTo("TooManyRequests");
        assertThat(refused.header("Retry-After")).isEqualTo("60");
    }

    @Test
    void admitsRequestsAgainOnceTheWindowHasPassed() {
        spend(20);
        long retryAfter = Long.parseLong(graph.get(file).header("Retry-After"));

        clock.advance(Duration.ofSeconds(retryAfter));

        assertThat(graph.get(file).status()).isEqualTo(200);
    }

    @Test
    void keepsRefusingAClientThatRetriesBeforeRetryAfter() {
        spend(20);
        graph.get(file);

        clock.advance(Duration.ofSeconds(30));

        assertThat(graph.get(file).status()).isEqualTo(429);
    }

    static Stream<Arguments> costs() {
        String root = "/drives/" + drive.id + "/items/" + drive.rootId;
        return Stream.of(
                Arguments.of("an item", file, 1),
                Arguments.of("an item with its permissions expanded", file + "?$expand=permissions", 5),
                Arguments.of("a folder's children", root + "/children", 2),
                Arguments.of("a site's drives", "/sites/" + drive.siteId + "/drives", 2),
                Arguments.of("delta without a token", "/drives/" + drive.id + "/root/delta", 2),
                Arguments.of("delta with a token", "/drives/" + drive.id + "/root/delta?token=latest", 1),
                Arguments.of("an item's permissions", file + "/permissions", 5));
    }

    @ParameterizedTest(name = "{0} costs {2}")
    @MethodSource("costs")
    void chargesMicrosoftsResourceUnitCosts(String what, String path, int units) {
        graph.get(path);

        RequestLogEntry entry = simulator.requestLog().entries().get(0);
        assertThat(entry.status()).isEqualTo(200);
        assertThat(entry.bucket()).isEqualTo(Buckets.SHAREPOINT);
        assertThat(entry.resourceUnits()).isEqualTo(units);
    }

    @Test
    void sendsNoRateLimitHeadersBelowEightyPercent() {
        spend(14);

        Reply fifteenth = graph.get(file);

        assertThat(fifteenth.headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("ratelimit-"));
    }

    @Test
    void sendsRateLimitHeadersFromEightyPercent() {
        spend(15);

        Reply sixteenth = graph.get(file);

        assertThat(sixteenth.header("RateLimit-Limit")).isEqualTo("20");
        assertThat(sixteenth.header("RateLimit-Remaining")).isEqualTo("4");
        assertThat(sixteenth.header("RateLimit-Reset")).isEqualTo("60");
    }

    @Test
    void throttlesAnInnerBatchRequestWithItsOwnRetryAfterWhileTheOthersSucceed() {
        spend(18);

        Reply batch = graph.post("/$batch", "{\"requests\":["
                + "{\"id\":\"1\",\"method\":\"GET\",\"url\":\"" + file + "\"},"
                + "{\"id\":\"2\",\"method\":\"GET\",\"url\":\"" + file + "/permissions\"},"
                + "{\"id\":\"3\",\"method\":\"GET\",\"url\":\"/users\"}]}");

        assertThat(batch.status()).isEqualTo(200);
        List<JsonNode> responses = BatchTests.byId(batch);
        assertThat(responses).extracting(r -> r.path("status").asInt()).containsExactly(200, 429, 200);
        assertThat(responses.get(1).path("headers").path("Retry-After").asString()).isEqualTo("60");
        assertThat(responses.get(1).path("body").path("error").path("code").asString()).isEqualTo("TooManyRequests");
        assertThat(responses.get(0).path("headers").has("Retry-After")).isFalse();
    }

    @Test
    void doesNotSpendTheSharePointBudgetOnDirectoryCalls() {
        IntStream.range(0, 25).forEach(i -> assertThat(graph.get("/users").status()).isEqualTo(200));

        spend(20);

        assertThat(simulator.requestLog().entries()).filteredOn(e -> e.path().equals("/users"))
                .allSatisfy(e -> assertThat(e.bucket()).isEqualTo(Buckets.DIRECTORY));
    }

    @Test
    void keepsOneBudgetPerApplication() {
        spend(20);

        assertThat(SmallClinic.fullControl(simulator).get(file).status()).isEqualTo(200);
    }
}
