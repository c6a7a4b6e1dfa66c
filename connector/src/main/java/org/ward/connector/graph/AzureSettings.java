package org.ward.connector.graph;

import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.ward.connector.ConfigurationProblem;

/**
 * {@code ward.azure.*}: how Ward signs in to the Azure resources of its deployment (the storage account that keeps
 * copies of reports and evidence packs, Key Vault, PostgreSQL with Entra authentication), as opposed to Graph.
 *
 * @param credential {@code managed-identity} (default: the identity of the container app or VM, the one the ARM
 *     templates create and grant the roles to) or {@code graph-app} (the app registration Ward signs in to Graph
 *     with, its secret or certificate file, through the same authority and trusted CA: for hosts outside Azure whose
 *     app registration holds the roles)
 * @param managedIdentityClientId the client id of the user-assigned managed identity; empty leaves the choice to
 *     azure-identity's DefaultAzureCredential, which reads {@code AZURE_CLIENT_ID} (the templates set both)
 */
@ConfigurationProperties("ward.azure")
public record AzureSettings(@DefaultValue("managed-identity") String credential, String managedIdentityClientId) {

    public AzureSettings {
        credential = credential == null ? "managed-identity" : credential.trim().toLowerCase(Locale.ROOT);
        if (!credential.equals("managed-identity") && !credential.equals("graph-app")) {
            throw new InvalidAzureSettingException("ward.azure.credential is '" + credential + "': set it to"
                    + " managed-identity (Ward's managed identity in Azure) or graph-app (the app Ward signs in to Graph"
                    + " with).");
        }
    }

    public boolean graphApp() {
        return credential.equals("graph-app");
    }

    /** A {@code ward.azure.*} setting is wrong. */
    static final class InvalidAzureSettingException extends IllegalArgumentException implements ConfigurationProblem {

        InvalidAzureSettingException(String sentence) {
            super(sentence);
        }
    }
}
