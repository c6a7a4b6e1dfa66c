package org.ward.connector.cli;

import java.nio.file.Path;

import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.report.ScanSummary;

/** Writes the report files for a summary (the writers live in the report package). */
final class ReportFiles {

    private ReportFiles() {
    }

    static void write(ConfigurableApplicationContext context, ScanSummary summary, Path dir, Console console) {
        console.line("");
        console.line("Reports are not written yet (report writers pending): " + dir);
    }
}
