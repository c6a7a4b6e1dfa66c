package org.ward.simulator.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ward.simulator.GraphHttp;
import org.ward.simulator.Simulator;

import tools.jackson.databind.JsonNode;

/** userRegistrationDetails speaks microsoft.graph.userDefaultAuthenticationMethod, "none" included. */
class RegistrationDetailsTests {

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

    static JsonNode row(String upn) {
        return graph.get("/reports/authenticationMethods/userRegistrationDetails").json().path("value").valueStream()
                .filter(r -> r.path("userPrincipalName").asString().equals(upn)).findFirst().orElseThrow();
    }

    @Test
    void aUserWithNoSecondFactorPrefersNone() {
        JsonNode ben = row(IdentityClinic.BEN);

        assertThat(ben.path("userPreferredMethodForSecondaryAuthentication").asString()).isEqualTo("none");
        assertThat(ben.path("systemPreferredAuthenticationMethods")).isEmpty();
    }

    @Test
    void aUserWithOnlyAnEmailForPasswordResetPrefersNone() {
        assertThat(row(IdentityClinic.CARA).path("userPreferredMethodForSecondaryAuthentication").asString()).isEqualTo("none");
    }

    @Test
    void aUserWithTheAuthenticatorPrefersPush() {
        assertThat(row(IdentityClinic.ADA).path("userPreferredMethodForSecondaryAuthentication").asString()).isEqualTo("push");
    }
}
