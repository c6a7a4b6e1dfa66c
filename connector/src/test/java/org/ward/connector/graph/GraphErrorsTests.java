package org.ward.connector.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GraphErrorsTests {

    private final WireMockGraph graph = WireMockGraph.start();

    @AfterEach
    void stop() {
        graph.close();
    }

    @Test
    void accessDeniedOnDrivesNamesTheSitesAndFilesPermissions() {
        answer("/v1.0/sites/root/drives", 403, "accessDenied", "Access denied.");

        assertFails(() -> graph.client.sites().bySiteId("root").drives().get(),
                "Graph refused GET /sites/root/drives (403 accessDenied): the app lacks the application permission(s) "
                        + "Sites.Read.All or Files.Read.All; grant admin consent for Sites.Read.All or Files.Read.All "
                        + "to app " + TestSettings.CLIENT + ".");
    }

    @Test
    void authorizationRequestDeniedOnUsersNamesUserReadAll() {
        answer("/v1.0/users", 403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");

        assertFails(() -> graph.client.users().get(),
                "Graph refused GET /users (403 Authorization_RequestDenied): the app lacks the application permission(s) "
                        + "User.Read.All; grant admin consent for User.Read.All to app " + TestSettings.CLIENT + ".");
    }

    @Test
    void teamsNeedBothTeamAndChannelPermissions() {
        answer("/v1.0/teams/t1/channels", 403, "Forbidden", "Missing role permissions.");

        assertFails(() -> graph.client.teams().byTeamId("t1").channels().get(),
                "Graph refused GET /teams/t1/channels (403 Forbidden): the app lacks the application permission(s) "
                        + "Team.ReadBasic.All and Channel.ReadBasic.All; grant admin consent for Team.ReadBasic.All and "
                        + "Channel.ReadBasic.All to app " + TestSettings.CLIENT + ".");
    }

    @Test
    void anInvalidTokenPointsAtCloudScopeAndClock() {
        answer("/v1.0/drives/d1", 401, "InvalidAuthenticationToken", "Access token has expired or is not yet valid.");

        assertFails(() -> graph.client.drives().byDriveId("d1").get(),
                "Graph rejected Ward's access token for GET /drives/d1 (401 InvalidAuthenticationToken): Access token "
                        + "has expired or is not yet valid; make sure app " + TestSettings.CLIENT + " is registered in the "
                        + "cloud of " + graph.server.baseUrl() + "/v1.0, that ward.graph.scope is "
                        + "https://graph.microsoft.com/.default, and that this machine's clock is right.");
    }

    @Test
    void notFoundKeepsItsStatusForCallersThatExpectIt() {
        answer("/v1.0/drives/gone", 404, "itemNotFound", "The resource could not be found.");

        GraphAccessException failure = graph.errors.translate(catchFailure(() -> graph.client.drives().byDriveId("gone").get()));

        assertThat(failure).hasMessage("Graph found nothing at GET /drives/gone (404 itemNotFound): The resource could "
                + "not be found.");
        assertThat(failure.status()).isEqualTo(404);
        assertThat(failure.code()).isEqualTo("itemNotFound");
    }

    @Test
    void permissionHintsCoverTheIdentityFamilies() {
        assertThat(PermissionHints.forPath("/auditLogs/signIns")).map(PermissionHints.Hint::phrase).contains("AuditLog.Read.All");
        assertThat(PermissionHints.forPath("/reports/authenticationMethods/userRegistrationDetails"))
                .map(PermissionHints.Hint::phrase).contains("AuditLog.Read.All");
        assertThat(PermissionHints.forPath("/identity/conditionalAccess/policies")).map(PermissionHints.Hint::phrase)
                .contains("Policy.Read.All");
        assertThat(PermissionHints.forPath("/policies/identitySecurityDefaultsEnforcementPolicy"))
                .map(PermissionHints.Hint::phrase).contains("Policy.Read.All");
        assertThat(PermissionHints.forPath("/identityProtection/riskyUsers")).map(PermissionHints.Hint::phrase)
                .contains("IdentityRiskyUser.Read.All");
        assertThat(PermissionHints.forPath("/roleManagement/directory/roleAssignments")).map(PermissionHints.Hint::phrase)
                .contains("RoleManagement.Read.Directory");
        assertThat(PermissionHints.forPath("/users/u1/drive/root/children")).map(PermissionHints.Hint::phrase)
                .contains("Files.Read.All or Sites.Read.All");
        assertThat(PermissionHints.forPath("/groups/g1/members")).map(PermissionHints.Hint::phrase)
                .contains("Group.Read.All");
    }

    private void answer(String path, int status, String code, String message) {
        graph.server.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}")));
    }

    private void assertFails(Supplier<?> call, String sentence) {
        assertThatThrownBy(() -> graph.errors.call(call)).isInstanceOf(GraphAccessException.class).hasMessage(sentence);
    }

    private static RuntimeException catchFailure(Supplier<?> call) {
        try {
            call.get();
        } catch (RuntimeException failure) {
            return failure;
        }
        throw new AssertionError("expected the call to fail");
    }
}
