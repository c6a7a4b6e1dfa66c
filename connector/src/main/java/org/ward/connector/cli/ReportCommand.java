package org.ward.connector.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.report.ReportData;
import org.ward.connector.report.ReportFormat;
import org.ward.connector.report.ScanReports;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code ward report}: the reports of the latest completed scan, from the register; no Graph calls. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write the reports of the latest completed scan: findings.json (one object per finding),"
                + " findings.csv (the same as columns) and report.html (a self-contained page with charts and a table to"
                + " sort and filter), each with scan.json, the run manifest. Patient identifiers are always masked.",
            "Exits 1 when no scan has completed yet."})
final class ReportCommand implements WardTask {

    @Mixin
    LaunchOptions launch;

    @Option(names = "--format", paramLabel = "FORMAT", split = ",", converter = FormatConverter.class,
            description = "html, csv or json; repeat the option or separate with commas (default: all three).")
    List<ReportFormat> formats;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "ward-reports",
            description = "The folder to write to, created when missing (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public LaunchOptions launch() {
        return launch;
    }

    @Override
    public boolean readOnly() {
        return true;
    }

    @Override
    public int run(ConfigurableApplicationContext context, Console console) {
        Optional<ReportData> data = context.getBean(ScanReports.class).latestReportData(Instant.now());
        if (data.isEmpty()) {
            console.error("No scan has completed yet, so there is nothing to report: run ward scan first.");
            return ExitCodes.FAILED;
        }
        ReportFiles.write(context, data.get(), out, selected(), console);
        return ExitCodes.OK;
    }

    Set<ReportFormat> selected() {
        return formats == null || formats.isEmpty() ? EnumSet.allOf(ReportFormat.class) : EnumSet.copyOf(formats);
    }

    /** Reads "html", "CSV", ... and names the choices otherwise. */
    static final class FormatConverter implements ITypeConverter<ReportFormat> {

        @Override
        public ReportFormat convert(String value) {
            try {
                return ReportFormat.of(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
