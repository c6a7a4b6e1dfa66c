package org.ward.connector.evidence;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * {@code summary.pdf} (Apache PDFBox): the pack on a few A4 pages for a reader without a spreadsheet — headings,
 * wrapped paragraphs and chart images, flowing onto new pages as needed. Text arrives masked.
 */
final class SummaryPdf implements AutoCloseable {

    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private final PDDocument document = new PDDocument();
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private PDPageContentStream page;
    private float y;

    SummaryPdf(String title) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setCreator("Ward");
    }

    void heading(String text) throws IOException {
        space(30);
        write(bold, 14, text);
        y -= 4;
    }

    void paragraph(String text) throws IOException {
        for (String line : wrap(regular, 10, printable(regular, text))) {
            space(14);
            write(regular, 10, line);
        }
        y -= 4;
    }

    /** A label in bold and its value, wrapped. */
    void field(String label, String value) throws IOException {
        paragraph(label + ": " + value);
    }

    void image(BufferedImage image) throws IOException {
        float height = WIDTH * image.getHeight() / image.getWidth();
        space(height + 10);
        PDImageXObject pdf = LosslessFactory.createFromImage(document, image);
        y -= height;
        page.drawImage(pdf, MARGIN, y, WIDTH, height);
        y -= 10;
    }

    void newPage() throws IOException {
        if (page != null) {
            page.close();
        }
        PDPage next = new PDPage(PDRectangle.A4);
        document.addPage(next);
        page = new PDPageContentStream(document, next);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    byte[] bytes() throws IOException {
        if (page != null) {
            page.close();
            page = null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }

    @Override
    public void close() throws IOException {
        document.close();
    }

    private void space(float needed) throws IOException {
        if (page == null || y - needed < MARGIN) {
            newPage();
        }
    }

    private void write(PDType1Font font, float size, String text) throws IOException {
        y -= size + 4;
        page.beginText();
        page.setFont(font, size);
        page.newLineAtOffset(MARGIN, y);
        page.showText(printable(font, text));
        page.endText();
    }

    private static List<String> wrap(PDType1Font font, float size, String text) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (font.getStringWidth(candidate) / 1000 * size > WIDTH && !line.isEmpty()) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /** The standard fonts know WinAnsi only: anything else is written as '?' rather than failing the pack. */
    private static String printable(PDType1Font font, String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            if (cp == '\n' || cp == '\r' || cp == '\t') {
                out.append(' ');
                return;
            }
            try {
                font.encode(ch);
                out.append(ch);
            } catch (IllegalArgumentException | IOException e) {
                out.append('?');
            }
        });
        return out.toString();
    }
}
