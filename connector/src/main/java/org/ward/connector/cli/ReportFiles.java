package org.ward.connector.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.archive.BlobArchive;
import org.ward.connector.report.ReportData;
import org.ward.connector.report.ReportFormat;
import org.ward.connector.audit.AuditHeads;
import org.ward.connector.report.ReportWriter;
import org.ward.connector.report.ScanReports;
import org.ward.connector.report.ScanSummary;
import org.ward.rules.classify.IdentifierMasking;

/** Writes the report files of a scan and says where they went (the writers live in the report package). */
final class ReportFiles {

    private ReportFiles() {
    }

    /** {@code ward scan --report-dir}: every format for the scan just summarised. */
    static void write(ConfigurableApplicationContext context, ScanSummary summary, Path dir, Console console) {
        ReportData data = context.getBean(ScanReports.class).reportData(summary.run().scanId(), Instant.now())
                .orElseThrow(() -> new IllegalStateException("Scan #" + summary.run().scanId() + " is not in the register."));
        write(context, data, dir, EnumSet.allOf(ReportFormat.class), console);
        BlobArchive archive = context.getBeanProvider(BlobArchive.class).getIfAvailable();
        if (archive != null) {
            archive.copyReports(dir, "scan-" + summary.run().scanId())
                    .ifPresent(copy -> say(console, copy));
        }
    }

    /** A copy that failed is said on the error stream; the scan's outcome and exit code stay what they were. */
    static void say(Console console, BlobArchive.Copy copy) {
        if (copy.copied()) {
            console.line(copy.sentence());
        } else {
            console.error(copy.sentence());
        }
    }

    static void write(ConfigurableApplicationContext context, ReportData data, Path dir, Set<ReportFormat> formats,
            Console console) {
        List<Path> files;
        try {
            files = new ReportWriter(context.getBean(IdentifierMasking.class)).write(data, dir, formats);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the reports to " + dir.toAbsolutePath() + ": " + e.getMessage()
                    + ". Choose a folder Ward can write to.", e);
        }
        List<Path> written = new java.util.ArrayList<>(files);
        // The audit chain's newest head travels with the evidence, outside the database.
        context.getBean(AuditHeads.class).exportTo(dir).ifPresent(written::add);
        console.line("");
        console.line("Reports of scan #" + data.run().scanId() + " written to " + dir.toAbsolutePath() + ":");
        written.forEach(file -> console.line("  " + file.getFileName()));
    }
}
