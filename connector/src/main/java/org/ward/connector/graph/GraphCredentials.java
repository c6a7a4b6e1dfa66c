package org.ward.connector.graph;

import java.util.Locale;
import java.util.Set;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder;
import com.azure.identity.AadCredentialBuilderBase;
import com.azure.identity.ClientCertificateCredentialBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;

import okhttp3.OkHttpClient;

/**
 * Builds the azure-identity credential Ward signs in with: client secret, certificate (PEM or PFX) or managed
 * identity, against the configured authority, over an OkHttp client that trusts the configured CA.
 */
final class GraphCredentials {

    /** Authorities Microsoft's instance discovery knows; anything else is a private cloud or a simulator. */
    static final Set<String> KNOWN_AUTHORITY_HOSTS = Set.of("login.microsoftonline.com", "login.microsoft.com",
            "login.windows.net", "login.microsoftonline.us", "login.chinacloudapi.cn",
            "login.partner.microsoftonline.cn", "login.microsoftonline.de");

    private GraphCredentials() {
    }

    static TokenCredential create(GraphSettings settings) {
        return create(settings, null);
    }

    /** With {@code azure}, the identity that reads the certificate when it is in Key Vault. */
    static TokenCredential create(GraphSettings settings, AzureAccess azure) {
        HttpClient http = new OkHttpAsyncHttpClientBuilder(identityHttpClient(settings)).build();
        return switch (settings.credentialType()) {
            case CLIENT_SECRET -> aad(new ClientSecretCredentialBuilder().clientSecret(settings.clientSecret()),
                    settings).httpClient(http).build();
            case CERTIFICATE -> settings.certificateSecretUrl() != null && !settings.certificateSecretUrl().isBlank()
                    ? keyVaultCertificate(settings, azure, http)
                    : aad(certificate(settings), settings).httpClient(http).build();
            case MANAGED_IDENTITY -> managedIdentity(settings).httpClient(http).build();
        };
    }

    /**
     * MSAL validates an authority it does not know by asking login.microsoftonline.com (instance discovery);
     * a private authority or a local simulator would fail that, so discovery is off for unknown hosts.
     */
    static boolean needsInstanceDiscoveryOff(GraphSettings settings) {
        String host = settings.endpoints().authority().getHost().toLowerCase(Locale.ROOT);
        return !KNOWN_AUTHORITY_HOSTS.contains(host);
    }

    private static <T extends AadCredentialBuilderBase<T>> T aad(T builder, GraphSettings settings) {
        builder.tenantId(settings.tenantId().trim())
                .clientId(settings.clientId().trim())
                .authorityHost(settings.endpoints().authority().toString());
        return needsInstanceDiscoveryOff(settings) ? builder.disableInstanceDiscovery() : builder;
    }

    /**
     * The certificate is read from Key Vault when the first token is needed, not at start: ward serve starts (and
     * says on its readiness probe) while Key Vault cannot be reached, and a scan names the setting in one sentence.
     */
    private static TokenCredential keyVaultCertificate(GraphSettings settings, AzureAccess azure, HttpClient http) {
        if (azure == null) {
            throw new InvalidGraphSettingException("ward.graph.certificate-secret-url needs Ward's Azure identity"
                    + " (ward.azure.*), which this command does not start.");
        }
        TokenCredential[] loaded = new TokenCredential[1];
        return new TokenCredential() {
            @Override
            public reactor.core.publisher.Mono<com.azure.core.credential.AccessToken> getToken(
                    com.azure.core.credential.TokenRequestContext request) {
                return reactor.core.publisher.Mono.fromCallable(this::source).flatMap(source -> source.getToken(request));
            }

            @Override
            public com.azure.core.credential.AccessToken getTokenSync(com.azure.core.credential.TokenRequestContext request) {
                return source().getTokenSync(request);
            }

            private synchronized TokenCredential source() {
                if (loaded[0] == null) {
                    loaded[0] = aad(KeyVaultCertificate.load(new ClientCertificateCredentialBuilder(),
                            settings.certificateSecretUrl(), azure), settings).httpClient(http).build();
                }
                return loaded[0];
            }
        };
    }

    private static ClientCertificateCredentialBuilder certificate(GraphSettings settings) {
        String path = settings.certificatePath().trim();
        ClientCertificateCredentialBuilder builder = new ClientCertificateCredentialBuilder();
        if (CertificateFile.of(path) == CertificateFile.PEM) {
            return builder.pemCertificate(path);
        }
        builder.pfxCertificate(path);
        return settings.certificatePassword() == null ? builder
                : builder.clientCertificatePassword(settings.certificatePassword());
    }

    private static ManagedIdentityCredentialBuilder managedIdentity(GraphSettings settings) {
        ManagedIdentityCredentialBuilder builder = new ManagedIdentityCredentialBuilder();
        String id = settings.managedIdentityClientId();
        return id == null || id.isBlank() ? builder : builder.clientId(id.trim());
    }

    private static OkHttpClient identityHttpClient(GraphSettings settings) {
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectTimeout(settings.resilience().requestTimeout())
                .readTimeout(settings.resilience().requestTimeout());
        TlsTrust.of(settings.trust()).ifPresent(trust -> trust.applyTo(builder));
        return builder.build();
    }
}
