package org.ward.simulator.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * A certificate authority made at start-up: it signs the simulator's server certificate (for localhost and the
 * loopback addresses) and any client certificates the demo apps use. Clients trust the CA's PEM file.
 */
public final class CertificateAuthority {

    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final String KEY_USAGE = "2.5.29.15";
    private static final String EXTENDED_KEY_USAGE = "2.5.29.37";
    private static final String SUBJECT_ALTERNATIVE_NAME = "2.5.29.17";
    private static final String SUBJECT_KEY_IDENTIFIER = "2.5.29.14";
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int KEY_ENCIPHERMENT = 2;
    private static final int KEY_CERT_SIGN = 5;
    private static final int CRL_SIGN = 6;

    private final MadeAhead<Issuer> issuer;
    private final SecureRandom random = new SecureRandom();

    /** Starts making the CA's key and certificate on their own thread; whatever needs them waits for them. */
    public CertificateAuthority(String name) {
        this.issuer = new MadeAhead<>("certificate-authority", () -> issuer(name));
    }

    private record Issuer(KeyPair keys, X509Certificate certificate) {
    }

    private Issuer issuer(String name) {
        try {
            KeyPair caKeys = ec();
            byte[] subject = name(name, "Ward");
            return new Issuer(caKeys, sign(subject, subject, notAfter(Duration.ofDays(30)), caKeys.getPublic(),
                    caKeys.getPrivate(),
                    extension(BASIC_CONSTRAINTS, true, Der.sequence(Der.bool(true))),
                    extension(KEY_USAGE, true, Der.namedBits(KEY_CERT_SIGN, CRL_SIGN)),
                    extension(SUBJECT_KEY_IDENTIFIER, false, Der.octetString(keyIdentifier(caKeys.getPublic())))));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Could not create the simulator's certificate authority", e);
        }
    }

    public X509Certificate certificate() {
        return issuer.get().certificate();
    }

    /** A PKCS12 key store holding a server certificate for localhost, 127.0.0.1 and ::1, signed by this CA. */
    public KeyStore serverKeyStore(char[] password) {
        try {
            KeyPair keys = ec();
            X509Certificate caCertificate = certificate();
            X509Certificate certificate = sign(name("localhost", "Ward"),
                    caCertificate.getSubjectX500Principal().getEncoded(), notAfter(Duration.ofDays(30)), keys.getPublic(),
                    issuer.get().keys().getPrivate(),
                    extension(BASIC_CONSTRAINTS, true, Der.sequence()),
                    extension(KEY_USAGE, true, Der.namedBits(DIGITAL_SIGNATURE, KEY_ENCIPHERMENT)),
                    extension(EXTENDED_KEY_USAGE, false, Der.sequence(Der.oid(SERVER_AUTH))),
                    extension(SUBJECT_ALTERNATIVE_NAME, false, Der.sequence(
                            Der.implicit(2, "localhost".getBytes(StandardCharsets.US_ASCII)),
                            Der.implicit(7, InetAddress.getByName("127.0.0.1").getAddress()),
                            Der.implicit(7, InetAddress.getByName("::1").getAddress()))));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("simulator", keys.getPrivate(), password, new X509Certificate[] {certificate, caCertificate});
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Could not create the simulator's server certificate", e);
        }
    }

    /** A client certificate and its key, for an app that signs client assertions. */
    public ClientCertificate clientCertificate(String commonName) {
        try {
            KeyPair keys = rsa();
            byte[] subject = name(commonName, null);
            X509Certificate certificate = sign(subject, subject, notAfter(Duration.ofDays(365)), keys.getPublic(),
                    keys.getPrivate(), extension(KEY_USAGE, true, Der.namedBits(DIGITAL_SIGNATURE)));
            return new ClientCertificate(certificate, keys.getPrivate());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Could not create a client certificate", e);
        }
    }

    /** A self-signed certificate and its private key. */
    public record ClientCertificate(X509Certificate certificate, PrivateKey privateKey) {

