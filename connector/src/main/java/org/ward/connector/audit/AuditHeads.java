package org.ward.connector.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each day's head of the audit chain, written outside the database: {@code audit-head-YYYY-MM-DD.json} in the head
 * folder (and a copy beside every set of reports), signed with the audit key. A later rewrite of the log — even one
 * that recomputed every hash — no longer matches a head written down before it, and an entry cut off the end leaves
 * a head naming an entry that is gone.
 */
public final class AuditHeads {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final String PREFIX = "audit-head-";

    private final Path folder;
    private final AuditKey key;

    public AuditHeads(Path folder, AuditKey key) {
        this.folder = folder;
        this.key = key;
    }

    public Path folder() {
        return folder;
    }

    /** Writes the day's head (the newest entry written that day, UTC), replacing an earlier head of the same day. */
    void record(AuditEntry head) {
        String day = head.at().atOffset(ZoneOffset.UTC).toLocalDate().toString();
        try {
            Files.createDirectories(folder);
            Path target = folder.resolve(PREFIX + day + ".json");
            Path temporary = Files.createTempFile(folder, ".audit-head", ".tmp");
            Files.writeString(temporary, render(day, head));
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Ward cannot write the audit log's head to " + folder + " (ward.audit."
                    + "head-export-dir): " + e.getMessage(), e);
        }
    }

    /** Copies the newest head into {@code target} (a report folder) as {@code audit-head.json}, as evidence. */
    public Optional<Path> exportTo(Path target) {
        Optional<Path> newest = files().stream().max(Comparator.comparing(Path::getFileName));
        if (newest.isEmpty()) {
            return Optional.empty();
        }
        try {
            Files.createDirectories(target);
            return Optional.of(Files.copy(newest.get(), target.resolve("audit-head.json"), StandardCopyOption.REPLACE_EXISTING));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether any head was ever written down (then the log has been sealed with the audit key). */
    boolean any() {
        return !files().isEmpty();
    }

    /** What does not match between the heads written down and the log as it is now. */
    List<String> check(List<AuditEntry> entries) {
        List<String> problems = new ArrayList<>();
        for (Path file : files()) {
            JsonNode head;
            try {
                head = JSON.readTree(Files.readString(file));
            } catch (IOException | RuntimeException e) {
                problems.add("the head file " + file + " cannot be read (" + e.getMessage() + ")");
                continue;
            }
            String day = head.path("date").asString();
            long entry = head.path("entry").asLong();
            String hash = head.path("hash").asString();
            if (!key.mac(signed(day, entry, hash, head.path("keyId").asString())).equals(head.path("mac").asString())) {
                problems.add("the head file " + file + " was not written with this installation's audit key (it was"
                        + " forged, or the key changed)");
                continue;
            }
            Optional<AuditEntry> now = entries.stream().filter(e -> e.id() == entry).findFirst();
            if (now.isEmpty()) {
                problems.add("the head written down on " + day + " names entry " + entry + ", and the log now ends at entry "
                        + entries.size() + ": entries were removed");
            } else if (!now.get().hash().equals(hash)) {
                problems.add("entry " + entry + " no longer has the hash written down on " + day + ": the log was rewritten");
            }
        }
        return problems;
    }

    private String render(String day, AuditEntry head) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("date", day);
        out.put("entry", head.id());
        out.put("hash", head.hash());
        out.put("keyId", head.keyId());
        out.put("writtenAt", Instant.now().toString());
        out.put("mac", key.mac(signed(day, head.id(), head.hash(), head.keyId())));
        return JSON.writeValueAsString(out) + "\n";
    }

    private static String signed(String day, long entry, String hash, String keyId) {
        return "ward audit head|" + day + "|" + entry + "|" + hash + "|" + keyId;
    }

    private List<Path> files() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().startsWith(PREFIX) && p.getFileName().toString()
                    .endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
