package org.ward.connector.report;

import java.util.Locale;

/** The report files Ward writes. Every format is accompanied by {@code scan.json}, the run manifest. */
public enum ReportFormat {
    /** {@code report.html}: one self-contained page for people. */
    HTML("report.html"),
    /** {@code findings.csv}: the findings register as columns, for spreadsheets. */
    CSV("findings.csv"),
    /** {@code findings.json}: the findings register as a JSON array, for tools. */
    JSON("findings.json");

    private final String fileName;

    ReportFormat(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }

    /** "html", "CSV", " json " → the format; anything else fails with a sentence naming the choices. */
    public static ReportFormat of(String text) {
        String name = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (ReportFormat format : values()) {
            if (format.name().equals(name)) {
                return format;
            }
        }
        throw new IllegalArgumentException("A report format is html, csv or json, not '" + text + "'.");
    }
}