        /** Key and certificate in one PEM file, the form azure-identity's certificate credential reads. */
        public String pem() {
            return CertificateAuthority.pem(privateKey) + CertificateAuthority.pem(certificate);
        }
    }

    /**
     * A certificate (CERTIFICATE) or a private key (PKCS#8, PRIVATE KEY) in PEM (RFC 7468): base64 in lines of 64
     * characters between the type's lines.
     */
    public static String pem(Object object) {
        String type;
        byte[] der;
        if (object instanceof PrivateKey key) {
            type = "PRIVATE KEY";
            der = key.getEncoded();
        } else if (object instanceof Certificate certificate) {
            type = "CERTIFICATE";
            try {
                der = certificate.getEncoded();
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            throw new IllegalArgumentException("No PEM form for " + object.getClass().getName());
        }
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    public Path writeCertificate(Path file) throws IOException {
        Files.writeString(file, pem(certificate()));
        return file;
    }

    /**
     * The CA's and the server's keys are EC P-256: generating one takes milliseconds where an RSA 2048 key takes a
     * large share of the simulator's start-up, and TLS clients accept either. Client certificates stay RSA, the only
     * kind Entra accepts for client assertions.
     */
    private static KeyPair ec() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private BigInteger serial() {
        return new BigInteger(64, random).abs().add(BigInteger.ONE);
    }

    /** A distinguished name: the common name, then the organisation when there is one (as written, CN first). */
    private static byte[] name(String commonName, String organisation) {
        byte[] cn = Der.set(Der.sequence(Der.oid("2.5.4.3"), Der.utf8(commonName)));
        return organisation == null ? Der.sequence(cn)
                : Der.sequence(cn, Der.set(Der.sequence(Der.oid("2.5.4.10"), Der.utf8(organisation))));
    }

    private static byte[] extension(String oid, boolean critical, byte[] value) {
        return critical ? Der.sequence(Der.oid(oid), Der.bool(true), Der.octetString(value))
                : Der.sequence(Der.oid(oid), Der.octetString(value));
    }

    /** RFC 5280 §4.2.1.2, method 1: the SHA-1 of the subject public key's bits. */
    private static byte[] keyIdentifier(PublicKey key) throws GeneralSecurityException {
        return MessageDigest.getInstance("SHA-1").digest(Der.lastBitStringOf(key.getEncoded()));
    }

    /**
     * An X.509 v3 certificate (RFC 5280 §4.1), valid from an hour ago, signed with SHA-256 by the issuer's EC or RSA
     * key, and read back by the JDK (which checks its encoding).
     */
    private X509Certificate sign(byte[] subject, byte[] issuer, Instant notAfter, PublicKey subjectKey,
            PrivateKey issuerKey, byte[]... extensions) throws GeneralSecurityException, IOException {
        boolean ec = "EC".equals(issuerKey.getAlgorithm());
        byte[] algorithm = ec ? Der.sequence(Der.oid("1.2.840.10045.4.3.2"))
                : Der.sequence(Der.oid("1.2.840.113549.1.1.11"), Der.nul());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        byte[] tbs = Der.sequence(Der.explicit(0, Der.integer(BigInteger.TWO)), Der.integer(serial()), algorithm, issuer,
                Der.sequence(Der.time(now.minus(Duration.ofHours(1))), Der.time(notAfter)), subject,
                subjectKey.getEncoded(), Der.explicit(3, Der.sequence(extensions)));
        Signature signature = Signature.getInstance(ec ? "SHA256withECDSA" : "SHA256withRSA");
        signature.initSign(issuerKey);
        signature.update(tbs);
        byte[] certificate = Der.sequence(tbs, algorithm, Der.bitString(signature.sign()));
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(certificate));
    }

    private static Instant notAfter(Duration validity) {
        return Instant.now().plus(validity).truncatedTo(ChronoUnit.SECONDS);
    }
}
