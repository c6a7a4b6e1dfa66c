package org.ward.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tokens that end before their expiry, as a revoked secret or Entra's early expiry makes them: Graph answers 401
 * InvalidAuthenticationToken to them, and a token the app signs in for afresh works.
 */
class EarlyTokenExpiryTests {

    Simulator simulator;

    @BeforeEach
    void start() {
        simulator = SmallClinic.start(Simulator.builder());
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void aTokenEndedEarlyIsRefusedUntilTheAppSignsInAgain() {
        GraphHttp before = SmallClinic.reader(simulator);
        assertThat(before.get("/users").status()).isEqualTo(200);

        simulator.tokens().expireIssuedTokens();

        Reply refused = before.get("/users");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("error").path("code").asString()).isEqualTo("InvalidAuthenticationToken");
        assertThat(refused.json().path("error").path("message").asString())
                .isEqualTo("Lifetime validation failed, the token is expired.");
        assertThat(SmallClinic.reader(simulator).get("/users").status()).isEqualTo(200);
    }

    @Test
    void tokensCanBeMadeToExpireEarlyAfterSomeRequests() {
        try {
            simulator.tokens().expireTokensAfter(2);
            GraphHttp graph = SmallClinic.reader(simulator);
            assertThat(graph.get("/users").status()).isEqualTo(200);
            assertThat(graph.get("/users").status()).isEqualTo(200);
            assertThat(graph.get("/users").status()).isEqualTo(401);
        } finally {
            simulator.tokens().expireTokensAfter(0);
        }
    }

}
