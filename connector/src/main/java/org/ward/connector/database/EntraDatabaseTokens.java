package org.ward.connector.database;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.ward.connector.graph.AzureAccess;

import com.azure.core.credential.TokenRequestContext;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.Credentials;

/**
 * With {@code ward.database.entra-authentication}, each new PostgreSQL connection signs in with a fresh Microsoft
 * Entra access token as its password (Hikari asks its credentials provider for every connection it opens), as Azure
 * Database for PostgreSQL expects of an Entra principal
 * (https://learn.microsoft.com/azure/postgresql/flexible-server/how-to-configure-sign-in-azure-ad-authentication).
 * Tokens are kept until shortly before they expire; a connection already open stays valid after its token expires.
 */
@Configuration(proxyBeanMethods = false)
public class EntraDatabaseTokens {

    @Bean
    static BeanPostProcessor entraDatabasePassword(Environment environment, ObjectProvider<AzureAccess> azure) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource hikari) {
                    Binder binder = Binder.get(environment);
                    DatabaseSettings settings = binder.bindOrCreate("ward.database", DatabaseSettings.class);
                    if (settings.entraAuthentication()) {
                        String scope = settings.scope(environment.getProperty("ward.graph.cloud"));
                        String username = hikari.getUsername();
                        if (username == null || username.isBlank()) {
                            throw new DatabaseConfigurationException("ward.database.entra-authentication is on but"
                                    + " spring.datasource.username is empty: set it to the PostgreSQL role of Ward's Entra"
                                    + " identity (for a managed identity, the name it was added to the server with).");
                        }
                        hikari.setCredentialsProvider(new Tokens(username, scope, azure, binder));
                    }
                }
                return bean;
            }
        };
    }

    /** The provider Hikari calls for each connection it opens. */
    private static final class Tokens implements com.zaxxer.hikari.HikariCredentialsProvider {

        private final String username;
        private final TokenRequestContext request;
        private final ObjectProvider<AzureAccess> context;
        private final Binder binder;
        private AzureAccess azure;

        Tokens(String username, String scope, ObjectProvider<AzureAccess> context, Binder binder) {
            this.username = username;
            this.request = new TokenRequestContext().addScopes(scope);
            this.context = context;
            this.binder = binder;
        }

        @Override
        public Credentials getCredentials() {
            String token;
            try {
                token = azure().credential().getTokenSync(request).getToken();
            } catch (RuntimeException e) {
                String detail = e.getMessage() == null ? e.getClass().getSimpleName()
                        : e.getMessage().strip().lines().findFirst().orElse("");
                throw new IllegalStateException("Ward could not get an Entra token for PostgreSQL as "
                        + azure().identity() + " (ward.database.entra-authentication): " + detail, e);
            }
            return Credentials.of(username, token);
        }

        private synchronized AzureAccess azure() {
            if (azure == null) {
                // The full context has the bean; the read-only commands' context binds the settings itself.
                azure = context.getIfAvailable(() -> AzureAccess.bind(binder));
            }
            return azure;
        }
    }
}
