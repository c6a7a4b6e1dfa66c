package org.ward.connector.graph;

import java.util.concurrent.TimeUnit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.azure.core.credential.TokenCredential;
import com.microsoft.graph.core.authentication.AzureIdentityAuthenticationProvider;
import com.microsoft.graph.core.requests.BaseGraphRequestAdapter;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.core.requests.options.GraphClientOption;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.RequestOption;
import com.microsoft.kiota.authentication.AuthenticationProvider;
import com.microsoft.kiota.http.middleware.RetryHandler;
import com.microsoft.kiota.http.middleware.options.UserAgentHandlerOption;

import okhttp3.ConnectionPool;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * Builds the Graph SDK client the one way Ward uses it: msgraph-core's default middleware with Kiota's
 * {@code RetryHandler} replaced by Ward's resilience interceptor (exactly one retry layer), Microsoft's
 * decorated User-Agent, the configured TLS trust and base URL. Authentication is a parameter so tests can
 * run this same path against WireMock with an anonymous provider.
 */
public final class GraphClients {

    private final GraphSettings settings;
    private final GraphResilience resilience;

    public GraphClients(GraphSettings settings, GraphResilience resilience) {
        this.settings = settings;
        this.resilience = resilience;
    }

    /**
     * The token provider only sends tokens to the allowed hosts and only over https, so both the allowed host
     * and the scope come from the same settings the requests are sent with.
     */
    public static AuthenticationProvider azureIdentity(TokenCredential credential, GraphSettings settings) {
        GraphEndpoints endpoints = settings.endpoints();
        return new AzureIdentityAuthenticationProvider(credential, new String[] {endpoints.graphHost()},
                endpoints.scope());
    }

    public GraphServiceClient create(AuthenticationProvider authentication) {
        return create(authentication, null);
    }

    /**
     * @param renewal signs in again when Graph answers 401 to a token that should still be valid (revoked or expired
     *     early); null when the authentication cannot be renewed
     */
    GraphServiceClient create(AuthenticationProvider authentication, java.util.function.Supplier<String> renewal) {
        String baseUrl = settings.endpoints().baseUrl().toString();
        GraphServiceClient client = new GraphServiceClient(
                new BaseGraphRequestAdapter(authentication, baseUrl, httpClient(renewal)));
        client.getRequestAdapter().setBaseUrl(baseUrl);
        return client;
    }

    OkHttpClient httpClient() {
        return httpClient(null);
    }

    OkHttpClient httpClient(java.util.function.Supplier<String> renewal) {
        UserAgentHandlerOption userAgent = new UserAgentHandlerOption();
        userAgent.setProductName(settings.userAgent().product());
        userAgent.setProductVersion(settings.userAgent().resolvedVersion());
        GraphClientOption graphOption = GraphServiceClient.getGraphClientOptions();
        Interceptor[] defaults = GraphClientFactory.createDefaultGraphInterceptors(
                new RequestOption[] {graphOption, userAgent});
        List<Interceptor> chain = new ArrayList<>();
        for (Interceptor interceptor : defaults) {
            chain.add(interceptor instanceof RetryHandler ? new ResilienceInterceptor(resilience, renewal) : interceptor);
        }
        if (chain.stream().noneMatch(ResilienceInterceptor.class::isInstance)) {
            // the SDK changed its defaults; Ward still retries exactly once
            chain.add(new ResilienceInterceptor(resilience, renewal));
        }
        ResilienceSettings limits = settings.resilience();
        OkHttpClient.Builder builder = GraphClientFactory.create(graphOption, chain)
                // Retries live in Ward's interceptor only: OkHttp's own silent retry would be a second layer.
                .retryOnConnectionFailure(false)
                // Waits for Retry-After happen inside the call, so a whole-call deadline would cut them short.
                .callTimeout(Duration.ZERO)
                .connectTimeout(limits.requestTimeout())
                .readTimeout(limits.requestTimeout())
                .writeTimeout(limits.requestTimeout())
                .connectionPool(new ConnectionPool(limits.maxConcurrentRequests(), 5, TimeUnit.MINUTES));
        TlsTrust.of(settings.trust()).ifPresent(trust -> trust.applyTo(builder));
        return builder.build();
    }
}
