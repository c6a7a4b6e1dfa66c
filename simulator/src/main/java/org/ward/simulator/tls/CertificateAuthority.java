package org.ward.simulator.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority made at start-up: it signs the simulator's server certificate (for localhost and the
 * loopback addresses) and any client certificates the demo apps use. Clients trust the CA's PEM file.
 */
public final class CertificateAuthority {

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
            X500Name subject = new X500Name("CN=" + name + ",O=Ward");
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(), notBefore(),
                    notAfter(Duration.ofDays(30)), subject, caKeys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createSubjectKeyIdentifier(caKeys.getPublic()));
            return new Issuer(caKeys, sign(builder, caKeys.getPrivate()));
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
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
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(caCertificate, serial(), notBefore(),
                    notAfter(Duration.ofDays(30)), new X500Name("CN=localhost,O=Ward"), keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                new GeneralName(GeneralName.iPAddress, InetAddress.getByName("::1").getHostAddress())}));
            X509Certificate certificate = sign(builder, issuer.get().keys().getPrivate());
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("simulator", keys.getPrivate(), password, new X509Certificate[] {certificate, caCertificate});
            return store;
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("Could not create the simulator's server certificate", e);
        }
    }

    /** A client certificate and its key, for an app that signs client assertions. */
    public ClientCertificate clientCertificate(String commonName) {
        try {
            KeyPair keys = rsa();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name("CN=" + commonName),
                    serial(), notBefore(), notAfter(Duration.ofDays(365)), new X500Name("CN=" + commonName), keys.getPublic());
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            X509Certificate certificate = sign(builder, keys.getPrivate());
            return new ClientCertificate(certificate, keys.getPrivate());
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
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

    public static String pem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object instanceof PrivateKey key ? new JcaPKCS8Generator(key, null) : object);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
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

    private static Date notBefore() {
        return Date.from(Instant.now().minus(Duration.ofHours(1)));
    }

    private static Date notAfter(Duration validity) {
        return Date.from(Instant.now().plus(validity));
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
            throws OperatorCreationException, GeneralSecurityException {
        ContentSigner signer = new JcaContentSignerBuilder("EC".equals(key.getAlgorithm()) ? "SHA256withECDSA"
                : "SHA256withRSA").build(key);
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }
}
