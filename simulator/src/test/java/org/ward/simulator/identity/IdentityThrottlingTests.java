package org.ward.simulator.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ward.simulator.GraphHttp;
import org.ward.simulator.Reply;
import org.ward.simulator.Simulator;
import org.ward.simulator.TestClock;
import org.ward.simulator.requestlog.RequestLogEntry;
import org.ward.simulator.throttle.Buckets;

/**
 * The identity budgets on a clock the tests move: reports allow 5 requests per 10 s per app; Identity Protection and
 * Conditional Access 1 request per second per tenant, refused without Retry-After.
 */
class IdentityThrottlingTests {

    TestClock clock;
    Simulator simulator;
    GraphHttp graph;

    @BeforeEach
    void start() {
        clock = TestClock.atNow();
        simulator = IdentityClinic.start(Simulator.builder().clock(clock).throttling(true));
        graph = IdentityClinic.ward(simulator);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void refusesTheSixthReportRequestInTenSecondsWithRetryAfter() {
        IntStream.range(0, 5).forEach(i -> assertThat(graph.get("/auditLogs/signIns?$top=1").status()).isEqualTo(200));

        Reply refused = graph.get("/reports/authenticationMethods/userRegistrationDetails");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().path("error").path("code").asString()).isEqualTo("TooManyRequests");
        assertThat(refused.header("Retry-After")).isNotNull();
    }

    @Test
    void admitsReportsAgainOnceTenSecondsHavePassed() {
        IntStream.range(0, 5).forEach(i -> graph.get("/auditLogs/signIns?$top=1"));

        clock.advance(Duration.ofSeconds(10));

        assertThat(graph.get("/auditLogs/signIns?$top=1").status()).isEqualTo(200);
    }

    @Test
    void refusesASecondIdentityProtectionRequestInOneSecondWithoutRetryAfter() {
        assertThat(graph.get("/identityProtection/riskyUsers").status()).isEqualTo(200);

        Reply refused = graph.get("/identity/conditionalAccess/policies");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNull();
    }

    @Test
    void sharesTheIdentityProtectionBudgetBetweenAppsOfOneTenant() {
        assertThat(graph.get("/identityProtection/riskDetections").status()).isEqualTo(200);

        Reply other = IdentityClinic.anotherTool(simulator).get("/identityProtection/riskDetections");

        assertThat(other.status()).isEqualTo(429);
        assertThat(other.header("Retry-After")).isNull();
    }

    @Test
    void chargesSignInsToTheReportsBudgetAndRiskToIdentityProtection() {
        graph.get("/auditLogs/signIns?$top=1");
        clock.advance(Duration.ofSeconds(2));
        graph.get("/identityProtection/riskyUsers");

        assertThat(simulator.requestLog().entries()).extracting(RequestLogEntry::bucket)
                .contains(Buckets.REPORTS, Buckets.IDENTITY_PROTECTION);
    }

    @Test
    void admitsIdentityProtectionAgainAfterASecond() {
        graph.get("/identityProtection/riskyUsers");

        clock.advance(Duration.ofSeconds(1));

        assertThat(graph.get("/identityProtection/riskyUsers").status()).isEqualTo(200);
    }
}
