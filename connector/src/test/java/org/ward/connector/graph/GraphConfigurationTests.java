package org.ward.connector.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.ClientCertificateCredential;
import com.azure.identity.ManagedIdentityCredential;
import com.microsoft.graph.serviceclient.GraphServiceClient;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class GraphConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(GraphConfiguration.class);

    @Test
    void exposesOneClientAndItsCompanions() {
        runner.withPropertyValues(TestSettings.valid().asPropertyValues()).run(context -> {
            assertThat(context).hasSingleBean(GraphServiceClient.class).hasSingleBean(GraphBatch.class)
                    .hasSingleBean(GraphErrors.class).hasSingleBean(GraphConnectionCheck.class)
                    .hasSingleBean(GraphTraffic.class).hasSingleBean(TokenCredential.class);
            assertThat(context.getBean(GraphServiceClient.class).getRequestAdapter().getBaseUrl())
                    .isEqualTo("https://graph.microsoft.com/v1.0");
        });
    }

    @Test
    void usesTheNationalCloudsGraphRoot() {
        runner.withPropertyValues(TestSettings.valid().with("cloud", "usgov").asPropertyValues()).run(context ->
                assertThat(context.getBean(GraphServiceClient.class).getRequestAdapter().getBaseUrl())
                        .isEqualTo("https://graph.microsoft.us/v1.0"));
    }

    @Test
    void buildsTheCredentialTheSettingsAskFor() {
        runner.withPropertyValues(TestSettings.valid().with("credential", "certificate").with("client-secret", null)
                .with("certificate-path", GraphSettingsTests.resource("client.pem")).asPropertyValues())
                .run(context -> assertThat(signIn(context.getBean(TokenCredential.class)))
                        .isInstanceOf(ClientCertificateCredential.class));
        runner.withPropertyValues(TestSettings.empty().with("credential", "managed-identity").asPropertyValues())
                .run(context -> assertThat(signIn(context.getBean(TokenCredential.class)))
                        .isInstanceOf(ManagedIdentityCredential.class));
    }

    /** The azure-identity credential behind the token reuse. */
    private static TokenCredential signIn(TokenCredential bean) {
        assertThat(bean).isInstanceOf(ReusedAccessToken.class);
        return ((ReusedAccessToken) bean).source();
    }

    @Test
    void countsIntoTheApplicationsMeterRegistryWhenThereIsOne() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        runner.withBean(MeterRegistry.class, () -> registry)
                .withPropertyValues(TestSettings.valid().asPropertyValues())
                .run(context -> assertThat(registry.find("ward.graph.throttled").counter()).isNotNull());
    }
}
