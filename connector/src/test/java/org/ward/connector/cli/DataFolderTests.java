package org.ward.connector.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ward.connector.scan.ScanHarness;
import org.ward.simulator.Simulator;

/**
 * The data folder as an administrator meets it: one folder holds the database, the installation key, the scan lock
 * and the log whatever the working directory; a damaged database file is refused before anything writes to it; an
 * upgrade copies the file first; read-only commands work while a scan runs, and a second scan is turned away.
 */
class DataFolderTests {

    static Simulator simulator;

    @TempDir
    Path dir;

    @BeforeAll
    static void startTenant() {
        simulator = ScanHarness.clinic();
    }

    @AfterAll
    static void stopTenant() {
        simulator.close();
    }

    @Test
    void commandsFromAnyWorkingDirectoryShareOneDataFolder() throws IOException {
        Path config = config(Map.of());
        Path data = dir.resolve("data");
        CommandRun scan = WardProcess.run(dir.resolve("a"), "scan", "--config", config.toString(), "--data-dir",
                data.toString());
        assertThat(scan.exitCode()).as(scan.err()).isIn(0, 3);
        CommandRun relative = WardProcess.run(dir.resolve("b"), "findings", "--config", config.toString(), "--data-dir",
                "../data", "--status", "all");
        CommandRun absolute = WardProcess.run(dir.resolve("a"), "findings", "--config", config.toString(), "--data-dir",
                data.toString(), "--status", "all");
        assertThat(relative.exitCode()).as(relative.err()).isZero();
        assertThat(relative.out()).contains("F-").isEqualTo(absolute.out());
        assertThat(data.resolve("ward.mv.db")).exists();
        assertThat(data.resolve("installation.key")).exists();
        assertThat(data.resolve("scan.lock")).exists();
        assertThat(data.resolve("ward.log")).exists();
        assertThat(databasesUnder(dir.resolve("a"))).isEmpty();
        assertThat(databasesUnder(dir.resolve("b"))).isEmpty();
    }

    @Test
    void readOnlyCommandsWorkWhileAScanRunsAndASecondScanIsTurnedAway() throws Exception {
        Path data = dir.resolve("data");
        Path config = config(Map.of("ward.data-dir", data.toString()));
        assertThat(ward("scan", "--config", config.toString()).exitCode()).isIn(0, 3);
        List<CommandRun> during = new ArrayList<>();
        // Holding the simulated tenant's lock stops the running scan at its first Graph call, with the folder held.
        WardProcess running = simulator.tenant().write(() -> {
            WardProcess scan = WardProcess.start(dir, "scan", "--config", config.toString());
            await().atMost(Duration.ofSeconds(90)).until(() -> !scan.alive() || lockedByAnotherProcess(data.resolve("scan.lock")));
            during.add(ward("findings", "--config", config.toString()));
            during.add(ward("scan", "--config", config.toString()));
            return scan;
        });
        CommandRun first = running.finish();
        assertThat(first.exitCode()).as(first.err()).isIn(0, 3);
        assertThat(during.get(0).exitCode()).as(during.get(0).err()).isZero();
        assertThat(during.get(0).out()).contains("F-").contains("findings (open)");
        assertThat(during.get(1).exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(during.get(1).err().strip()).isEqualTo("ward: Another Ward scan is running on " + data
                + ": wait for it to finish.");
    }

    @Test
    void aDamagedDatabaseFileIsRefusedAndNeverWritten() throws Exception {
        Path data = dir.resolve("data");
        Path config = config(Map.of("ward.data-dir", data.toString()));
        assertThat(ward("scan", "--config", config.toString()).exitCode()).isIn(0, 3);
        Path file = data.resolve("ward.mv.db");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() / 2 / 4096 * 4096); // cut at a block boundary, as a failed copy would
        }
        String before = sha256(file);
        for (String command : List.of("findings", "scan")) {
            CommandRun run = ward(command, "--config", config.toString());
            assertThat(run.exitCode()).as(command).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).as(command).startsWith("ward: Ward's database file " + file + " is damaged: ")
                    .contains("Ward has not opened or changed it");
            assertThat(sha256(file)).as(command).isEqualTo(before);
        }
    }

    @Test
    void readOnlyCommandsOpenTheFileReadOnly() throws Exception {
        Path data = dir.resolve("data");
        Path config = config(Map.of("ward.data-dir", data.toString()));
        assertThat(ward("scan", "--config", config.toString()).exitCode()).isIn(0, 3);
        String before = sha256(data.resolve("ward.mv.db"));
        for (String command : List.of("findings", "report", "audit")) {
            CommandRun run = ward(command, "--config", config.toString());
            assertThat(run.exitCode()).as(command + ": " + run.err()).isZero();
            assertThat(sha256(data.resolve("ward.mv.db"))).as(command).isEqualTo(before);
        }
    }

    @Test
    void aFailedUpgradeNamesTheCopyToRestore() throws Exception {
        Path data = dir.resolve("data");
        Path config = config(Map.of("ward.data-dir", data.toString()));
        assertThat(ward("scan", "--config", config.toString()).exitCode()).isIn(0, 3);
        Path broken = config(Map.of("ward.data-dir", data.toString(),
                "spring.flyway.locations", "classpath:db/migration/common,classpath:db/migration/{vendor},classpath:db/broken-upgrade"));
        CommandRun upgrade = ward("scan", "--config", broken.toString());
        assertThat(upgrade.exitCode()).isEqualTo(ExitCodes.USAGE);
        List<Path> copies;
        try (Stream<Path> files = Files.list(data.resolve("backups"))) {
            copies = files.toList();
        }
        assertThat(copies).hasSize(1);
        assertThat(copies.get(0).getFileName().toString()).matches("ward-V\\d+-before-V999-\\d{8}-\\d{6}\\.zip");
        assertThat(upgrade.err().strip()).startsWith("ward: Upgrading Ward's database " + data.resolve("ward.mv.db")
                + " failed (").endsWith(": with no Ward process running, restore the copy " + copies.get(0) + " (unzip it"
                + " into " + data + ", replacing ward.mv.db), then run again.");
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(copies.get(0)))) {
            assertThat(zip.getNextEntry().getName()).isEqualTo("ward.mv.db");
            Files.copy(zip, data.resolve("ward.mv.db"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        CommandRun restored = ward("findings", "--config", config.toString());
        assertThat(restored.exitCode()).as(restored.err()).isZero();
        assertThat(restored.out()).contains("F-");
    }

    private CommandRun ward(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        int code = new WardCli(console).run(args);
        return new CommandRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The clinic's sign-in settings and policy, and nothing about where data lives unless given. */
    private Path config(Map<String, String> more) throws IOException {
        Map<String, Object> settings = new LinkedHashMap<>(ScanHarness.h2(simulator, dir));
        settings.remove("ward.data-dir");
        settings.remove("spring.datasource.url");
        settings.remove("logging.file.name");
        settings.put("ward.policy.pack", Path.of(ScanHarness.CLINIC_POLICY).toAbsolutePath().toString());
        settings.put("ward.sharing.enabled", "false");
        settings.putAll(more);
        List<String> lines = new ArrayList<>();
        settings.forEach((k, v) -> lines.add(k + "=" + String.valueOf(v).replace("\\", "\\\\")));
        return Files.write(Files.createTempFile(dir, "ward", ".properties"), lines);
    }

    private static List<Path> databasesUnder(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".mv.db")).toList();
        }
    }

    private static boolean lockedByAnotherProcess(Path lockFile) throws IOException {
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
