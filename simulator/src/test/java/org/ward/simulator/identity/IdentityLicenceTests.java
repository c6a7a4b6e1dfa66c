package org.ward.simulator.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ward.simulator.GraphHttp;
import org.ward.simulator.Reply;
import org.ward.simulator.Simulator;
import org.ward.simulator.tenant.Premium;

/** What the identity endpoints answer a tenant without Entra ID P1 or P2, as Graph does. */
class IdentityLicenceTests {

    Simulator simulator;
    GraphHttp graph;

    @BeforeEach
    void start() {
        simulator = IdentityClinic.start();
        graph = IdentityClinic.ward(simulator);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    static void refusedForLicence(Reply reply) {
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().path("error").path("code").asString())
                .isEqualTo("Authentication_RequestFromNonPremiumTenantOrB2CTenant");
        assertThat(reply.json().path("error").path("message").asString())
                .isEqualTo("Neither tenant is B2C or tenant doesn't have premium license");
    }

    static void refusedAsNotLicensed(Reply reply) {
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().path("error").path("code").asString()).isEqualTo("Forbidden");
        assertThat(reply.json().path("error").path("message").asString()).isEqualTo("Your tenant is not licensed for this feature.");
    }

    @Test
    void signInsNeedAPremiumLicence() {
        IdentityClinic.licence(simulator, Premium.NONE);

        refusedForLicence(graph.get("/auditLogs/signIns"));
    }

    @Test
    void registrationDetailsNeedAPremiumLicence() {
        IdentityClinic.licence(simulator, Premium.NONE);

        refusedForLicence(graph.get("/reports/authenticationMethods/userRegistrationDetails"));
    }

    @Test
    void conditionalAccessNeedsP1() {
        IdentityClinic.licence(simulator, Premium.NONE);

        refusedAsNotLicensed(graph.get("/identity/conditionalAccess/policies"));
    }

    @Test
    void riskyUsersNeedP2() {
        IdentityClinic.licence(simulator, Premium.P1);

        refusedAsNotLicensed(graph.get("/identityProtection/riskyUsers"));
    }

    @Test
    void riskDetectionsOnP1ShowPremiumDetectionsAsGeneric() {
        IdentityClinic.licence(simulator, Premium.P1);

        Reply reply = graph.get("/identityProtection/riskDetections");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("value").get(0).path("riskEventType").asString()).isEqualTo("generic");
    }

    @Test
    void riskDetectionsNeedAtLeastP1() {
        IdentityClinic.licence(simulator, Premium.NONE);

        refusedAsNotLicensed(graph.get("/identityProtection/riskDetections"));
    }

    @Test
    void signInRiskFieldsAreHiddenWithoutP2() {
        IdentityClinic.licence(simulator, Premium.P1);

        Reply reply = graph.get("/auditLogs/signIns?$top=5");

        assertThat(reply.json().path("value")).isNotEmpty().allSatisfy(s -> {
            assertThat(s.path("riskLevelDuringSignIn").asString()).isEqualTo("hidden");
            assertThat(s.path("riskLevelAggregated").asString()).isEqualTo("hidden");
            assertThat(s.path("riskDetail").asString()).isEqualTo("hidden");
            // riskState has no "hidden" member (microsoft.graph.riskState): without P2 it reads none.
            assertThat(s.path("riskState").asString()).isEqualTo("none");
        });
    }

    @Test
    void securityDefaultsAreReadableOnEveryLicence() {
        IdentityClinic.licence(simulator, Premium.NONE);

        Reply reply = graph.get("/policies/identitySecurityDefaultsEnforcementPolicy");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("isEnabled").asBoolean()).isFalse();
    }
}
