package org.ward.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ward.simulator.auth.TokenService;
import org.ward.simulator.tenant.AppRegistration;

import tools.jackson.databind.JsonNode;

/** How Graph treats the bearer token: 401 for a missing, forged or expired one; 403 per service without roles. */
class GraphAuthenticationTests {

    static TestClock clock = TestClock.atNow();
    static Simulator simulator;
    static AppRegistration reader;
    static GraphHttp unprivileged;

    @BeforeAll
    static void start() {
        simulator = SmallClinic.start(Simulator.builder().clock(clock));
        reader = simulator.tenant().read(() -> simulator.tenant().app(SmallClinic.clientId(simulator, SmallClinic.READER)));
        unprivileged = SmallClinic.noPermissions(simulator);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void refusesACallWithoutATokenWithGraphsErrorBodyAndRequestIds() {
        Reply reply = GraphHttp.anonymous(simulator).get("/users", "client-request-id", "c0ffee00-0000-4000-8000-000000000001");

        assertThat(reply.status()).isEqualTo(401);
        JsonNode error = reply.json().path("error");
        assertThat(error.path("code").asString()).isEqualTo("InvalidAuthenticationToken");
        assertThat(error.path("message").asString()).isEqualTo("Access token is empty.");
        assertThat(error.path("innerError").path("request-id").asString()).isEqualTo(reply.header("request-id")).isNotBlank();
        assertThat(error.path("innerError").path("client-request-id").asString())
                .isEqualTo(reply.header("client-request-id")).isEqualTo("c0ffee00-0000-4000-8000-000000000001");
    }

    @Test
    void datesTheErrorInGraphsFormatWithoutFractionOrOffset() {
        Reply reply = GraphHttp.anonymous(simulator).get("/users");

        String date = reply.json().path("error").path("innerError").path("date").asString();
        assertThat(LocalDateTime.parse(date).toInstant(ZoneOffset.UTC)).isEqualTo(clock.instant());
        assertThat(date).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
    }

    @Test
    void answersWithoutAClientRequestIdWithTheRequestIdInBoth() {
        Reply reply = GraphHttp.anonymous(simulator).get("/users");

        assertThat(reply.header("client-request-id")).isEqualTo(reply.header("request-id")).isNotBlank();
    }

    @Test
    void refusesATokenSignedWithAnotherKey() {
        String forged = new TokenService(clock, Duration.ofHours(1)).issue(simulator.tenant(), reader,
                "https://graph.microsoft.com", false);

        Reply reply = GraphHttp.anonymous(simulator).withToken(forged).get("/users");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().path("error").path("code").asString()).isEqualTo("InvalidAuthenticationToken");
        assertThat(reply.json().path("error").path("message").asString()).contains("Invalid signature");
        assertThat(reply.header("request-id")).isNotBlank();
    }

    @Test
    void refusesAnExpiredToken() {
        String expired = simulator.tokens().issue(simulator.tenant(), reader, "https://graph.microsoft.com", false,
                clock.instant().minus(Duration.ofMinutes(61)));

        Reply reply = GraphHttp.anonymous(simulator).withToken(expired).get("/users");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().path("error").path("code").asString()).isEqualTo("InvalidAuthenticationToken");
        assertThat(reply.json().path("error").path("message").asString()).contains("expired");
    }

    @Test
    void refusesATokenIssuedForAnotherResource() {
        String forAzure = simulator.tokens().issue(simulator.tenant(), reader, "https://management.azure.com", false);

        Reply reply = GraphHttp.anonymous(simulator).withToken(forAzure).get("/users");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().path("error").path("message").asString()).contains("Invalid audience");
    }

    @Test
    void acceptsATokenUntilItsExpiryOnTheSimulatorsClock() {
        String token = simulator.tokens().issue(simulator.tenant(), reader, "https://graph.microsoft.com", false,
                clock.instant().minus(Duration.ofMinutes(59)));

        assertThat(GraphHttp.anonymous(simulator).withToken(token).get("/users").status()).isEqualTo(200);
    }

    @Test
    void refusesUsersToAnAppWithoutPermissionAsTheDirectoryDoes() {
        Reply reply = unprivileged.get("/users");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().path("error").path("code").asString()).isEqualTo("Authorization_RequestDenied");
        assertThat(reply.json().path("error").path("message").asString())
                .isEqualTo("Insufficient privileges to complete the operation.");
    }

    @Test
    void refusesDrivesToAnAppWithoutPermissionAsSharePointDoes() {
        Reply reply = unprivileged.get("/drives/" + SmallClinic.oneDrive(simulator, SmallClinic.ADA).id);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().path("error").path("code").asString()).isEqualTo("accessDenied");
    }

    @Test
    void refusesTeamsToAnAppWithoutPermissionAsTeamsDoes() {
        Reply reply = unprivileged.get("/teams");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().path("error").path("code").asString()).isEqualTo("Forbidden");
        assertThat(reply.json().path("error").path("message").asString()).contains("Team.ReadBasic.All");
    }
}
