package org.ward.connector.evidence;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * One sheet of the pack: a header and rows of text, every cell already masked. Written as CSV (RFC 4180, UTF-8 with a
 * byte-order mark so Excel reads it as UTF-8) or as a sheet of the workbook.
 *
 * @param name the sheet's name
 * @param header the column names
 * @param rows the rows, each as long as the header
 */
record Table(String name, List<String> header, List<List<String>> rows) {

    Table {
        header = List.copyOf(header);
        rows = rows.stream().map(row -> java.util.Collections.unmodifiableList(new ArrayList<>(row))).toList();
    }

    String csv() {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (List<String> row : rows) {
                printer.printRecord(row.stream().map(Table::safe).toList());
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return out.toString();
    }

    /** A spreadsheet runs a cell starting with =, +, -, @, tab or CR as a formula; a leading apostrophe keeps it text. */
    static String safe(String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
