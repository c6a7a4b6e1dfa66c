package org.ward.connector.database;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.time.Duration;
import java.time.Instant;

import org.h2.mvstore.DataUtils;

/**
 * An H2 file database ({@code jdbc:h2:file:...}): where its file is, whether another process has it open, whether the
 * file is whole, and the URL Ward opens it with.
 *
 * <p>H2 opens a file that was cut short by falling back to an older version of its data, silently, and the first
 * read-write open then rewrites the file. So before anything opens it, Ward reads the file's header and its last
 * block the way H2's store writes them (a text map with a Fletcher-32 checksum) and refuses a file whose length is
 * not whole blocks, whose headers are both broken, or whose end is not a complete chunk footer.
 */
final class H2File {

    private static final int BLOCK = 4096;
    private static final int FOOTER = 128;

    private final Path base;

    private H2File(Path base) {
        this.base = base;
    }

    /** The file database a JDBC URL names; empty for PostgreSQL, in-memory or server URLs. */
    static Optional<H2File> of(String url) {
        if (url == null || !url.regionMatches(true, 0, "jdbc:h2:", 0, 8)) {
            return Optional.empty();
        }
        String rest = stripOptions(url).substring(8);
        if (rest.regionMatches(true, 0, "file:", 0, 5)) {
            rest = rest.substring(5);
        } else if (rest.matches("(?i)^(mem|tcp|ssl|zip|split|nio|nioMapped|async|memFS|memLZF|nioMemFS|nioMemLZF):.*")) {
            return Optional.empty();
        }
        if (rest.isEmpty()) {
            return Optional.empty();
        }
        Path path = rest.startsWith("~") ? Path.of(System.getProperty("user.home") + rest.substring(1)) : Path.of(rest);
        return Optional.of(new H2File(path.toAbsolutePath().normalize()));
    }

    /** The store file, {@code <name>.mv.db}. */
    Path dataFile() {
        return base.resolveSibling(base.getFileName() + ".mv.db");
    }

    boolean exists() {
        return Files.exists(dataFile());
    }

    /**
     * Whether a process has the database open: a Ward process serving it (H2's lock file names a server that
     * answers), or a process holding the file itself. Open in this JVM counts as in use: H2 shares it within the
     * process.
     */
    boolean inUse() {
        return served() || fileLocked();
    }

