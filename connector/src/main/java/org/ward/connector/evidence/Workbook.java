package org.ward.connector.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * {@code findings.xlsx}: the findings register and its companions as sheets of one Excel workbook (Apache POI,
 * streaming). Every
 * cell is a text cell, so nothing is ever read as a formula; the header row is bold, frozen and filtered.
 */
final class Workbook {

    /** Excel refuses a cell longer than this. */
    private static final int CELL_LIMIT = 32_767;
    private static final int ROW_WINDOW = 200;

    private Workbook() {
    }

    static byte[] of(List<Table> tables) throws IOException {
        // Streaming: only a window of rows stays in memory, so a register of 100,000 findings fits a small heap. The rows
        // pushed out wait in compressed temporary files, deleted when the workbook closes; they hold masked text only.
        try (SXSSFWorkbook book = new SXSSFWorkbook(ROW_WINDOW); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.setCompressTempFiles(true);
            Font bold = book.createFont();
            bold.setBold(true);
            CellStyle head = book.createCellStyle();
            head.setFont(bold);
            for (Table table : tables) {
                Sheet sheet = book.createSheet(table.name());
                Row header = sheet.createRow(0);
                for (int c = 0; c < table.header().size(); c++) {
                    header.createCell(c).setCellValue(table.header().get(c));
                    header.getCell(c).setCellStyle(head);
                }
                int r = 1;
                for (List<String> values : table.rows()) {
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < values.size(); c++) {
                        String value = values.get(c) == null ? "" : values.get(c);
                        row.createCell(c).setCellValue(value.length() > CELL_LIMIT ? value.substring(0, CELL_LIMIT) : value);
                    }
                }
                sheet.createFreezePane(0, 1);
                if (!table.header().isEmpty()) {
                    sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, table.header().size() - 1));
                }
                for (int c = 0; c < table.header().size(); c++) {
                    sheet.setColumnWidth(c, 256 * Math.min(60, Math.max(10, table.header().get(c).length() + 4)));
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }
}
