package org.ward.connector.inventory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code ward.inventory.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InventorySettings.class)
class InventoryConfiguration {
}
