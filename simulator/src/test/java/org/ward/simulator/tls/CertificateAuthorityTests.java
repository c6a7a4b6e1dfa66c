package org.ward.simulator.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The simulator's certificates, made with the JDK alone: what TLS clients and Entra's client assertions need. */
class CertificateAuthorityTests {

    private static final CertificateAuthority AUTHORITY = new CertificateAuthority("Test CA");

    private static X509Certificate[] serverChain() throws Exception {
        KeyStore store = AUTHORITY.serverKeyStore("secret".toCharArray());
        return (X509Certificate[]) List.of(store.getCertificateChain("simulator")).toArray(new X509Certificate[0]);
    }

    @Test
    void theServerCertificateChainsToTheAuthorityAsPkixValidatesIt() throws Exception {
        X509Certificate[] chain = serverChain();
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(AUTHORITY.certificate(), null)));
        parameters.setRevocationEnabled(false);

        CertPathValidator.getInstance("PKIX").validate(factory.generateCertPath(List.of(chain[0])), parameters);

        assertThat(chain[0].getIssuerX500Principal()).isEqualTo(AUTHORITY.certificate().getSubjectX500Principal());
        assertThat(AUTHORITY.certificate().getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(AUTHORITY.certificate().getKeyUsage()[5]).as("keyCertSign").isTrue();
    }

    @Test
    void theServerCertificateNamesLocalhostAndBothLoopbackAddressesForServerAuthentication() throws Exception {
        X509Certificate server = serverChain()[0];

        assertThat(server.getSubjectAlternativeNames()).containsExactlyInAnyOrder(List.of(2, "localhost"),
                List.of(7, "127.0.0.1"), List.of(7, "0:0:0:0:0:0:0:1"));
        assertThat(server.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(server.getBasicConstraints()).isEqualTo(-1);
        assertThat(server.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(server.getSubjectX500Principal().getName()).isEqualTo("O=Ward,CN=localhost");
        server.checkValidity();
    }

    @Test
    void aClientCertificateIsSelfSignedRsaAndItsPemReadsBack() throws Exception {
        CertificateAuthority.ClientCertificate client = AUTHORITY.clientCertificate("Ward");
        client.certificate().verify(client.certificate().getPublicKey());
        String pem = client.pem();

        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(pem.substring(pem.indexOf("-----BEGIN CERTIFICATE-----")).getBytes(StandardCharsets.US_ASCII)));
        String key = pem.substring(pem.indexOf("-----BEGIN PRIVATE KEY-----\n") + 28, pem.indexOf("-----END PRIVATE KEY-----"));

        assertThat(certificate).isEqualTo(client.certificate());
        assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(certificate.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(key))))
                .isEqualTo(client.privateKey());
        assertThat(pem.lines()).allMatch(line -> line.length() <= 64);
    }
}
