package org.ward.connector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ward.connector.database.EntraDatabaseTokensTests;
import org.ward.connector.scan.ScanHarness;
import org.ward.connector.standins.BlobServiceStandIn;
import org.ward.connector.standins.KeyVaultStandIn;
import org.ward.connector.standins.ManagedIdentityStandIn;
import org.ward.simulator.Simulator;
import org.ward.simulator.SimulatorInfo;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The scan job as the ARM template runs it, in a process of its own configured only by environment variables: the
 * container's managed-identity endpoint ({@code IDENTITY_ENDPOINT}, {@code IDENTITY_HEADER}), the Graph certificate in
 * Key Vault, the reports container in Blob storage. Ward's managed identity (azure-identity's ManagedIdentityCredential,
 * through MSAL's App Service source, as in Container Apps) reads the certificate from the Key Vault stand-in, signs in to
 * the simulator's Graph with it, scans, and copies the reports with a token of the same identity; and signs in to
 * PostgreSQL with the identity's Entra token as the password.
 */
class ManagedIdentityDeploymentTests {

    @TempDir
    Path work;

    @Test
    void theScanJobReadsItsCertificateFromKeyVaultAndCopiesItsReportsAsTheManagedIdentity() throws Exception {
        try (Simulator simulator = ScanHarness.clinic();
                KeyVaultStandIn vault = new KeyVaultStandIn(simulator);
                BlobServiceStandIn storage = new BlobServiceStandIn(simulator, "wardstore", "reports")) {
            SimulatorInfo graph = simulator.info();
            // The user-assigned identity: an app of the tenant with no Graph permission of its own, only Azure roles.
            String identity = simulator.tenant().read(() -> simulator.tenant().apps().stream()
                    .filter(app -> app.displayName().equals("Ward no permissions")).findFirst().orElseThrow()).clientId();
            vault.grant(identity);
            storage.grant(identity);
            vault.putCertificateSecret("ward-graph", Files.readString(graph.clientCertificate()), "application/x-pem-file");
            try (ManagedIdentityStandIn managedIdentity = new ManagedIdentityStandIn(simulator, identity)) {
                Map<String, String> environment = new LinkedHashMap<>(managedIdentity.environment());
                environment.put("WARD_DATA_DIR", work.resolve("data").toString());
                environment.put("WARD_POLICY_PACK", Path.of(ScanHarness.CLINIC_POLICY).toAbsolutePath().toString());
                environment.put("WARD_GRAPH_CLOUD", "custom");
                environment.put("WARD_GRAPH_BASE_URL", graph.graphBaseUrl());
                environment.put("WARD_GRAPH_AUTHORITY", graph.authority());
                environment.put("WARD_GRAPH_TENANT_ID", graph.tenantId());
                environment.put("WARD_GRAPH_CLIENT_ID", graph.clientId());
                environment.put("WARD_GRAPH_CREDENTIAL", "certificate");
                environment.put("WARD_GRAPH_CERTIFICATE_SECRET_URL", vault.secretUrl("ward-graph"));
                environment.put("WARD_GRAPH_TRUST_CA_CERTIFICATE", graph.caCertificate().toString());
                environment.put("WARD_AZURE_MANAGED_IDENTITY_CLIENT_ID", identity);
                environment.put("WARD_ARCHIVE_REPORTS_CONTAINER_URL", storage.containerUrl("reports"));

                CommandRun run = WardProcess.start(work, environment, "scan", "--report-dir",
                        work.resolve("reports").toString()).finish();

                assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
                assertThat(run.out()).containsPattern("Copied the reports \\(\\d+ files\\) to "
                        + storage.containerUrl("reports") + "/scan-1/\\.");
                assertThat(storage.blobs()).containsKey("reports/scan-1/report.html");
                assertThat(managedIdentity.resources()).contains(KeyVaultStandIn.AUDIENCE, BlobServiceStandIn.AUDIENCE);
                assertThat(vault.requests()).anyMatch(request -> request.matches("GET /secrets/ward-graph/? 200 \\(bearer\\)"));
            }
        }
    }

    @Test
    void theScanJobSignsInToPostgresqlWithTheManagedIdentitysToken() throws Exception {
        String token = EntraDatabaseTokensTests.token();
        try (Simulator simulator = ScanHarness.clinic();
                EmbeddedPostgres postgres = EntraDatabaseTokensTests.withTokenRole(work.resolve("pg"), "ward_identity",
                        token)) {
            SimulatorInfo graph = simulator.info();
            String identity = simulator.tenant().read(() -> simulator.tenant().apps().stream()
                    .filter(app -> app.displayName().equals("Ward no permissions")).findFirst().orElseThrow()).clientId();
            try (ManagedIdentityStandIn managedIdentity = new ManagedIdentityStandIn(simulator, identity)
                    .issuing("https://ossrdbms-aad.database.windows.net", token)) {
                Map<String, String> environment = new LinkedHashMap<>(managedIdentity.environment());
                environment.put("WARD_DATA_DIR", work.resolve("data").toString());
                environment.put("WARD_POLICY_PACK", Path.of(ScanHarness.CLINIC_POLICY).toAbsolutePath().toString());
                environment.put("WARD_GRAPH_CLOUD", "custom");
                environment.put("WARD_GRAPH_BASE_URL", graph.graphBaseUrl());
                environment.put("WARD_GRAPH_AUTHORITY", graph.authority());
                environment.put("WARD_GRAPH_TENANT_ID", graph.tenantId());
                environment.put("WARD_GRAPH_CLIENT_ID", graph.clientId());
                environment.put("WARD_GRAPH_CLIENT_SECRET", graph.clientSecret());
                environment.put("WARD_GRAPH_TRUST_CA_CERTIFICATE", graph.caCertificate().toString());
                environment.put("WARD_AZURE_MANAGED_IDENTITY_CLIENT_ID", identity);
                environment.put("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:" + postgres.getPort() + "/ward");
                environment.put("SPRING_DATASOURCE_USERNAME", "ward_identity");
                environment.put("WARD_DATABASE_ENTRA_AUTHENTICATION", "true");

                CommandRun run = WardProcess.start(work, environment, "scan").finish();

                assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
                assertThat(managedIdentity.resources()).contains("https://ossrdbms-aad.database.windows.net");
                try (var c = postgres.getDatabase("postgres", "ward").getConnection(); var s = c.createStatement();
                        var owner = s.executeQuery("SELECT tableowner FROM pg_tables WHERE tablename = 'flyway_schema_history'")) {
                    assertThat(owner.next()).as("Ward migrated the database it signed in to").isTrue();
                    assertThat(owner.getString(1)).isEqualTo("ward_identity");
                }
            }
        }
    }
}
