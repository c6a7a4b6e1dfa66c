package org.ward.connector.graph;

import java.time.Clock;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;

import okhttp3.OkHttpClient;

/**
 * The credential and HTTP client Ward's Azure SDK clients (Blob storage, Key Vault) and its PostgreSQL Entra tokens
 * use: the managed identity, or Graph's app registration ({@code ward.azure.credential}), over OkHttp trusting the
 * CA of {@code ward.graph.trust.ca-certificate}, like the Graph client. Tokens are kept per scope until shortly before
 * they expire.
 */
public final class AzureAccess {

    private final AzureSettings settings;
    private final GraphSettings graph;
    private final TokenCredential credential;
    private final HttpClient httpClient;

    AzureAccess(AzureSettings settings, GraphSettings graph) {
        if (settings.graphApp() && graph.certificateSecretUrl() != null && !graph.certificateSecretUrl().isBlank()) {
            throw new AzureSettings.InvalidAzureSettingException("ward.azure.credential is graph-app, but the Graph app's"
                    + " certificate is read from Key Vault (ward.graph.certificate-secret-url), which needs an identity of"
                    + " its own: set ward.azure.credential to managed-identity.");
        }
        this.settings = settings;
        this.graph = graph;
        this.httpClient = new OkHttpAsyncHttpClientBuilder(okHttp(graph)).build();
        // Built on first use: most runs never touch an Azure resource, and DefaultAzureCredential probes its sources.
        TokenCredential[] source = new TokenCredential[1];
        TokenCredential lazy = new TokenCredential() {
            @Override
            public reactor.core.publisher.Mono<com.azure.core.credential.AccessToken> getToken(
                    com.azure.core.credential.TokenRequestContext request) {
                return source().getToken(request);
            }

            @Override
            public com.azure.core.credential.AccessToken getTokenSync(
                    com.azure.core.credential.TokenRequestContext request) {
                return source().getTokenSync(request);
            }

            private synchronized TokenCredential source() {
                if (source[0] == null) {
                    source[0] = AzureAccess.source(settings, graph, httpClient);
                }
                return source[0];
            }
        };
        this.credential = new ReusedAccessToken(lazy, Clock.systemUTC());
    }

    /**
     * Binds {@code ward.azure.*} and {@code ward.graph.*} itself, for a context that holds no Graph wiring (the
     * read-only commands' context, whose database connections may need an Entra token).
     */
    public static AzureAccess bind(org.springframework.boot.context.properties.bind.Binder binder) {
        return new AzureAccess(binder.bindOrCreate("ward.azure", AzureSettings.class),
                binder.bindOrCreate("ward.graph", GraphSettings.class));
    }

    /** Signs in as the configured identity (lazily: nothing is asked of Entra ID until a token is needed). */
    public TokenCredential credential() {
        return credential;
    }

    public HttpClient httpClient() {
        return httpClient;
    }

    /** Who Ward signs in as, for sentences that tell the administrator which identity needs a role. */
    public String identity() {
        if (settings.graphApp()) {
            return "the app registration " + graph.clientId();
        }
        String id = settings.managedIdentityClientId();
        return id == null || id.isBlank() ? "Ward's managed identity" : "the managed identity " + id.trim();
    }

    private static TokenCredential source(AzureSettings settings, GraphSettings graph, HttpClient http) {
        if (settings.graphApp()) {
            return GraphCredentials.create(graph);
        }
        String id = settings.managedIdentityClientId();
        if (id == null || id.isBlank()) {
            return new DefaultAzureCredentialBuilder().httpClient(http).build();
        }
        return new ManagedIdentityCredentialBuilder().clientId(id.trim()).httpClient(http).build();
    }

    private static OkHttpClient okHttp(GraphSettings graph) {
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectTimeout(graph.resilience().requestTimeout())
                .readTimeout(graph.resilience().requestTimeout())
                .writeTimeout(graph.resilience().requestTimeout());
        TlsTrust.of(graph.trust()).ifPresent(trust -> trust.applyTo(builder));
        return builder.build();
    }
}
