package org.ward.connector.alerts;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS trust of a channel: the JVM's CAs plus, when the channel names one, the CA that signed its receiver (a
 * private SIEM forwarder's, say). Only TLS 1.2 and later.
 */
final class ChannelTrust {

    private ChannelTrust() {
    }

    static SSLContext context(String caCertificate, String setting) {
        try {
            KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
            anchors.load(null, null);
            TrustManagerFactory defaults = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            defaults.init((KeyStore) null);
            int index = 0;
            for (var manager : defaults.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    for (X509Certificate ca : x509.getAcceptedIssuers()) {
                        anchors.setCertificateEntry("jvm-" + index++, ca);
                    }
                }
            }
            if (caCertificate != null && !caCertificate.isBlank()) {
                Path file = Path.of(caCertificate.trim());
                if (!Files.isReadable(file)) {
                    throw new InvalidAlertSettingException(setting + " names " + file + ", which cannot be read: give the"
                            + " PEM file of the CA that signed the receiver's certificate.");
                }
                try (InputStream in = Files.newInputStream(file)) {
                    for (Certificate ca : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                        anchors.setCertificateEntry("ward-" + index++, ca);
                    }
                }
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(anchors);
            SSLContext context = SSLContext.getInstance("TLSv1.3");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (InvalidAlertSettingException e) {
            throw e;
        } catch (Exception e) {
            throw new InvalidAlertSettingException(setting + " could not be used as a CA certificate ("
                    + e.getMessage() + "): give a PEM file.");
        }
    }
}
