package org.ward.simulator.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ward.simulator.GraphHttp;
import org.ward.simulator.Reply;
import org.ward.simulator.Simulator;
import org.ward.simulator.tenant.SignInRecord;

import tools.jackson.databind.JsonNode;

/** The sign-in log: newest first, keyset paging, $filter on createdDateTime (eq, le, ge) and other fields, retention. */
class SignInLogTests {

    static Simulator simulator;
    static GraphHttp graph;

    @BeforeAll
    static void start() {
        simulator = IdentityClinic.start();
        graph = IdentityClinic.ward(simulator);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    static List<JsonNode> all(String firstUrl) {
        List<JsonNode> events = new ArrayList<>();
        String url = firstUrl;
        while (url != null) {
            Reply reply = graph.get(url);
            assertThat(reply.status()).as(reply.text()).isEqualTo(200);
            reply.json().path("value").forEach(events::add);
            url = reply.json().path("@odata.nextLink").isMissingNode() ? null : reply.json().path("@odata.nextLink").asString();
        }
        return events;
    }

    static long logSize(Instant from, Instant to) {
        return simulator.tenant().read(() -> {
            long n = 0;
            for (Iterator<SignInRecord> it = simulator.tenant().identity().signIns(from, to, null); it.hasNext(); it.next()) {
                n++;
            }
            return n;
        });
    }

    static String filter(String expression) {
        return "/auditLogs/signIns?$filter=" + GraphHttp.encode(expression);
    }

    static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    @Test
    void pagesTheWholeRetainedLogNewestFirstWithoutRepeatingAnEvent() {
        List<JsonNode> events = all("/auditLogs/signIns?$top=100");

        Instant now = simulator.tenant().now();
        assertThat(events).hasSize((int) logSize(now.minus(Duration.ofDays(30)), now));
        Set<String> ids = new HashSet<>();
        events.forEach(e -> assertThat(ids.add(e.path("id").asString())).as("repeated %s", e.path("id")).isTrue());
        for (int i = 1; i < events.size(); i++) {
            assertThat(Instant.parse(events.get(i).path("createdDateTime").asString()))
                    .isBeforeOrEqualTo(Instant.parse(events.get(i - 1).path("createdDateTime").asString()));
        }
    }

    @Test
    void filtersOnCreatedDateTimeBetweenTwoTimesInclusive() {
        Instant to = simulator.tenant().now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        Instant from = to.minus(Duration.ofDays(1));

        List<JsonNode> events = all(filter("createdDateTime ge " + iso(from) + " and createdDateTime le " + iso(to)));

        assertThat(events).isNotEmpty().hasSize((int) logSize(from, to)).allSatisfy(e -> assertThat(
                Instant.parse(e.path("createdDateTime").asString())).isBetween(from, to));
    }

    @Test
    void refusesGreaterThanOnCreatedDateTimeBecauseGraphDocumentsOnlyEqLeAndGe() {
        Reply reply = graph.get(filter("createdDateTime gt " + iso(simulator.tenant().now().minus(Duration.ofDays(1)))));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("error").path("message").asString()).startsWith("Invalid filter clause");
    }

    @Test
    void keepsThirtyDaysOfSignInsAsPremiumTenantsDo() {
        Instant now = simulator.tenant().now();

        List<JsonNode> events = all(filter("createdDateTime ge " + iso(now.minus(Duration.ofDays(60)))));

        assertThat(events).isNotEmpty().allSatisfy(e -> assertThat(Instant.parse(e.path("createdDateTime").asString()))
                .isAfterOrEqualTo(now.minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.MILLIS)));
    }

    @Test
    void filtersOnTheErrorCodeToo() {
        List<JsonNode> failures = all(filter("status/errorCode eq 50126"));

        assertThat(failures).isNotEmpty().allSatisfy(e -> assertThat(e.path("status").path("errorCode").asInt())
                .isEqualTo(50126));
    }

    @Test
    void servesThePlantedSignInFromLagosWithItsCoordinates() {
        List<JsonNode> events = all(filter("ipAddress eq '198.51.100.7'"));

        assertThat(events).hasSize(1);
        JsonNode location = events.get(0).path("location");
        assertThat(location.path("city").asString()).isEqualTo("Lagos");
        assertThat(location.path("countryOrRegion").asString()).isEqualTo("NG");
        assertThat(location.path("geoCoordinates").path("latitude").asDouble()).isEqualTo(6.5244);
        assertThat(events.get(0).path("userPrincipalName").asString()).isEqualTo(IdentityClinic.BEN);
        assertThat(events.get(0).path("isInteractive").asBoolean()).isTrue();
    }

    @Test
    void givesAtMostAThousandSignInsAPage() {
        Instant now = simulator.tenant().now();
        Instant from = now.minus(Duration.ofDays(29));
        Reply reply = graph.get(filter("createdDateTime ge " + iso(from)) + "&$top=5000");

        assertThat(logSize(from, now)).isGreaterThan(1000);
        assertThat(reply.json().path("value")).hasSize(1000);
        assertThat(reply.json().path("@odata.nextLink").asString()).contains("$skiptoken=");
    }

    @Test
    void refusesASkipTokenItDidNotMake() {
        Reply reply = graph.get("/auditLogs/signIns?$skiptoken=not-a-token");

        assertThat(reply.status()).isEqualTo(400);
    }
}
