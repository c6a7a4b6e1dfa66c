package org.ward.connector.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ward.connector.standins.KeyVaultStandIn;
import org.ward.simulator.Simulator;
import org.ward.simulator.SimulatorInfo;
import org.ward.simulator.throttle.Latency;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.nimbusds.jwt.SignedJWT;

/**
 * The Graph app's certificate read from its Key Vault secret through the Key Vault secrets SDK and azure-identity,
 * from a stand-in that authenticates as Key Vault does (401 challenge, then a bearer token from the simulator's token
 * endpoint), and used to sign in to the simulator's Graph with a client assertion.
 */
class KeyVaultCertificateTests {

    static Simulator simulator;
    static SimulatorInfo info;
    static KeyVaultStandIn vault;
    /** Ward's Azure identity here: the simulator's app with its secret (on Azure it is the managed identity). */
    static AzureAccess azure;

    @BeforeAll
    static void start() {
        simulator = Simulator.builder().latency(Latency.OFF).start();
        info = simulator.info();
        vault = new KeyVaultStandIn(simulator);
        azure = new AzureAccess(new AzureSettings("graph-app", null), simulatorApp().with("client-secret",
                info.clientSecret()).bind());
    }

    @AfterAll
    static void stop() {
        vault.close();
        simulator.close();
    }

    @BeforeEach
    void grant() {
        vault.grant(info.clientId());
    }

    @Test
    void signsInToGraphWithAPemCertificateFromItsKeyVaultSecret() throws Exception {
        vault.putCertificateSecret("graph-pem", Files.readString(info.clientCertificate()), "application/x-pem-file");

        AccessToken token = signIn(certificateIn("graph-pem"));

        assertThat(SignedJWT.parse(token.getToken()).getJWTClaimsSet().getClaim("appidacr")).as("signed in by certificate")
                .isEqualTo("2");
        assertThat(vault.requests()).anyMatch(request -> request.matches("GET /secrets/graph-pem/? 200 \\(bearer\\)"));
    }

    @Test
    void answersKeyVaultsChallengeBeforeSendingAToken() throws Exception {
        vault.putCertificateSecret("graph-first", Files.readString(info.clientCertificate()), "application/x-pem-file");
        signIn(certificateIn("graph-first"));

        // The SDK keeps a vault's challenge for later requests: only the first request to this vault goes without one.
        String first = vault.requests().get(0);
        assertThat(first).endsWith(" 401 (no token)");
        String request = first.substring(0, first.indexOf(" 401"));
        assertThat(vault.requests().get(1)).startsWith(request + " ").endsWith(" (bearer)").doesNotContain(" 401 ");
    }

    @Test
    void signsInToGraphWithAPfxCertificateFromItsKeyVaultSecret() throws Exception {
        vault.putCertificateSecret("graph-pfx", pfx(Files.readString(info.clientCertificate())), "application/x-pkcs12");

        AccessToken token = signIn(certificateIn("graph-pfx"));

        assertThat(SignedJWT.parse(token.getToken()).getJWTClaimsSet().getClaim("appidacr")).isEqualTo("2");
    }

    @Test
    void anIdentityWithoutTheSecretsRoleIsToldWhichRoleItNeeds() throws Exception {
        vault.putCertificateSecret("graph-denied", Files.readString(info.clientCertificate()), "application/x-pem-file");
        vault.revoke(info.clientId());

        assertThatThrownBy(() -> signIn(certificateIn("graph-denied")))
                .hasMessageContaining("Ward could not read ward.graph.certificate-secret-url " + vault.secretUrl("graph-denied")
                        + ": Key Vault answered 403; give the app registration " + info.clientId()
                        + " the Key Vault Secrets User role on the vault.");
    }

    @Test
    void aSecretThatIsNoCertificateIsNamed() {
        vault.putSecret("graph-by-hand", "not a certificate", "text/plain");

        assertThatThrownBy(() -> signIn(certificateIn("graph-by-hand")))
                .hasMessageContaining("has content type 'text/plain', not application/x-pkcs12 or application/x-pem-file");
    }

    @Test
    void aMissingSecretIsNamed() {
        assertThatThrownBy(() -> signIn(certificateIn("no-such-certificate")))
                .hasMessageContaining("Key Vault answered 404; check the vault and certificate name.");
    }

    @Test
    void aFileAndAKeyVaultSecretTogetherAreRefused() {
        assertThatThrownBy(() -> simulatorApp().with("credential", "certificate").with("certificate-path", "/x/y.pem")
                .with("certificate-secret-url", "https://ward-kv.vault.azure.net/secrets/graph").bind())
                .rootCause().hasMessage("Both ward.graph.certificate-path and ward.graph.certificate-secret-url are set:"
                        + " give the certificate's file or its Key Vault secret, not both.");
    }

    @Test
    void aSecretUrlThatIsNoKeyVaultSecretIsRefused() {
        assertThatThrownBy(() -> simulatorApp().with("credential", "certificate")
                .with("certificate-secret-url", "https://ward-kv.vault.azure.net/certificates/graph").bind())
                .rootCause().hasMessageStartingWith("ward.graph.certificate-secret-url is"
                        + " 'https://ward-kv.vault.azure.net/certificates/graph': give the https URL of the certificate's"
                        + " Key Vault secret");
    }

    @Test
    void theGraphAppCannotReadItsOwnCertificateFromKeyVault() {
        GraphSettings settings = certificateIn("graph-pem");

        assertThatThrownBy(() -> new AzureAccess(new AzureSettings("graph-app", null), settings))
                .hasMessageContaining("set ward.azure.credential to managed-identity");
    }

    private static GraphSettings certificateIn(String secret) {
        return simulatorApp().with("credential", "certificate").with("certificate-secret-url", vault.secretUrl(secret))
                .bind();
    }

    private static AccessToken signIn(GraphSettings settings) {
        TokenCredential credential = GraphCredentials.create(settings, azure);
        return credential.getTokenSync(new TokenRequestContext().addScopes(settings.endpoints().scope()));
    }

    private static TestSettings simulatorApp() {
        return TestSettings.empty().with("cloud", "custom").with("base-url", info.graphBaseUrl())
                .with("authority", info.authority()).with("tenant-id", info.tenantId()).with("client-id", info.clientId())
                .with("trust.ca-certificate", info.caCertificate().toString());
    }

    /** The PEM's key and certificate as Key Vault keeps a PFX certificate: PKCS#12 without a password, base64. */
    private static String pfx(String pem) throws Exception {
        PrivateKey key = null;
        X509Certificate certificate = null;
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            for (Object part = parser.readObject(); part != null; part = parser.readObject()) {
                if (part instanceof X509CertificateHolder holder) {
                    certificate = new JcaX509CertificateConverter().getCertificate(holder);
                } else if (part instanceof PrivateKeyInfo keyInfo) {
                    key = new JcaPEMKeyConverter().getPrivateKey(keyInfo);
                } else if (part instanceof PEMKeyPair pair) {
                    key = new JcaPEMKeyConverter().getKeyPair(pair).getPrivate();
                }
            }
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("graph", key, new char[0], new Certificate[] {certificate});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, new char[0]);
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
