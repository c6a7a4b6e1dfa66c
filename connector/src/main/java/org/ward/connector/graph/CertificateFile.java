package org.ward.connector.graph;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.Collections;
import java.util.Locale;

/**
 * The app's sign-in certificate: a PEM file (private key and certificate) or a PKCS#12 file, chosen by
 * extension. Checked at start-up so a wrong path or password is reported before any scan starts.
 */
enum CertificateFile {
    PEM,
    PFX;

    static CertificateFile of(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".pem")) {
            return PEM;
        }
        if (lower.endsWith(".pfx") || lower.endsWith(".p12")) {
            return PFX;
        }
        throw new InvalidGraphSettingException("ward.graph.certificate-path " + path + " is neither .pem nor .pfx/.p12: "
                + "give a PEM file with the private key and certificate, or a PKCS#12 (PFX) file.");
    }

    static void check(String path, String password) {
        CertificateFile kind = of(path);
        byte[] content = FileReading.read("ward.graph.certificate-path", path,
                "make the certificate file readable by the Ward process");
        if (kind == PEM) {
            String text = new String(content, StandardCharsets.US_ASCII);
            if (!text.contains("PRIVATE KEY-----") || !text.contains("-----BEGIN CERTIFICATE-----")) {
                throw new InvalidGraphSettingException("ward.graph.certificate-path " + path + " does not hold both a "
                        + "private key and a certificate: put the PEM private key and certificate in one file.");
            }
            return;
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(content), password == null ? new char[0] : password.toCharArray());
            boolean hasKey = Collections.list(store.aliases()).stream().anyMatch(alias -> isKey(store, alias));
            if (!hasKey) {
                throw new InvalidGraphSettingException("ward.graph.certificate-path " + path + " holds no private key: "
                        + "export the certificate together with its private key.");
            }
        } catch (InvalidGraphSettingException e) {
            throw e;
        } catch (Exception e) {
            throw new InvalidGraphSettingException("ward.graph.certificate-password does not open " + path + " ("
                    + e.getMessage() + "): set it to the password the PFX file was exported with.");
        }
    }

    private static boolean isKey(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (Exception e) {
            return false;
        }
    }
}
