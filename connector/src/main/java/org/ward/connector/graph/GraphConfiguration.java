package org.ward.connector.graph;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.azure.core.credential.TokenCredential;
import com.microsoft.graph.serviceclient.GraphServiceClient;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

/**
 * The Graph beans: settings, traffic counters, the shared resilience state, the credential, one
 * {@link GraphServiceClient}, the {@code $batch} helper, error translation and the connection check.
 * A {@link Sleeper}, {@link Clock} or {@link MeterRegistry} bean, when present, is used instead of the default.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({GraphSettings.class, AzureSettings.class})
public class GraphConfiguration {

    @Bean
    GraphTraffic graphTraffic(ObjectProvider<MeterRegistry> registry) {
        return new GraphTraffic(registry.getIfUnique(() -> Metrics.globalRegistry));
    }

    @Bean
    GraphResilience graphResilience(GraphSettings settings, GraphTraffic traffic, ObjectProvider<Clock> clock,
            ObjectProvider<Sleeper> sleeper) {
        return new GraphResilience(settings, traffic, clock.getIfUnique(Clock::systemUTC),
                sleeper.getIfUnique(Sleeper::system));
    }

    @Bean
    TokenCredential wardGraphCredential(GraphSettings settings, AzureAccess azureAccess) {
        // Token lifetimes are wall-clock time, whatever clock the scan itself runs on.
        return new ReusedAccessToken(GraphCredentials.create(settings, azureAccess), Clock.systemUTC());
    }

    @Bean
    AzureAccess azureAccess(AzureSettings azure, GraphSettings settings) {
        return new AzureAccess(azure, settings);
    }

    @Bean
    GraphServiceClient graphServiceClient(GraphSettings settings, GraphResilience resilience,
            TokenCredential wardGraphCredential) {
        String scope = settings.endpoints().scope();
        return new GraphClients(settings, resilience).create(GraphClients.azureIdentity(wardGraphCredential, settings),
                wardGraphCredential instanceof ReusedAccessToken reused ? () -> reused.renew(scope) : null);
    }

    @Bean
    GraphErrors graphErrors(GraphSettings settings) {
        return new GraphErrors(settings);
    }

    @Bean
    GraphBatch graphBatch(GraphServiceClient graphServiceClient, GraphResilience resilience, GraphErrors errors) {
        return new GraphBatch(graphServiceClient, resilience, errors);
    }

    @Bean
    GraphConnectionCheck graphConnectionCheck(TokenCredential wardGraphCredential, GraphSettings settings,
            GraphErrors errors) {
        return new GraphConnectionCheck(wardGraphCredential, settings, errors);
    }
}
