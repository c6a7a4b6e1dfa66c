package org.ward.connector.graph;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.Base64;
import java.util.Collections;
import java.util.Locale;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.exception.HttpResponseException;
import com.azure.identity.ClientCertificateCredentialBuilder;
import com.azure.security.keyvault.secrets.SecretClient;
import com.azure.security.keyvault.secrets.SecretClientBuilder;
import com.azure.security.keyvault.secrets.models.KeyVaultSecret;

/**
 * The Graph app's certificate read from Key Vault. A Key Vault certificate is stored with an addressable secret of the
 * same name that holds the certificate with its private key, as PKCS#12 (content type {@code application/x-pkcs12},
 * base64) or PEM ({@code application/x-pem-file}), whichever the certificate's policy chose
 * (https://learn.microsoft.com/azure/key-vault/certificates/about-certificates#composition-of-a-certificate). Ward reads
 * that secret with the Key Vault secrets SDK, which answers Key Vault's authentication challenge (a first 401 naming
 * the authority and resource) with a token from Ward's Azure identity, and keeps the key in memory only.
 */
final class KeyVaultCertificate {

    private KeyVaultCertificate() {
    }

    /** {@code https://<vault>/secrets/<name>[/<version>]}. */
    record SecretAddress(String vaultUrl, String name, String version) {

        /** Key Vault and Managed HSM host domains of Microsoft's clouds. */
        private static final java.util.List<String> MICROSOFT_DOMAINS = java.util.List.of(".vault.azure.net",
                ".vault.usgovcloudapi.net", ".vault.azure.cn", ".managedhsm.azure.net", ".managedhsm.usgovcloudapi.net",
                ".managedhsm.azure.cn");

        boolean inMicrosoftsCloud() {
            String host = URI.create(vaultUrl).getHost().toLowerCase(Locale.ROOT);
            return MICROSOFT_DOMAINS.stream().anyMatch(host::endsWith);
        }

        static SecretAddress parse(String url) {
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                uri = null;
            }
            String[] path = uri == null || uri.getPath() == null ? new String[0] : uri.getPath().split("/");
            if (uri == null || !"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null
                    || uri.getQuery() != null || path.length < 3 || path.length > 4 || !path[1].equals("secrets")
                    || path[2].isBlank()) {
                throw new InvalidGraphSettingException("ward.graph.certificate-secret-url is '" + url + "': give the"
                        + " https URL of the certificate's Key Vault secret, such as"
                        + " https://ward-kv.vault.azure.net/secrets/graph-certificate (optionally with a version).");
            }
            String vault = "https://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
            return new SecretAddress(vault, path[2], path.length == 4 ? path[3] : null);
        }
    }

    /** Reads the secret and hands its certificate and key to the builder; one sentence naming the setting on failure. */
    static ClientCertificateCredentialBuilder load(ClientCertificateCredentialBuilder builder, String url,
            AzureAccess azure) {
        SecretAddress address = SecretAddress.parse(url.trim());
        SecretClientBuilder clientBuilder = new SecretClientBuilder().vaultUrl(address.vaultUrl())
                .credential(azure.credential()).httpClient(azure.httpClient());
        if (!address.inMicrosoftsCloud()) {
            // The SDK checks that the challenge's resource (https://vault.azure.net) is the vault host's domain, which
            // only holds for Microsoft's vault host names; like instance discovery for an unknown authority, it is off
            // for any other host (a private DNS name, a local stand-in).
            clientBuilder.disableChallengeResourceVerification();
        }
        SecretClient client = clientBuilder.buildClient();
        KeyVaultSecret secret;
        try {
            secret = client.getSecret(address.name(), address.version());
        } catch (ClientAuthenticationException e) {
            throw new InvalidGraphSettingException("Ward could not sign in to Key Vault as " + azure.identity()
                    + " to read ward.graph.certificate-secret-url " + url + ": " + firstLine(e.getMessage()));
        } catch (HttpResponseException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatusCode();
            throw new InvalidGraphSettingException("Ward could not read ward.graph.certificate-secret-url " + url + ": Key"
                    + " Vault answered " + status + (status == 403 ? "; give " + azure.identity() + " the Key Vault"
                            + " Secrets User role on the vault" : status == 404 ? "; check the vault and certificate name"
                                    : "") + ".");
        }
        String type = secret.getProperties().getContentType() == null ? ""
                : secret.getProperties().getContentType().toLowerCase(Locale.ROOT);
        if (type.equals("application/x-pem-file")) {
            String pem = secret.getValue();
            if (!pem.contains("PRIVATE KEY-----") || !pem.contains("-----BEGIN CERTIFICATE-----")) {
                throw new InvalidGraphSettingException("The Key Vault secret " + url + " does not hold both a private key"
                        + " and a certificate: give the secret of a Key Vault certificate whose key is exportable.");
            }
            return builder.pemCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        }
        if (type.equals("application/x-pkcs12")) {
            byte[] pfx;
            try {
                pfx = Base64.getMimeDecoder().decode(secret.getValue());
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(new ByteArrayInputStream(pfx), new char[0]);
                boolean hasKey = false;
                for (String alias : Collections.list(store.aliases())) {
                    hasKey |= store.isKeyEntry(alias);
                }
                if (!hasKey) {
                    throw new IllegalArgumentException("no private key");
                }
            } catch (Exception e) {
                throw new InvalidGraphSettingException("The Key Vault secret " + url + " is no PKCS#12 certificate with"
                        + " its private key (" + firstLine(e.getMessage()) + "): give the secret of a Key Vault"
                        + " certificate whose key is exportable.");
            }
            return builder.pfxCertificate(new ByteArrayInputStream(pfx));
        }
        throw new InvalidGraphSettingException("The Key Vault secret " + url + " has content type '" + type + "', not"
                + " application/x-pkcs12 or application/x-pem-file: give the secret of a Key Vault certificate (it has the"
                + " certificate's name), not a secret set by hand.");
    }

    private static String firstLine(String message) {
        return message == null ? "no detail" : message.strip().lines().findFirst().orElse("no detail");
    }
}
