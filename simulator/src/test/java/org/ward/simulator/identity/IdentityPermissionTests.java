package org.ward.simulator.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.ward.simulator.GraphHttp;
import org.ward.simulator.Reply;
import org.ward.simulator.Simulator;

/** The application permissions Microsoft documents for each identity endpoint, refused as directory endpoints refuse. */
class IdentityPermissionTests {

    static Simulator simulator;
    static GraphHttp withoutIdentity;
    static GraphHttp auditLogOnly;

    @BeforeAll
    static void start() {
        simulator = IdentityClinic.start();
        withoutIdentity = IdentityClinic.withoutIdentity(simulator);
        auditLogOnly = IdentityClinic.auditLogOnly(simulator);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/reports/authenticationMethods/userRegistrationDetails", "/auditLogs/signIns",
        "/identityProtection/riskyUsers", "/identityProtection/riskDetections", "/identity/conditionalAccess/policies",
        "/policies/identitySecurityDefaultsEnforcementPolicy", "/roleManagement/directory/roleAssignments"})
    void refusesAnAppWithoutTheDocumentedPermission(String path) {
        Reply reply = withoutIdentity.get(path);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().path("error").path("code").asString()).isEqualTo("Authorization_RequestDenied");
    }

    @Test
    void signInsWithoutDirectoryReadAllFailWithTheLicenceErrorAsMicrosoftWarns() {
        Reply reply = auditLogOnly.get("/auditLogs/signIns");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().path("error").path("code").asString())
                .isEqualTo("Authentication_RequestFromNonPremiumTenantOrB2CTenant");
    }

    @Test
    void registrationDetailsNeedOnlyAuditLogReadAll() {
        assertThat(auditLogOnly.get("/reports/authenticationMethods/userRegistrationDetails").status()).isEqualTo(200);
    }
}
