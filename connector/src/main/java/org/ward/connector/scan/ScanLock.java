package org.ward.connector.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One scan at a time per data folder. The lock dies with the process, so a scan killed mid-way leaves no stale
 * lock, and the next scan knows the interrupted one is not still running and may resume it.
 */
final class ScanLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private ScanLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static ScanLock acquire(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            FileChannel channel = FileChannel.open(dataDir.resolve("scan.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new ScanFailedException("Another Ward scan is running on " + dataDir.toAbsolutePath()
                        + ": wait for it to finish.");
            }
            return new ScanLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("Ward cannot lock " + dataDir.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