    /** H2's lock file names the process that serves the database; a crashed one leaves it behind, unanswered. */
    private boolean served() {
        Path lock = base.resolveSibling(base.getFileName() + ".lock.db");
        if (!Files.exists(lock)) {
            return false;
        }
        Properties properties = new Properties();
        try (var in = Files.newInputStream(lock)) {
            properties.load(in);
        } catch (IOException e) {
            return true;
        }
        String server = properties.getProperty("server");
        int colon = server == null ? -1 : server.lastIndexOf(':');
        if (colon < 0) {
            return true; // held without sharing
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(server.substring(0, colon), Integer.parseInt(server.substring(colon + 1))),
                    2_000);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Waits while a process that does not share the file (a read-only Ward command, which opens it without serving
     * it) has it open, so a command that writes can open it after them; read-only commands take seconds.
     *
     * @return whether the file came free within {@code patience}
     */
    boolean awaitUnshared(Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        while (!served() && heldByAnyone()) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private boolean heldByAnyone() {
        try (FileChannel channel = FileChannel.open(dataFile(), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException thisProcess) {
                return false; // this process: H2 shares the open database within the JVM
            }
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (IOException e) {
            return false; // the open that follows names the problem
        }
    }

    private boolean fileLocked() {
        try (FileChannel channel = FileChannel.open(dataFile(), StandardOpenOption.READ)) {
            FileLock lock;
            try {
                lock = channel.tryLock(0, Long.MAX_VALUE, true);
            } catch (OverlappingFileLockException thisProcess) {
                return true;
            }
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (IOException e) {
            throw new DatabaseConfigurationException("Ward cannot read its database file " + dataFile() + " ("
                    + e.getMessage() + "): give the user Ward runs as read and write access to the data folder"
                    + " (ward.data-dir).", e);
        }
    }

    /**
     * What is wrong with the file, or empty when it is whole. Call only while no process writes to it
     * ({@link #inUse()} false), or a chunk being written would look cut off.
     */
    Optional<String> damage() {
        Path file = dataFile();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) {
                return Optional.of("it is empty");
            }
            if (size % BLOCK != 0 || size < 2 * BLOCK) {
                return Optional.of("its length (" + size + " bytes) is not a whole number of H2's 4 KiB blocks, so it"
                        + " was cut off");
            }
            Map<String, String> header = header(read(channel, 0, BLOCK));
            if (header == null) {
                header = header(read(channel, BLOCK, BLOCK));
            }
            if (header == null) {
                return Optional.of("neither copy of its header is intact");
            }
            if (!"2".equals(header.get("H")) || header.get("block") == null) {
                return Optional.empty(); // a store format Ward does not know: leave the judgement to H2
            }
            long block = Long.parseLong(header.get("block"), 16);
            if ((block + 1) * BLOCK > size) {
                return Optional.of("its header points at data beyond its end, so it was cut off");
            }
            Map<String, String> footer = checked(text(read(channel, size - FOOTER, FOOTER)));
            if (footer == null || footer.get("chunk") == null || footer.get("len") == null) {
                return Optional.of("its last block is not the end of a complete write, so it was cut off or overwritten");
            }
            long chunkBlocks = Long.parseLong(footer.get("len"), 16);
            if (chunkBlocks * BLOCK > size) {
                return Optional.of("its last chunk is longer than the file, so it was cut off");
            }
            Map<String, String> chunk = DataUtils.parseMap(firstLine(read(channel, size - chunkBlocks * BLOCK, BLOCK)));
            if (!footer.get("chunk").equals(chunk.get("chunk"))) {
                return Optional.of("its last chunk does not start where its end says, so it was cut off or overwritten");
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new DatabaseConfigurationException("Ward cannot read its database file " + file + " (" + e.getMessage()
                    + "): give the user Ward runs as read and write access to the data folder (ward.data-dir).", e);
        } catch (RuntimeException e) {
            return Optional.of("its header or last block cannot be read (" + e.getMessage() + ")");
        }
    }

    /** The URL for writing: H2's automatic mixed mode, so other Ward processes can read through this one. */
    static String forWriting(String url) {
        Map<String, String> options = options(url);
        if (!options.containsKey("AUTO_SERVER")) {
            options.put("AUTO_SERVER", "TRUE");
        }
        if ("TRUE".equalsIgnoreCase(options.get("AUTO_SERVER"))) {
            options.remove("DB_CLOSE_ON_EXIT"); // H2 refuses AUTO_SERVER with DB_CLOSE_ON_EXIT=FALSE
        }
        return withOptions(url, options);
    }

    /** The URL for reading: the file opened read-only, or, while another process has it open, through that process. */
    static String forReading(String url, boolean inUse) {
        Map<String, String> options = options(url);
        options.put("IFEXISTS", "TRUE");
        if (inUse) {
            options.put("AUTO_SERVER", "TRUE");
            options.remove("DB_CLOSE_ON_EXIT");
            options.remove("ACCESS_MODE_DATA");
        } else {
            options.remove("AUTO_SERVER"); // H2 cannot serve a database it opened read-only
            options.put("ACCESS_MODE_DATA", "r");
        }
        return withOptions(url, options);
    }

    private static String stripOptions(String url) {
        int semicolon = url.indexOf(';');
        return semicolon < 0 ? url : url.substring(0, semicolon);
    }

    private static Map<String, String> options(String url) {
        Map<String, String> options = new LinkedHashMap<>();
        int semicolon = url.indexOf(';');
        if (semicolon >= 0) {
            for (String option : url.substring(semicolon + 1).split(";")) {
                if (!option.isBlank()) {
                    int eq = option.indexOf('=');
                    String key = (eq < 0 ? option : option.substring(0, eq)).trim().toUpperCase(Locale.ROOT);
                    options.put(key, eq < 0 ? "" : option.substring(eq + 1).trim());
                }
            }
        }
        return options;
    }

    private static String withOptions(String url, Map<String, String> options) {
        StringBuilder out = new StringBuilder(stripOptions(url));
        options.forEach((key, value) -> out.append(';').append(key).append('=').append(value));
        return out.toString();
    }

    private static byte[] read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                break;
            }
        }
        return buffer.array();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1).trim();
    }

    /** A header block: the first line that is a map with a valid checksum, or null. */
    private static Map<String, String> header(byte[] block) {
        return checked(firstLine(block));
    }

    private static String firstLine(byte[] block) {
        String text = new String(block, StandardCharsets.ISO_8859_1);
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).trim();
    }

    /** The map of {@code text} if its {@code fletcher} entry matches the text before it, else null. */
    private static Map<String, String> checked(String text) {
        int at = text.lastIndexOf(",fletcher:");
        if (at < 0) {
            return null;
        }
        byte[] content = text.substring(0, at).getBytes(StandardCharsets.ISO_8859_1);
        String stored = text.substring(at + ",fletcher:".length()).trim();
        try {
            if (Integer.parseUnsignedInt(stored, 16) != DataUtils.getFletcher32(content, 0, content.length)) {
                return null;
            }
            return DataUtils.parseMap(text);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
