package org.ward.simulator;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder;
import com.azure.identity.ClientCertificateCredentialBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AzureIdentityAuthenticationProvider;

import okhttp3.OkHttpClient;

/**
 * Official SDK clients pointed at a running simulator, trusting its CA, for the simulator's fidelity tests.
 * (The connector builds its own client through its graph package; this is the minimum a test needs.)
 */
final class SdkClients {

    private SdkClients() {
    }

    static OkHttpClient http(Simulator simulator) {
        try {
            X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                    new ByteArrayInputStream(Files.readString(simulator.info().caCertificate()).getBytes(StandardCharsets.US_ASCII)));
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("simulator", ca);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return new OkHttpClient.Builder()
                    .sslSocketFactory(context.getSocketFactory(), (X509TrustManager) tmf.getTrustManagers()[0]).build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static TokenCredential secret(Simulator simulator, String clientId, String secret) {
        return new ClientSecretCredentialBuilder().tenantId(simulator.info().tenantId()).clientId(clientId)
                .clientSecret(secret).authorityHost(simulator.info().authority()).disableInstanceDiscovery()
                .httpClient(new OkHttpAsyncHttpClientBuilder(http(simulator)).build()).build();
    }

    static TokenCredential certificate(Simulator simulator) {
        return new ClientCertificateCredentialBuilder().tenantId(simulator.info().tenantId())
                .clientId(simulator.info().clientId()).pemCertificate(simulator.info().clientCertificate().toString())
                .authorityHost(simulator.info().authority()).disableInstanceDiscovery()
                .httpClient(new OkHttpAsyncHttpClientBuilder(http(simulator)).build()).build();
    }

    static GraphServiceClient graph(Simulator simulator, TokenCredential credential) {
        AzureIdentityAuthenticationProvider auth = new AzureIdentityAuthenticationProvider(credential,
                new String[] {"localhost"}, "https://graph.microsoft.com/.default");
        OkHttpClient http = GraphClientFactory.create().sslSocketFactory(http(simulator).sslSocketFactory(),
                (X509TrustManager) trustManager(simulator)).build();
        GraphServiceClient client = new GraphServiceClient(auth, http);
        client.getRequestAdapter().setBaseUrl(simulator.info().graphBaseUrl());
        return client;
    }

    static GraphServiceClient graph(Simulator simulator) {
        return graph(simulator, secret(simulator, simulator.info().clientId(), simulator.info().clientSecret()));
    }

    private static X509TrustManager trustManager(Simulator simulator) {
        return (X509TrustManager) http(simulator).x509TrustManager();
    }
}
