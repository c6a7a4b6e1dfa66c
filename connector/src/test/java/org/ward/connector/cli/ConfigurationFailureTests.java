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

    private static void assertOneSentence(CommandRun run) {
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).doesNotContain("Error creating bean").doesNotContain("Exception");
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
