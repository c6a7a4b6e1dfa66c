package org.ward.connector.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;

/**
 * The configured signing key and its certificate, loaded (and so checked) when Ward starts. Signs a pack's file list
 * with a detached CMS signature (PKCS#7, DER), the format {@code openssl cms -verify} and other tools read.
 */
public final class PackSigner {

    private final PrivateKey key;
    private final List<X509Certificate> chain;

    private PackSigner(PrivateKey key, List<X509Certificate> chain) {
        this.key = key;
        this.chain = List.copyOf(chain);
    }

    /** The signer of {@code ward.evidence.signing.*}, or empty when no key is configured. */
    static Optional<PackSigner> from(EvidenceSettings.Signing signing) {
        if (signing == null || !signing.configured()) {
            return Optional.empty();
        }
        return Optional.of(signing.keystore() != null ? fromKeystore(signing) : fromPem(signing));
    }

    private static PackSigner fromKeystore(EvidenceSettings.Signing signing) {
        char[] password = signing.keystorePassword() == null ? new char[0] : signing.keystorePassword().toCharArray();
        KeyStore store;
        try (InputStream in = Files.newInputStream(signing.keystore())) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new EvidenceSettings.InvalidEvidenceSettingException("ward.evidence.signing.keystore " + signing.keystore()
                    + " cannot be opened (" + e.getMessage() + "): give a PKCS#12 file and its password in"
                    + " ward.evidence.signing.keystore-password.");
        }
        try {
            String alias = signing.alias();
            if (alias == null || alias.isBlank()) {
                List<String> keys = Collections.list(store.aliases()).stream().filter(a -> isKey(store, a)).toList();
                if (keys.size() != 1) {
                    throw new EvidenceSettings.InvalidEvidenceSettingException("ward.evidence.signing.keystore "
                            + signing.keystore() + " holds " + keys.size() + " keys (" + String.join(", ", keys)
                            + "): name the signing key in ward.evidence.signing.alias.");
                }
                alias = keys.get(0);
            }
            if (!store.isKeyEntry(alias)) {
                throw new EvidenceSettings.InvalidEvidenceSettingException("ward.evidence.signing.alias '" + alias
                        + "' is not a key in " + signing.keystore() + ": name one of its keys.");
            }
            PrivateKey key = (PrivateKey) store.getKey(alias, password);
            Certificate[] certificates = store.getCertificateChain(alias);
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : certificates == null ? new Certificate[0] : certificates) {
                chain.add((X509Certificate) c);
            }
            if (chain.isEmpty()) {
                throw new EvidenceSettings.InvalidEvidenceSettingException("The key '" + alias + "' in "
                        + signing.keystore() + " has no certificate: store the key with its certificate.");
            }
            return checked(new PackSigner(key, chain), "ward.evidence.signing.keystore " + signing.keystore());
        } catch (GeneralSecurityException e) {
            throw new EvidenceSettings.InvalidEvidenceSettingException("The signing key in ward.evidence.signing.keystore "
                    + signing.keystore() + " cannot be read (" + e.getMessage() + "): check the password and the alias.");
        }
    }

    private static boolean isKey(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static PackSigner fromPem(EvidenceSettings.Signing signing) {
        PrivateKey key;
        try (Reader in = Files.newBufferedReader(signing.privateKey()); PEMParser pem = new PEMParser(in)) {
            Object read = pem.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (read instanceof PEMKeyPair pair) {
                key = converter.getPrivateKey(pair.getPrivateKeyInfo());
            } else if (read instanceof PrivateKeyInfo info) {
                key = converter.getPrivateKey(info);
            } else {
                throw new EvidenceSettings.InvalidEvidenceSettingException("ward.evidence.signing.private-key "
                        + signing.privateKey() + " holds no unencrypted private key (" + (read == null ? "nothing in PEM"
                                : read.getClass().getSimpleName()) + "): give a PEM file starting with -----BEGIN PRIVATE"
                        + " KEY----- (openssl pkcs8 -topk8 -nocrypt converts one).");
            }
        } catch (IOException e) {
            throw new EvidenceSettings.InvalidEvidenceSettingException("ward.evidence.signing.private-key "
                    + signing.privateKey() + " cannot be read as PEM (" + e.getMessage() + ").");
        }
        List<X509Certificate> chain = new ArrayList<>();
        try (InputStream in = Files.newInputStream(signing.certificate())) {
            java.security.cert.CertificateFactory factory = java.security.cert.CertificateFactory.getInstance("X.509");
            factory.generateCertificates(in).forEach(c -> chain.add((X509Certificate) c));
        } catch (IOException | CertificateException e) {
            throw new EvidenceSettings.InvalidEvidenceSettingException("ward.evidence.signing.certificate "
                    + signing.certificate() + " cannot be read as a PEM certificate (" + e.getMessage() + ").");
        }
        if (chain.isEmpty()) {
            throw new EvidenceSettings.InvalidEvidenceSettingException("ward.evidence.signing.certificate "
                    + signing.certificate() + " holds no certificate: give the PEM certificate of the signing key.");
        }
        return checked(new PackSigner(key, chain), "ward.evidence.signing.private-key " + signing.privateKey());
    }

    /** A key that does not belong to its certificate would sign packs nobody can verify: refuse it at start. */
    private static PackSigner checked(PackSigner signer, String where) {
        byte[] probe = "ward evidence key check".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] signature = signer.sign(probe);
        if (!PackSignature.verify(probe, signature).valid()) {
            throw new EvidenceSettings.InvalidEvidenceSettingException(where + " does not match its certificate "
                    + signer.certificate().getSubjectX500Principal().getName() + ": give the key the certificate was issued for.");
        }
        return signer;
    }

    X509Certificate certificate() {
        return chain.get(0);
    }

    /** The signer as a person reads it: subject and SHA-256 fingerprint of the certificate. */
    String describe() {
        return PackSignature.describe(certificate());
    }

    /** A detached CMS signature over {@code content}, DER-encoded, carrying the certificate chain. */
    byte[] sign(byte[] content) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw new EvidenceSettings.InvalidEvidenceSettingException("The signing key is " + key.getAlgorithm()
                    + ": give an RSA, EC or Ed25519 key.");
        };
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .build(new JcaContentSignerBuilder(algorithm).build(key), certificate()));
            generator.addCertificates(new JcaCertStore(chain));
            return generator.generate(new CMSProcessableByteArray(content), false).getEncoded();
        } catch (OperatorCreationException | CMSException | CertificateException | IOException e) {
            throw new IllegalStateException("Could not sign the evidence pack: " + e.getMessage(), e);
        }
    }

    static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static X509Certificate x509(X509CertificateHolder holder) throws CertificateException {
        return new JcaX509CertificateConverter().getCertificate(holder);
    }

    static boolean same(X509Certificate a, X509Certificate b) {
        try {
            return Arrays.equals(a.getEncoded(), b.getEncoded());
        } catch (CertificateException e) {
            return false;
        }
    }
}
