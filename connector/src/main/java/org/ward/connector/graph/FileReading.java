package org.ward.connector.graph;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a configured file, turning the failure into the words a sentence about the setting needs. */
final class FileReading {

    private FileReading() {
    }

    static byte[] read(String setting, String path, String fix) {
        try {
            Path file = Path.of(path);
            if (Files.isDirectory(file)) {
                throw new IOException("it is a directory");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw unreadable(setting, path, "no such file", fix);
        } catch (AccessDeniedException e) {
            throw unreadable(setting, path, "permission denied", fix);
        } catch (IOException | RuntimeException e) {
            throw unreadable(setting, path, e.getMessage(), fix);
        }
    }

    private static InvalidGraphSettingException unreadable(String setting, String path, String reason, String fix) {
        return new InvalidGraphSettingException(setting + " " + path + " cannot be read: " + reason + "; " + fix + ".");
    }
}
