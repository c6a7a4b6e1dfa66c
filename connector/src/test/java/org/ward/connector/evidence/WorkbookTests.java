package org.ward.connector.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The workbook keeps every row, and every cell as text. */
class WorkbookTests {

    @Test
    void keepsRowsBeyondTheStreamingWindow() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            rows.add(List.of("F-" + i, "high"));
        }
        try (XSSFWorkbook book = read(new Table("Findings", List.of("id", "severity"), rows))) {
            assertThat(book.getSheet("Findings").getLastRowNum()).isEqualTo(1_000);
            assertThat(book.getSheet("Findings").getRow(1_000).getCell(0).getStringCellValue()).isEqualTo("F-999");
        }
    }

    @Test
    void formulaLookingTextStaysText() throws IOException {
        try (XSSFWorkbook book = read(new Table("Audit log", List.of("actor"), List.of(List.of("=HYPERLINK(\"x\")"))))) {
            var cell = book.getSheet("Audit log").getRow(1).getCell(0);
            assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
            assertThat(cell.getStringCellValue()).isEqualTo("=HYPERLINK(\"x\")");
        }
    }

    @Test
    void csvGuardsAgainstFormulas() {
        assertThat(new Table("t", List.of("actor"), List.of(List.of("=1+1"))).csv()).contains("'=1+1");
    }

    private static XSSFWorkbook read(Table table) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(Workbook.of(List.of(table))));
    }
}
