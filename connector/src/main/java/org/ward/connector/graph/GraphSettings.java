package org.ward.connector.graph;

import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ward.graph.*}: which cloud and tenant Ward scans, as which app, with which trust and limits.
 * Every value is checked when the record is bound at start-up; a problem stops Ward with one sentence that
 * names the setting and the fix.
 *
 * @param cloud                    {@code global} (default), {@code usgov}, {@code dod}, {@code china} or {@code custom}
 * @param baseUrl                  Graph root including {@code /v1.0}; overrides the preset
 * @param authority                sign-in host without tenant; overrides the preset
 * @param scope                    token scope; defaults to the preset's {@code …/.default}
 * @param tenantId                 Microsoft Entra tenant id (GUID) or domain
 * @param clientId                 application (client) id of Ward's app registration
 * @param credential               {@code client-secret} (default), {@code certificate} or {@code managed-identity}
 * @param clientSecret             the secret, for {@code client-secret}
 * @param certificatePath          PEM (key + certificate) or PFX/P12 file, for {@code certificate}
 * @param certificatePassword      password of a PFX file
 * @param certificateSecretUrl     instead of a file, the Key Vault secret of the app's certificate, e.g.
 *                                 {@code https://ward-kv.vault.azure.net/secrets/graph-certificate} (a Key Vault
 *                                 certificate's secret holds it with its private key, PFX or PEM); read through
 *                                 {@code ward.azure.*}'s identity, the latest version unless one is named
 * @param managedIdentityClientId  client id of a user-assigned managed identity; empty for system-assigned
 */
@ConfigurationProperties(prefix = "ward.graph")
public record GraphSettings(
        @DefaultValue("global") String cloud,
        String baseUrl,
        String authority,
        String scope,
        String tenantId,
        String clientId,
        @DefaultValue("client-secret") String credential,
        String clientSecret,
        String certificatePath,
        String certificatePassword,
        String certificateSecretUrl,
        String managedIdentityClientId,
        @DefaultValue TrustSettings trust,
        @DefaultValue ResilienceSettings resilience,
        @DefaultValue UserAgentSettings userAgent) {

    // What Microsoft Entra ID and azure-identity accept as a tenant: a GUID or a domain name.
    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]*");

    /** The Microsoft cloud the settings point at ({@code custom} for anything else, a simulator included). */
    public GraphCloud graphCloud() {
        return GraphCloud.parse(cloud);
    }

    public GraphSettings {
        GraphEndpoints.resolve(GraphCloud.parse(cloud), baseUrl, authority, scope);
        CredentialType type = CredentialType.parse(credential);
        if (type != CredentialType.MANAGED_IDENTITY) {
            requireTenantAndClient(tenantId, clientId);
        }
        if (type == CredentialType.CLIENT_SECRET && blank(clientSecret)) {
            throw new InvalidGraphSettingException("ward.graph.client-secret is missing: set it to a current client "
                    + "secret of app " + clientId + " (preferably through the environment variable WARD_GRAPH_CLIENT_SECRET), "
                    + "or choose another ward.graph.credential.");
        }
        if (type == CredentialType.CERTIFICATE && !blank(certificateSecretUrl)) {
            if (!blank(certificatePath)) {
                throw new InvalidGraphSettingException("Both ward.graph.certificate-path and"
                        + " ward.graph.certificate-secret-url are set: give the certificate's file or its Key Vault"
                        + " secret, not both.");
            }
            KeyVaultCertificate.SecretAddress.parse(certificateSecretUrl.trim());
        } else if (type == CredentialType.CERTIFICATE) {
            if (blank(certificatePath)) {
                throw new InvalidGraphSettingException("ward.graph.certificate-path is missing: set it to the PEM or PFX "
                        + "file holding the private key and the certificate uploaded to app " + clientId + ", or set"
                        + " ward.graph.certificate-secret-url to its Key Vault secret.");
            }
            CertificateFile.check(certificatePath.trim(), certificatePassword);
        }
        trust = trust == null ? new TrustSettings(null) : trust;
        resilience = resilience == null ? ResilienceSettings.defaults() : resilience;
        userAgent = userAgent == null ? UserAgentSettings.defaults() : userAgent;
    }

    public GraphCloud cloudPreset() {
        return GraphCloud.parse(cloud);
    }

    public CredentialType credentialType() {
        return CredentialType.parse(credential);
    }

    /** Graph base URL, authority and scope after applying overrides to the cloud preset. */
    public GraphEndpoints endpoints() {
        return GraphEndpoints.resolve(cloudPreset(), baseUrl, authority, scope);
    }

    @Override
    public String toString() {
        return "GraphSettings[cloud=" + cloud + ", endpoints=" + endpoints() + ", tenantId=" + tenantId + ", clientId="
                + clientId + ", credential=" + credential + ", clientSecret=" + (blank(clientSecret) ? "" : "****")
                + ", certificatePath=" + certificatePath + ", certificateSecretUrl=" + certificateSecretUrl + ", trust=" + trust
                + ", resilience=" + resilience
                + ", userAgent=" + userAgent + "]";
    }

    private static void requireTenantAndClient(String tenantId, String clientId) {
        if (blank(tenantId)) {
            throw new InvalidGraphSettingException("ward.graph.tenant-id is missing: set it to your Microsoft Entra "
                    + "tenant id (a GUID) or domain.");
        }
        if (!TENANT.matcher(tenantId.trim()).matches()) {
            throw new InvalidGraphSettingException("ward.graph.tenant-id '" + tenantId + "' is not a tenant id: set it "
                    + "to your Microsoft Entra tenant id (a GUID) or domain, e.g. contoso.onmicrosoft.com.");
        }
        if (blank(clientId)) {
            throw new InvalidGraphSettingException("ward.graph.client-id is missing: set it to the application (client) "
                    + "id of Ward's app registration in Microsoft Entra ID.");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
