package org.ward.connector.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ward.privacy.*}.
 *
 * @param installationKey the installation key, base64 of at least 32 random bytes, given by the environment (in Azure
 *     {@code WARD_PRIVACY_INSTALLATION_KEY} from Key Vault through the container app's secret) so that containers,
 *     whose file systems are new at each start, keep one key; empty to keep it in {@code <data-dir>/installation.key}
 */
@ConfigurationProperties("ward.privacy")
public record PrivacySettings(String installationKey) {

    public boolean keyConfigured() {
        return installationKey != null && !installationKey.isBlank();
    }
}
