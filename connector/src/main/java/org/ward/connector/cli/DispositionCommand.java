package org.ward.connector.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.discovery.LocationStore;
import org.ward.connector.findings.FindingStore;
import org.ward.connector.report.DispositionReport;
import org.ward.connector.runs.ScanRuns;
import org.ward.rules.classify.IdentifierMasking;
import org.ward.rules.facts.Location;
import org.ward.rules.policy.PolicyPack;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code ward disposition}: the records manager's list of recordings kept past their retention period. */
@Command(name = "disposition", mixinStandardHelpOptions = true,
        description = {"List the disposition candidates for the records manager: every recording kept past its retention"
                + " period (or past its review date, where the period starts at an event), with its label, the period,"
                + " what starts it and how far past it is. Ward deletes nothing. Makes no Graph call: it reads the last"
                + " scan's findings. Patient identifiers are masked."})
final class DispositionCommand implements WardTask {

    enum Format { TABLE, CSV, JSON }

    @Mixin
    LaunchOptions launch;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table (default), csv or json.",
            converter = FormatConverter.class)
    Format format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the list to this file instead of the console.")
    Path output;

    @Override
    public LaunchOptions launch() {
        return launch;
    }

    @Override
    public int run(ConfigurableApplicationContext context, Console console) throws Exception {
        DispositionReport report = new DispositionReport(context.getBean(IdentifierMasking.class),
                context.getBean(PolicyPack.class));
        Map<String, String> places = new LinkedHashMap<>();
        context.getBean(ScanRuns.class).latestCompleted().ifPresent(scan -> context.getBean(LocationStore.class)
                .locations(scan.scanId()).forEach((Location l) -> places.put(l.siteId(), l.displayName())));
        Instant now = context.getBean(Clock.class).instant();
        List<Map<String, Object>> rows = report.rows(context.getBean(FindingStore.class).open(), places, now);
        String text = switch (format) {
            case CSV -> report.csv(rows);
            case JSON -> JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(rows);
            case TABLE -> String.join(System.lineSeparator(), report.table(rows));
        };
        if (output != null) {
            Files.writeString(output, text, StandardCharsets.UTF_8);
            console.line("Wrote " + rows.size() + " disposition candidate" + (rows.size() == 1 ? "" : "s") + " to " + output + ".");
        } else if (!text.isEmpty()) {
            console.line(text);
        }
        if (format == Format.TABLE && output == null) {
            console.line(rows.size() + " recording" + (rows.size() == 1 ? " is" : "s are") + " past retention: disposition"
                    + " candidates for the records manager. Ward deletes nothing.");
        }
        return ExitCodes.OK;
    }

    /** Reads table, csv or json in any case. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a format: use table, csv or json.");
            }
        }
    }
}
