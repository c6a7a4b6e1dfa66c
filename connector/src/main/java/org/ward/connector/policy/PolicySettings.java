package org.ward.connector.policy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ward.policy.*}: which policy pack is in force.
 *
 * @param pack a built-in pack name (nhs-england, hipaa, au-privacy), {@code classpath:...}, or a file path such as
 *     policies/my-trust.yaml
 */
@ConfigurationProperties("ward.policy")
public record PolicySettings(@DefaultValue("nhs-england") String pack) {
}
