package org.ward.connector.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ward.rules.classify.IdentifierMasking;

/**
 * Writes a scan's reports into a folder: the requested formats, then {@code scan.json} (the run manifest, with the
 * SHA-256 of each file written). Each file appears whole or not at all: it is written beside its final name and
 * moved into place, so a reader never opens half a report. Every value passes through the policy's masking.
 */
public final class ReportWriter {

    public static final String MANIFEST = "scan.json";

    private final MaskedText masked;

    public ReportWriter(IdentifierMasking masking) {
        this.masked = new MaskedText(masking);
    }

    /**
     * Writes the reports.
     *
     * @param data what to report
     * @param dir the folder, created when missing; files of the same names are replaced
     * @param formats which files; empty means all
     * @return the files written, the manifest last
     * @throws IOException when the folder or a file cannot be written
     */
    public List<Path> write(ReportData data, Path dir, Set<ReportFormat> formats) throws IOException {
        Set<ReportFormat> wanted = formats.isEmpty() ? EnumSet.allOf(ReportFormat.class) : EnumSet.copyOf(formats);
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        Map<String, String> hashes = new LinkedHashMap<>();
        for (ReportFormat format : wanted) {
            byte[] bytes = render(format, data).getBytes(StandardCharsets.UTF_8);
            written.add(place(dir.resolve(format.fileName()), bytes));
            hashes.put(format.fileName(), sha256(bytes));
        }
        byte[] manifest = new ScanManifest(masked).render(data, hashes).getBytes(StandardCharsets.UTF_8);
        written.add(place(dir.resolve(MANIFEST), manifest));
        return written;
    }

    private String render(ReportFormat format, ReportData data) {
        return switch (format) {
            case JSON -> new FindingsJson(masked).render(data.findings());
            case CSV -> new FindingsCsv(masked).render(data.findings());
            case HTML -> new HtmlReport(masked).render(data);
        };
    }

    private static Path place(Path target, byte[] bytes) throws IOException {
        Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
        Files.write(partial, bytes);
        try {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
