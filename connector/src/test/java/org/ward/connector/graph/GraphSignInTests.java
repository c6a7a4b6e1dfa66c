package org.ward.connector.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.microsoft.graph.serviceclient.GraphServiceClient;

/**
 * The production sign-in path, end to end: WireMock over https (a certificate from a test CA that
 * {@code ward.graph.trust.ca-certificate} trusts) plays both the Entra token endpoint and Graph.
 */
class GraphSignInTests {

    private static final String TOKEN_PATH = "/" + TestSettings.TENANT + "/oauth2/v2.0/token";
    private static final String ACCESS_TOKEN = jwt("{\"aud\":\"https://graph.microsoft.com\",\"tid\":\""
            + TestSettings.TENANT + "\",\"appid\":\"" + TestSettings.CLIENT
            + "\",\"roles\":[\"User.Read.All\",\"Sites.Read.All\"],\"exp\":4102444800}");

    private final WireMockServer server = new WireMockServer(wireMockConfig().httpDisabled(true).dynamicHttpsPort()
            .keystorePath(GraphSettingsTests.resource("server.p12")).keystoreType("PKCS12")
            .keystorePassword("changeit").keyManagerPassword("changeit"));

    GraphSignInTests() {
        server.start();
        server.stubFor(get(urlEqualTo("/v1.0/drives/d1")).willReturn(okJson("{\"id\":\"d1\",\"name\":\"Documents\"}")));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void clientSecretGrantPostsToTheTenantsTokenEndpointAndGraphGetsTheBearerToken() {
        server.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(okJson(tokenResponse())));

        run(settings -> settings, context -> {
            context.getBean(GraphServiceClient.class).drives().byDriveId("d1").get();

            server.verify(postRequestedFor(urlEqualTo(TOKEN_PATH))
                    .withRequestBody(containing("grant_type=client_credentials"))
                    .withRequestBody(containing("client_id=" + TestSettings.CLIENT))
                    .withRequestBody(containing("client_secret=test-secret"))
                    .withRequestBody(containing("scope=https%3A%2F%2Fgraph.microsoft.com%2F.default")));
            server.verify(getRequestedFor(urlEqualTo("/v1.0/drives/d1"))
                    .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN)));
        });
    }

    @Test
    void graphCallsShareOneTokenUntilItNearsExpiry() {
        server.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(okJson(tokenResponse())));

        run(settings -> settings, context -> {
            GraphServiceClient graph = context.getBean(GraphServiceClient.class);
            for (int i = 0; i < 3; i++) {
                graph.drives().byDriveId("d1").get();
            }

            server.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)));
            server.verify(3, getRequestedFor(urlEqualTo("/v1.0/drives/d1")));
        });
    }

    @Test
    void aRejectedClientSecretBecomesTheSentenceThatNamesTheFix() {
        server.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret "
                        + "provided. Ensure the secret being sent in the request is the client secret value, not the "
                        + "client secret ID, for a secret added to app '" + TestSettings.CLIENT + "'. Trace ID: t "
                        + "Correlation ID: c Timestamp: 2026-11-23 09:00:00Z\",\"error_codes\":[7000215]}")));

        run(settings -> settings, context -> {
            GraphErrors errors = context.getBean(GraphErrors.class);
            GraphServiceClient client = context.getBean(GraphServiceClient.class);

            assertThatThrownBy(() -> errors.call(() -> client.drives().byDriveId("d1").get()))
                    .isInstanceOf(GraphAccessException.class)
                    .hasMessage("The tenant rejected Ward's client secret (AADSTS7000215): set ward.graph.client-secret "
                            + "to a current secret of app " + TestSettings.CLIENT + ".");
            server.verify(0, getRequestedFor(urlEqualTo("/v1.0/drives/d1")));
        });
    }

    @Test
    void aPemCertificateSignsInWithAClientAssertion() {
        server.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(okJson(tokenResponse())));

        run(settings -> settings.with("credential", "certificate").with("client-secret", null)
                .with("certificate-path", GraphSettingsTests.resource("client.pem")), context -> {
                    context.getBean(GraphServiceClient.class).drives().byDriveId("d1").get();

                    server.verify(postRequestedFor(urlEqualTo(TOKEN_PATH))
                            .withRequestBody(containing("client_assertion_type="
                                    + "urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer"))
                            .withRequestBody(containing("client_assertion=ey")));
                });
    }

    @Test
    void aPfxCertificateWithItsPasswordSignsIn() {
        server.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(okJson(tokenResponse())));

        run(settings -> settings.with("credential", "certificate").with("client-secret", null)
                .with("certificate-path", GraphSettingsTests.resource("client.pfx"))
                .with("certificate-password", "ward-test"), context -> {
                    context.getBean(GraphServiceClient.class).drives().byDriveId("d1").get();

                    server.verify(postRequestedFor(urlEqualTo(TOKEN_PATH)).withRequestBody(containing("client_assertion=")));
                });
    }

    @Test
    void theConnectionCheckListsTheApplicationPermissionsInTheToken() {
        server.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(okJson(tokenResponse())));

        run(settings -> settings, context -> {
            TokenPermissions granted = context.getBean(GraphConnectionCheck.class).grantedPermissions();

            assertThat(granted.roles()).containsExactly("Sites.Read.All", "User.Read.All");
            assertThat(granted.tenantId()).isEqualTo(TestSettings.TENANT);
            assertThat(granted.appId()).isEqualTo(TestSettings.CLIENT);
            assertThat(granted.audience()).isEqualTo("https://graph.microsoft.com");
            assertThat(granted.has("sites.read.all")).isTrue();
        });
    }

    @Test
    void anUntrustedAuthorityCertificateNamesTheTrustSetting() {
        run(settings -> settings.with("trust.ca-certificate", null), context -> {
            GraphConnectionCheck check = context.getBean(GraphConnectionCheck.class);

            assertThatThrownBy(check::grantedPermissions)
                    .isInstanceOf(GraphAccessException.class)
                    .hasMessageStartingWith("Ward does not trust the TLS certificate of the sign-in endpoint "
                            + "https://localhost:" + server.httpsPort())
                    .hasMessageEndingWith("set ward.graph.trust.ca-certificate to a PEM file holding the CA that "
                            + "issued it.");
        });
    }

    @Test
    void aMissingTenantIdStopsStartUpWithItsSentence() {
        run(settings -> settings.with("tenant-id", null), context -> assertThat(context).getFailure()
                .rootCause()
                .hasMessage("ward.graph.tenant-id is missing: set it to your Microsoft Entra tenant id (a GUID) or domain."));
    }

    private void run(UnaryOperator<TestSettings> customise, Consumer<AssertableApplicationContext> assertions) {
        String origin = "https://localhost:" + server.httpsPort();
        TestSettings settings = customise.apply(TestSettings.valid().pointingAt(origin)
                .with("trust.ca-certificate", GraphSettingsTests.resource("ca.pem")));
        new ApplicationContextRunner()
                .withUserConfiguration(GraphConfiguration.class)
                .withPropertyValues(settings.asPropertyValues())
                .run(assertions::accept);
    }

    private static String tokenResponse() {
        return "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,\"access_token\":\""
                + ACCESS_TOKEN + "\"}";
    }

    private static String jwt(String payload) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }
}
