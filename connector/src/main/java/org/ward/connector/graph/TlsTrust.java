package org.ward.connector.graph;

import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import okhttp3.OkHttpClient;

/**
 * The JVM's trusted CAs plus the one configured in {@code ward.graph.trust.ca-certificate}. Narrower than
 * changing the JVM-wide trust store, and given to both OkHttp clients (Graph's and azure-identity's).
 */
record TlsTrust(SSLSocketFactory socketFactory, X509TrustManager trustManager) {

    static Optional<TlsTrust> of(TrustSettings settings) {
        if (settings == null || settings.caCertificate() == null || settings.caCertificate().isBlank()) {
            return Optional.empty();
        }
        List<X509Certificate> extra = readCertificates(settings.caCertificate().trim());
        try {
            KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
            anchors.load(null, null);
            int index = 0;
            for (X509Certificate certificate : jvmDefaults().getAcceptedIssuers()) {
                anchors.setCertificateEntry("jvm-" + index++, certificate);
            }
            for (X509Certificate certificate : extra) {
                anchors.setCertificateEntry("ward-" + index++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(anchors);
            X509TrustManager manager = x509(factory.getTrustManagers());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {manager}, null);
            return Optional.of(new TlsTrust(context.getSocketFactory(), manager));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Ward could not build its TLS trust from the JVM defaults and "
                    + settings.caCertificate() + ": " + e.getMessage(), e);
        }
    }

    OkHttpClient.Builder applyTo(OkHttpClient.Builder builder) {
        return builder.sslSocketFactory(socketFactory, trustManager);
    }

    static List<X509Certificate> readCertificates(String path) {
        byte[] content = FileReading.read("ward.graph.trust.ca-certificate", path,
                "point it at a readable PEM file holding the CA certificate to trust");
        try {
            Collection<? extends Certificate> parsed = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(content));
            List<X509Certificate> certificates = new ArrayList<>();
            parsed.forEach(certificate -> certificates.add((X509Certificate) certificate));
            if (certificates.isEmpty()) {
                throw new CertificateException("no certificate found");
            }
            return certificates;
        } catch (CertificateException e) {
            throw new InvalidGraphSettingException("ward.graph.trust.ca-certificate " + path + " holds no readable "
                    + "certificate (" + e.getMessage() + "): give a PEM file with -----BEGIN CERTIFICATE----- blocks.");
        }
    }

    private static X509TrustManager jvmDefaults() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        return x509(factory.getTrustManagers());
    }

    private static X509TrustManager x509(TrustManager[] managers) throws GeneralSecurityException {
        for (TrustManager manager : managers) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X509TrustManager available");
    }
}
