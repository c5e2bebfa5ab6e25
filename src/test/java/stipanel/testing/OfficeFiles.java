package stipanel.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/** Real Office files written by POI for tests: workbooks and Word documents with tables, merged cells included. */
public final class OfficeFiles {

    private OfficeFiles() {
    }

    /** An .xlsx ({@code xls} false) or BIFF8 .xls with one sheet holding {@code rows}, each cell as text. */
    public static byte[] workbook(boolean xls, String sheet, List<List<String>> rows) {
        try (Workbook wb = xls ? new HSSFWorkbook() : new XSSFWorkbook();
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet(sheet);
            for (int r = 0; r < rows.size(); r++) {
                Row row = s.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Word document built paragraph by paragraph and table by table, in document order. */
    public static final class Document {

        private final XWPFDocument doc = new XWPFDocument();

        public Document paragraph(String text) {
            doc.createParagraph().createRun().setText(text);
            return this;
        }

        /**
         * A table of {@code rows}; a cell written {@code "v:text"} starts a vertical merge (vMerge restart) that the
         * cells written {@code "^"} below it continue, a cell written {@code "<"} widens the cell to its left by one grid
         * column (gridSpan): the row then has one cell fewer.
         */
        public Document table(List<List<String>> rows) {
            XWPFTable table = doc.createTable();
            for (int r = 0; r < rows.size(); r++) {
                XWPFTableRow row = r == 0 ? table.getRow(0) : table.createRow();
                // createRow() copies the first row's cell count: start every row from no cells.
                while (!row.getTableCells().isEmpty()) {
                    row.removeCell(0);
                }
                XWPFTableCell last = null;
                int span = 1;
                for (String text : rows.get(r)) {
                    if (text.equals("<")) {
                        span++;
                        CTTcPr pr = tcPr(last);
                        (pr.isSetGridSpan() ? pr.getGridSpan() : pr.addNewGridSpan()).setVal(BigInteger.valueOf(span));
                        continue;
                    }
                    span = 1;
                    last = row.addNewTableCell();
                    if (text.equals("^")) {
                        tcPr(last).addNewVMerge();
                    } else if (text.startsWith("v:")) {
                        last.setText(text.substring(2));
                        tcPr(last).addNewVMerge().setVal(STMerge.RESTART);
                    } else {
                        last.setText(text);
                    }
                }
            }
            return this;
        }

        private static CTTcPr tcPr(XWPFTableCell cell) {
            return cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
        }

        public byte[] bytes() {
            try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                doc.write(out);
                doc.close();
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public Path writeTo(Path file) {
            try {
                Files.write(file, bytes());
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A ZIP of {@code nameAndContent} pairs (name, text, name, text …). */
    public static byte[] zip(String... nameAndContent) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < nameAndContent.length; i += 2) {
                zip.putNextEntry(new ZipEntry(nameAndContent[i]));
                zip.write(nameAndContent[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
