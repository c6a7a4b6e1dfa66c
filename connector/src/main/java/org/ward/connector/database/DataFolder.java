package org.ward.connector.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Settles where Ward keeps its data before anything else reads a setting: {@code ward.data-dir} becomes an absolute
 * path (so the database, the installation key, the scan lock and the log stay together in that folder whatever the
 * working directory), the folder must be writable for a command that writes, and an H2 file database is checked for
 * damage and given the URL it is opened with — through H2's automatic mixed mode for writing, read-only (or through
 * the process that has it open) for the read-only commands. Runs after the settings files are read and before
 * logging starts, so the log file lands in the same folder.
 */
public final class DataFolder implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    /** Set by the command line for commands that only read (findings, report, audit). */
    public static final String READ_ONLY = "ward.database.read-only";
    static final String DATA_DIR = "ward.data-dir";
    static final String URL = "spring.datasource.url";
    static final String LOG_FILE = "logging.file.name";
    /** How long a writing command waits for read-only commands, which open the file without sharing it, to finish. */
    private static final Duration READERS_PATIENCE = Duration.ofMinutes(1);

    @Override
    public int getOrder() {
        // After Spring Boot reads the settings files (HIGHEST_PRECEDENCE + 10), before logging starts (+ 20).
        return Ordered.HIGHEST_PRECEDENCE + 15;
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        settle(event.getEnvironment());
    }

    static void settle(ConfigurableEnvironment environment) {
        Path dataDir = Path.of(environment.getProperty(DATA_DIR, "ward-data")).toAbsolutePath().normalize();
        boolean readOnly = environment.getProperty(READ_ONLY, Boolean.class, false);
        Map<String, Object> settled = new LinkedHashMap<>();
        settled.put(DATA_DIR, dataDir.toString());
        environment.getPropertySources().addFirst(new MapPropertySource("ward-data-folder", settled));
        if (!readOnly) {
            writable(dataDir);
        } else if (!appendable(environment.getProperty(LOG_FILE))) {
            // A compliance officer may read findings from a data folder they cannot write (a read-only mount, another
            // user's folder): the command works, and logs nothing rather than printing logback's stack trace.
            settled.put(LOG_FILE, "");
        }
        String url = environment.getProperty(URL);
        H2File.of(url).ifPresent(file -> settled.put(URL, opening(file, url, dataDir, readOnly)));
    }

    private static String opening(H2File file, String url, Path dataDir, boolean readOnly) {
        if (!file.exists()) {
            if (readOnly) {
                throw new DatabaseConfigurationException("There is no Ward database in " + dataDir + " yet (no "
                        + file.dataFile().getFileName() + "): run ward scan first, or point --data-dir (ward.data-dir)"
                        + " at the folder your scans use.");
            }
            return H2File.forWriting(url);
        }
        if (!readOnly && !file.awaitUnshared(READERS_PATIENCE)) {
            throw new DatabaseConfigurationException("Another program has had Ward's database " + file.dataFile()
                    + " open for over a minute without sharing it (an H2 console, a backup tool, a stuck Ward"
                    + " command): close it, then run again.");
        }
        boolean inUse = file.inUse();
        if (!inUse) {
            file.damage().ifPresent(why -> {
                throw damaged(file.dataFile(), why, dataDir);
            });
        }
        return readOnly ? H2File.forReading(url, inUse) : H2File.forWriting(url);
    }

    static DatabaseConfigurationException damaged(Path file, String why, Path dataDir) {
        return new DatabaseConfigurationException("Ward's database file " + file + " is damaged: " + why + ". Ward has"
                + " not opened or changed it: restore it from your backup of the data folder (or from "
                + dataDir.resolve(DatabaseUpgrade.BACKUPS) + ", where Ward keeps a copy before each upgrade), or move"
                + " it aside to start afresh.");
    }

    /**
     * Whether a log file can be opened for appending there: it is writable, or it is missing and the nearest folder
     * that exists above it (logback makes the missing ones) is writable.
     */
    private static boolean appendable(String logFile) {
        if (logFile == null || logFile.isBlank()) {
            return true;
        }
        Path file = Path.of(logFile).toAbsolutePath();
        if (Files.exists(file)) {
            return Files.isRegularFile(file) && Files.isWritable(file);
        }
        Path above = file.getParent();
        while (above != null && !Files.exists(above)) {
            above = above.getParent();
        }
        return above != null && Files.isDirectory(above) && Files.isWritable(above);
    }

    private static void writable(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            Path probe = Files.createTempFile(dataDir, ".ward-write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new DatabaseConfigurationException("Ward cannot write to its data folder " + dataDir + " (ward.data-dir,"
                    + " --data-dir): " + reason(e) + ". Make it a folder the user Ward runs as can write to, or point"
                    + " ward.data-dir at one.", e);
        }
    }

    private static String reason(Exception e) {
        String name = e.getClass().getSimpleName();
        return switch (name) {
            case "AccessDeniedException" -> "permission denied";
            case "FileSystemException" -> e.getMessage();
            case "FileAlreadyExistsException", "NotDirectoryException" -> "a file of that name is in the way";
            default -> e.getMessage() == null ? name : name + ": " + e.getMessage();
        };
    }
}
