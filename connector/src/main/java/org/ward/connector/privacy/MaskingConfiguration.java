package org.ward.connector.privacy;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.ward.rules.classify.IdentifierMasking;
import org.ward.rules.policy.PolicyPack;

/**
 * How Ward masks identifiers in whatever it shows or stores, and the clock it stamps records with: beans every
 * command's context needs, the read-only commands' included.
 */
@Configuration(proxyBeanMethods = false)
public class MaskingConfiguration {

    @Bean
    IdentifierMasking identifierMasking(PolicyPack policy) {
        return new IdentifierMasking(policy.identifiers());
    }

    @Bean
    Clock wardClock() {
        return Clock.systemUTC();
    }
}
