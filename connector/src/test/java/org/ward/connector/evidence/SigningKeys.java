package org.ward.connector.evidence;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A signing key and its self-signed certificate, written as PEM files or a PKCS#12 store, as an organisation would. */
public record SigningKeys(KeyPair pair, X509Certificate certificate) {

    public static SigningKeys create(String commonName) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            KeyPair pair = generator.generateKeyPair();
            Instant now = Instant.now();
            var builder = new JcaX509v3CertificateBuilder(new X500Name("CN=" + commonName), BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))),
                    new X500Name("CN=" + commonName), pair.getPublic());
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            return new SigningKeys(pair, certificate);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes key.pem and certificate.pem into {@code dir}; returns ward.evidence.signing.* settings for them. */
    public Map<String, Object> pem(Path dir) {
        try {
            Files.createDirectories(dir);
            Path key = Files.writeString(dir.resolve("key.pem"), pemOf(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(
                    pair.getPrivate(), null)));
            Path cert = certificatePem(dir.resolve("certificate.pem"));
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("ward.evidence.signing.private-key", key.toString());
            settings.put("ward.evidence.signing.certificate", cert.toString());
            return settings;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path certificatePem(Path file) throws IOException {
        return Files.writeString(file, pemOf(certificate));
    }

    /** Writes a PKCS#12 store holding the key under {@code alias}. */
    public Path pkcs12(Path file, String alias, String password) {
        try (OutputStream out = Files.newOutputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(alias, pair.getPrivate(), password.toCharArray(), new Certificate[] {certificate});
            store.store(out, password.toCharArray());
            return file;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pemOf(Object value) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(value instanceof org.bouncycastle.util.io.pem.PemObjectGenerator g ? g.generate() : value);
        }
        return out.toString();
    }
}
