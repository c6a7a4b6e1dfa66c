package org.ward.connector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broken setup stops Ward with one sentence naming the setting or file and what to do, and exit code 2: never a
 * chain of Spring bean names, never a misleading message from further on.
 */
class ConfigurationFailureTests {

    @TempDir
    Path dir;

    @Test
    void anUnsetPlaceholderIsNamedAsUnsetNotReportedAsARejectedSecret() throws IOException {
        CommandRun run = ward(Map.of("ward.graph.client-secret", "${WARD_TEST_SECRET_NOBODY_SET}"));
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertOneSentence(run);
        assertThat(run.err()).startsWith("ward: ward.graph.client-secret is ${WARD_TEST_SECRET_NOBODY_SET} (")
                .contains("but WARD_TEST_SECRET_NOBODY_SET is not set: set the environment variable"
                        + " WARD_TEST_SECRET_NOBODY_SET").doesNotContain("AADSTS");
    }

    @Test
    void anUnreachableDatabaseServerIsNamedWithItsSetting() throws IOException {
        CommandRun run = ward(Map.of("spring.datasource.url", "jdbc:postgresql://127.0.0.1:1/ward"));
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertOneSentence(run);
        assertThat(run.err()).startsWith("ward: Ward cannot reach its database").contains("spring.datasource")
                .contains("check that the database server is running and reachable");
    }

    @Test
    void aMistypedDatabaseUrlIsNamed() throws IOException {
        CommandRun run = ward(Map.of("spring.datasource.url", "jdbc:postgresq://localhost:5432/ward"));
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertOneSentence(run);
        assertThat(run.err()).contains("is not a database URL Ward can open: use jdbc:postgresql://HOST:5432/DATABASE");
    }

    @Test
    void aDataFolderWardCannotWriteIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        CommandRun run = ward(Map.of("ward.data-dir", file.resolve("ward-data").toString()));
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertOneSentence(run);
        assertThat(run.err()).startsWith("ward: Ward cannot write to its data folder " + file.resolve("ward-data")
                + " (ward.data-dir, --data-dir): ");
    }

    @Test
    void aDamagedInstallationKeyIsNamed() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("installation.key"), "not a key");
        CommandRun run = ward(Map.of("ward.data-dir", data.toString()));
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertOneSentence(run);
        assertThat(run.err()).startsWith("ward: Ward's installation key " + data.resolve("installation.key")
                + " is damaged");
    }

    @Test
    void aShortInstallationKeySettingIsNamed() throws IOException {
        CommandRun run = ward(Map.of("ward.privacy.installation-key", "c2hvcnQ="));
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertOneSentence(run);
        assertThat(run.err()).startsWith("ward: The installation key in ward.privacy.installation-key"
                + " (WARD_PRIVACY_INSTALLATION_KEY) must be base64 of at least 32 random bytes");
    }

    @Test
    void aMistypedSettingNameIsNamedWithItsLineAndTheSettingMeant() throws IOException {
        Path config = yaml("ward:", "  remediaton:", "    enabled: true");
        CommandRun run = ward(config, "remediate", "F-0000000000000000", "--apply");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertOneSentence(run);
        assertThat(run.err()).startsWith("ward: " + config + " line 3: ward.remediaton.enabled is not one of Ward's"
                + " settings, so Ward would ignore it; did you mean ward.remediation (docs/admin-guide.md lists every"
                + " setting)?");
    }

    @Test
    void aMistypedNestedSettingNameIsNamedWithTheSettingMeant() throws IOException {
        Path config = yaml("ward:", "  graph:", "    resilience:", "      max-retrys: 3");
        CommandRun run = ward(config, "scan");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertOneSentence(run);
        assertThat(run.err()).contains(" line 4: ward.graph.resilience.max-retrys is not one of Ward's settings")
                .contains("did you mean ward.graph.resilience.max-retries (");
    }

    @Test
    void aSettingOfTheWrongKindIsNamedWithItsValueLineAndWhatItTakes() throws IOException {
        Path config = yaml("ward:", "  graph:", "    tenant-id: 11111111-2222-3333-4444-555555555555",
                "    client-id: aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", "    client-secret: secret", "    resilience:",
                "      max-retries: lots", "  data-dir: " + dir.resolve("ward-data"));
        CommandRun run = ward(config, "scan");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertOneSentence(run);
        assertThat(run.err()).startsWith("ward: ward.graph.resilience.max-retries is 'lots' (" + config + " line 7),"
                + " which is not a whole number");
    }

    @Test
    void yamlThatDoesNotParseIsNamedWithItsLine() throws IOException {
        Path config = yaml("ward:", "  remediation:", "    enabled: true", "  policy:", " pack: nhs-england");
        CommandRun run = ward(config, "scan");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertOneSentence(run);
        assertThat(run.err()).startsWith("ward: " + config + " is not valid YAML at line 5, column 2 (")
                .contains("check that line's indentation");
    }

    @Test
    void aFolderGivenAsTheSettingsFileIsRefused() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("ward.yml"));
        CommandRun run = ward(folder, "scan");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertOneSentence(run);
        assertThat(run.err()).isEqualTo("ward: --config " + folder + " is a folder, not a file: give the path of Ward's"
                + " settings file (e.g. ward.yml).\n");
    }

    @Test
    void everySettingOfAFullSettingsFileIsKnown() throws IOException {
        Path config = yaml("ward:", "  data-dir: " + dir.resolve("ward-data"), "  graph:", "    tenantId: contoso.onmicrosoft.com",
                "    client-id: 00000000-0000-0000-0000-000000000000", "    credential: client-secret",
                "    client-secret: s", "    trust:", "      ca-certificate: /nowhere/ca.pem", "  alerts:", "    channels:",
                "      compliance-mail:", "        type: email", "        to: [dpo@example.org]", "    routes:",
                "      - channels: [compliance-mail]", "        min-severity: high", "  inventory:",
                "    extra-columns: [ConsentReference]", "  evidence:", "    signing:", "      alias: ward", "  policy:",
                "    pack: nhs-england");
        CommandRun run = ward(config, "findings");
        assertThat(run.err()).doesNotContain("is not one of Ward's settings");
    }

    private static void assertOneSentence(CommandRun run) {
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).doesNotContain("Error creating bean").doesNotContain("Exception");
    }

    private Path yaml(String... lines) throws IOException {
        return Files.write(dir.resolve("ward.yml"), List.of(lines));
    }

    /** A command with the settings file given. */
    private static CommandRun ward(Path config, String... command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        List<String> args = new ArrayList<>(List.of(command));
        args.add("--config");
        args.add(config.toString());
        int code = new WardCli(console).run(args.toArray(String[]::new));
        return new CommandRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** {@code ward scan} with sign-in settings that would work and the given ones on top. */
    private CommandRun ward(Map<String, String> more) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("ward.graph.tenant-id", "11111111-2222-3333-4444-555555555555");
        settings.put("ward.graph.client-id", "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
        settings.put("ward.graph.client-secret", "secret");
        settings.put("ward.data-dir", dir.resolve("ward-data").toString());
        settings.putAll(more);
        List<String> lines = new ArrayList<>();
        settings.forEach((k, v) -> lines.add(k + "=" + v.replace("\\", "\\\\")));
        Path config = Files.write(dir.resolve("ward.properties"), lines);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        int code = new WardCli(console).run(new String[] {"scan", "--config", config.toString()});
        return new CommandRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
