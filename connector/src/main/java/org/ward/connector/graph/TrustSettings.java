package org.ward.connector.graph;

/**
 * {@code ward.graph.trust.*}: an extra CA to trust on top of the JVM's defaults, for a TLS-inspecting proxy,
 * a private cloud or the local simulator. Applied to both the Graph client and the sign-in client.
 *
 * @param caCertificate path of a PEM file with one or more CA certificates; empty for the JVM defaults only
 */
public record TrustSettings(String caCertificate) {

    public TrustSettings {
        if (caCertificate != null && !caCertificate.isBlank()) {
            TlsTrust.readCertificates(caCertificate.trim());
        }
    }
}
