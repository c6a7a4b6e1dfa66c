package org.ward.connector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.scan.ScanHarness;
import org.ward.simulator.Simulator;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.regex.JoniRegularExpressionFactory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ward teams-app --out FILE}: the package a Teams admin uploads for the teams-activity channel, its manifest
 * valid against Microsoft's published Teams manifest schema (kept in test resources, teams-schemas/README.md).
 */
class TeamsAppCommandTests {

    private static final String TEAMS_APP = "5f0c2b1e-7d3a-4c55-9a41-2e6b8f0d1c77";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dir;

    static Simulator simulator;

    @BeforeAll
    static void start() {
        simulator = ScanHarness.clinic();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private static Map<String, Object> settings(boolean teamsActivity) {
        Map<String, Object> p = new LinkedHashMap<>(ScanHarness.h2(simulator, dir.resolve("data")));
        p.put("ward.alerts.enabled", "true");
        if (teamsActivity) {
            p.put("ward.alerts.channels.owners.type", "teams-activity");
            p.put("ward.alerts.channels.owners.teams-app-id", TEAMS_APP);
            p.put("ward.alerts.owners.channel", "owners");
        } else {
            p.put("ward.alerts.channels.siem.type", "json-lines");
            p.put("ward.alerts.channels.siem.file", dir.resolve("alerts.jsonl").toString());
        }
        return p;
    }

    private static CommandRun teamsApp(Map<String, Object> settings, String... args) {
        try (ConfigurableApplicationContext context = ScanHarness.start(settings)) {
            return CommandRun.of(context, new TeamsAppCommand(), args);
        }
    }

    private static Map<String, byte[]> unzip(Path zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static List<String> problems(JsonNode manifest) throws IOException {
        try (InputStream schema = TeamsAppCommandTests.class.getResourceAsStream(
                "/teams-schemas/v1.24/MicrosoftTeams.schema.json")) {
            // Microsoft's patterns are ECMAScript (\v and friends), which java.util.regex does not read.
            Schema teams = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4, registry -> registry
                    .schemaRegistryConfig(SchemaRegistryConfig.builder()
                            .regularExpressionFactory(JoniRegularExpressionFactory.getInstance()).build()))
                    .getSchema(schema);
            return teams.validate(manifest).stream().map(Error::toString).toList();
        }
    }

    @Test
    void writesAPackageWhoseManifestMicrosoftsSchemaAcceptsNamingWardsAppAndTheChannelsAppId() throws IOException {
        Path zip = dir.resolve("out").resolve("ward-teams-app.zip");
        CommandRun run = teamsApp(settings(true), "--out", zip.toString(), "--publisher", "Upwell Health Centre",
                "--website-url", "https://www.upwellhealth.nhs.uk/ward", "--privacy-url",
                "https://www.upwellhealth.nhs.uk/privacy");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Ward's Teams app (id " + TEAMS_APP + ", manifest 1.24").contains("Upload it");
        Map<String, byte[]> files = unzip(zip);
        assertThat(files).containsOnlyKeys("manifest.json", "color.png", "outline.png");
        JsonNode manifest = JSON.readTree(files.get("manifest.json"));
        assertThat(problems(manifest)).as(manifest.toString()).isEmpty();
        assertThat(manifest.path("id").asString()).isEqualTo(TEAMS_APP);
        assertThat(manifest.path("webApplicationInfo").path("id").asString()).isEqualTo(simulator.info().clientId());
        assertThat(manifest.path("version").asString()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(manifest.path("developer").path("termsOfUseUrl").asString())
                .as("defaults to the website").isEqualTo("https://www.upwellhealth.nhs.uk/ward");
        assertThat(manifest.has("activities")).as("Ward sends the reserved systemDefault type, declared nowhere").isFalse();
    }

    @Test
    void theSchemaRefusesWhatTeamsWouldRefuse() throws IOException {
        Path zip = dir.resolve("refused.zip");
        teamsApp(settings(true), "--out", zip.toString(), "--website-url", "https://www.upwellhealth.nhs.uk/ward");
        tools.jackson.databind.node.ObjectNode manifest = (tools.jackson.databind.node.ObjectNode) JSON.readTree(
                unzip(zip).get("manifest.json"));
        manifest.put("id", "ward");
        manifest.put("bots", "none");

        assertThat(problems(manifest)).as("the validator is not a rubber stamp").hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void iconsAreTheSizesTeamsAsksForAndTheOutlineIsWhiteOnTransparent() throws IOException {
        Path zip = dir.resolve("icons.zip");
        teamsApp(settings(true), "--out", zip.toString(), "--website-url", "https://www.upwellhealth.nhs.uk/ward");
        Map<String, byte[]> files = unzip(zip);

        BufferedImage color = ImageIO.read(new ByteArrayInputStream(files.get("color.png")));
        BufferedImage outline = ImageIO.read(new ByteArrayInputStream(files.get("outline.png")));
        assertThat(List.of(color.getWidth(), color.getHeight())).containsExactly(192, 192);
        assertThat(List.of(outline.getWidth(), outline.getHeight())).containsExactly(32, 32);
        assertThat(outline.getColorModel().hasAlpha()).isTrue();
        int transparent = 0;
        int drawn = 0;
        for (int x = 0; x < 32; x++) {
            for (int y = 0; y < 32; y++) {
                int argb = outline.getRGB(x, y);
                if (argb >>> 24 == 0) {
                    transparent++;
                } else {
                    drawn++;
                    assertThat(argb & 0xFFFFFF).as("outline pixel at %d,%d", x, y).isEqualTo(0xFFFFFF);
                }
            }
        }
        assertThat(transparent).isPositive();
        assertThat(drawn).isPositive();
    }

    @Test
    void withoutATeamsActivityChannelItSaysWhichSettingToAddAndExits2() {
        CommandRun run = teamsApp(settings(false), "--out", dir.resolve("none.zip").toString(), "--website-url",
                "https://www.upwellhealth.nhs.uk/ward");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("No channel under ward.alerts.channels is of type teams-activity with a teams-app-id");
        assertThat(dir.resolve("none.zip")).doesNotExist();
    }

    @Test
    void aWebsiteThatIsNotHttpsIsRefused() {
        CommandRun run = teamsApp(settings(true), "--out", dir.resolve("http.zip").toString(), "--website-url",
                "http://www.upwellhealth.nhs.uk/ward");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--website-url must be an https:// address");
    }
}
