package org.ward.connector.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GraphSettingsTests {

    static String resource(String name) {
        return Path.of("src/test/resources/graph/tls", name).toAbsolutePath().toString();
    }

    @Test
    void missingTenantIdNamesTheSettingAndWhatToSetItTo() {
        assertThatThrownBy(() -> TestSettings.valid().with("tenant-id", null).bind())
                .rootCause()
                .isInstanceOf(InvalidGraphSettingException.class)
                .hasMessage("ward.graph.tenant-id is missing: set it to your Microsoft Entra tenant id (a GUID) or domain.");
    }

    @Test
    void unreadableCertificateIsReportedAtStartUp() {
        assertThatThrownBy(() -> TestSettings.valid().with("credential", "certificate")
                .with("certificate-path", "/x/y.pem").bind())
                .rootCause()
                .hasMessage("ward.graph.certificate-path /x/y.pem cannot be read: no such file; "
                        + "make the certificate file readable by the Ward process.");
    }

    @Test
    void httpAuthorityIsRefusedBecauseMsalOnlySignsInOverHttps() {
        assertThatThrownBy(() -> TestSettings.valid().with("authority", "http://localhost:9443").bind())
                .rootCause()
                .hasMessage("ward.graph.authority http://localhost:9443 uses http, but Microsoft's identity library "
                        + "(MSAL) only signs in against https authorities: use https (for a local simulator serve it "
                        + "over TLS and trust its CA with ward.graph.trust.ca-certificate).");
    }

    @Test
    void wrongPfxPasswordIsReportedAtStartUp() {
        assertThatThrownBy(() -> TestSettings.valid().with("credential", "certificate")
                .with("certificate-path", resource("client.pfx")).with("certificate-password", "wrong").bind())
                .rootCause()
                .hasMessageStartingWith("ward.graph.certificate-password does not open " + resource("client.pfx"))
                .hasMessageEndingWith("set it to the password the PFX file was exported with.");
    }

    @Test
    void missingClientSecretNamesTheApp() {
        assertThatThrownBy(() -> TestSettings.valid().with("client-secret", null).bind())
                .rootCause()
                .hasMessageStartingWith("ward.graph.client-secret is missing: set it to a current client secret of app "
                        + TestSettings.CLIENT);
    }

    @Test
    void unknownCloudListsTheChoices() {
        assertThatThrownBy(() -> TestSettings.valid().with("cloud", "mars").bind())
                .rootCause()
                .hasMessage("ward.graph.cloud 'mars' is not one of global, usgov, dod, china, custom: pick the "
                        + "Microsoft cloud your tenant lives in (global also covers GCC).");
    }

    @Test
    void customCloudNeedsABaseUrl() {
        assertThatThrownBy(() -> TestSettings.valid().with("cloud", "custom").bind())
                .rootCause()
                .hasMessageStartingWith("ward.graph.base-url is missing while ward.graph.cloud is custom");
    }

    @Test
    void unreadableTrustedCaIsReportedAtStartUp() {
        assertThatThrownBy(() -> TestSettings.valid().with("trust.ca-certificate", "/nowhere/ca.pem").bind())
                .rootCause()
                .hasMessageStartingWith("ward.graph.trust.ca-certificate /nowhere/ca.pem cannot be read: no such file");
    }

    @ParameterizedTest
    @CsvSource({
        "global, https://graph.microsoft.com/v1.0, https://login.microsoftonline.com, https://graph.microsoft.com/.default",
        "usgov, https://graph.microsoft.us/v1.0, https://login.microsoftonline.us, https://graph.microsoft.us/.default",
        "dod, https://dod-graph.microsoft.us/v1.0, https://login.microsoftonline.us, https://dod-graph.microsoft.us/.default",
        "china, https://microsoftgraph.chinacloudapi.cn/v1.0, https://login.chinacloudapi.cn, https://microsoftgraph.chinacloudapi.cn/.default"
    })
    void presetsResolveToTheirCloudsUrls(String cloud, String baseUrl, String authority, String scope) {
        GraphEndpoints endpoints = TestSettings.valid().with("cloud", cloud).bind().endpoints();

        assertThat(endpoints).isEqualTo(new GraphEndpoints(URI.create(baseUrl), URI.create(authority), scope));
    }

    @Test
    void customUrlsOverrideThePresetAndKeepTheGlobalScope() {
        GraphEndpoints endpoints = TestSettings.valid().with("cloud", "custom")
                .with("base-url", "https://localhost:9443/v1.0/").with("authority", "https://localhost:9443").bind()
                .endpoints();

        assertThat(endpoints.baseUrl()).isEqualTo(URI.create("https://localhost:9443/v1.0"));
        assertThat(endpoints.authority()).isEqualTo(URI.create("https://localhost:9443"));
        assertThat(endpoints.scope()).isEqualTo("https://graph.microsoft.com/.default");
        assertThat(endpoints.graphHost()).isEqualTo("localhost");
    }

    @Test
    void defaultsFollowMicrosoftsBudgetForSmallTenants() {
        GraphSettings settings = TestSettings.valid().bind();

        assertThat(settings.credentialType()).isEqualTo(CredentialType.CLIENT_SECRET);
        assertThat(settings.resilience().maxConcurrentRequests()).isEqualTo(8);
        assertThat(settings.resilience().maxRetries()).isEqualTo(6);
        assertThat(settings.resilience().resourceUnitsPerMinute()).isEqualTo(1250);
        assertThat(settings.resilience().resourceUnitLimit()).isEqualTo(1125);
        assertThat(settings.resilience().breaker().openFor()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.userAgent().header()).startsWith("NONISV|Ward|Ward/");
    }

    @Test
    void secretsStayOutOfToString() {
        assertThat(TestSettings.valid().bind().toString()).doesNotContain("test-secret");
    }

    @Test
    void unknownAuthorityHostsTurnInstanceDiscoveryOff() {
        assertThat(GraphCredentials.needsInstanceDiscoveryOff(TestSettings.valid().bind())).isFalse();
        assertThat(GraphCredentials.needsInstanceDiscoveryOff(
                TestSettings.valid().with("authority", "https://localhost:9443").bind())).isTrue();
    }
}
