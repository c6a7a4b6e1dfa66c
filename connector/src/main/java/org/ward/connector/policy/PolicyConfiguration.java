package org.ward.connector.policy;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.ward.rules.policy.PolicyException;
import org.ward.rules.policy.PolicyLoader;
import org.ward.rules.policy.PolicyPack;

/**
 * Loads the policy pack once at start-up. A broken pack fails start-up with the {@link PolicyException} sentence
 * (file, line, field), which is what the operator needs to fix it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PolicySettings.class)
public class PolicyConfiguration {

    @Bean
    PolicyLoader policyLoader() {
        return PolicyLoader.fromClasspath();
    }

    @Bean
    PolicyPack policyPack(PolicyLoader policyLoader, PolicySettings settings) {
        return policyLoader.load(settings.pack());
    }
}
