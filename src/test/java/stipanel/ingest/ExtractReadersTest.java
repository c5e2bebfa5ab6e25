package stipanel.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DOMAIN.md §3: encodings detected, not configured; row numbers as a person sees them; Excel cells as text. */
class ExtractReadersTest {

    @TempDir
    Path dir;

    static final String CSV = "年份,地区名称,备注\n2024,嵊泗县,\"两行\n备注\"\n\n2023,定海区,无\n";

    private List<RawRow> read(Path file) throws Exception {
        try (ExtractFormat.ExtractReader reader = ExtractFormat.open(file, ExtractFormat.of(file))) {
            List<RawRow> rows = new ArrayList<>();
            reader.sheets().get(0).rows().forEachRemaining(rows::add);
            return rows;
        }
    }

    private Path write(String name, byte[] bytes) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    @Test
    void csvInUtf8WithBomAndInGbkIsDetectedAndReadAlike() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] utf8 = CSV.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[bom.length + utf8.length];
        System.arraycopy(bom, 0, withBom, 0, 3);
        System.arraycopy(utf8, 0, withBom, 3, utf8.length);
        for (Path file : List.of(write("utf8.csv", utf8), write("bom.csv", withBom),
                write("gbk.csv", CSV.getBytes(Charset.forName("GBK"))))) {
            List<RawRow> rows = read(file);
            assertEquals(List.of("年份", "地区名称", "备注"), rows.get(0).cells(), file.toString());
            assertEquals(List.of("2024", "嵊泗县", "两行\n备注"), rows.get(1).cells(), file.toString());
        }
        try (var reader = CsvExtractReader.open(dir.resolve("gbk.csv"))) {
            assertEquals("CSV GB18030", reader.description());
        }
    }

    @Test
    void aCsvRecordIsNumberedByTheLineItStartsOn() throws Exception {
        // header = line 1; the quoted note spans lines 2-3; line 4 is blank; the last record is on line 5
        List<RawRow> rows = read(write("lines.csv", CSV.getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(1, 2, 4, 5), rows.stream().map(RawRow::number).toList());
        assertTrue(rows.get(2).isBlank());
    }

    @Test
    void tabSeparatedTextIsReadToo() throws Exception {
        List<RawRow> rows = read(write("export.csv", "年份\t地区名称\n2024\t嵊泗县\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("2024", "嵊泗县"), rows.get(1).cells());
    }

    @Test
    void binaryContentIsNeitherCsvNorWorkbookWhateverItsName() throws Exception {
        Path file = write("data.csv", new byte[] {0x00, 0x01, 0x02, (byte) 0xFF, 0x00, 0x13});
        assertEquals(ExtractFormat.OTHER, ExtractFormat.of(file));
    }

    @Test
    void workbookCellsReadAsAPersonSeesThem() throws Exception {
        Path file = dir.resolve("book.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet s = wb.createSheet("数据");
            CellStyle dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.createDataFormat().getFormat("yyyy/m/d"));
            Row title = s.createRow(0);
            title.createCell(0).setCellValue("标题");
            s.addMergedRegion(new CellRangeAddress(0, 0, 0, 3));
            Row r = s.createRow(2);
            r.createCell(0).setCellValue(2024);
            r.createCell(1).setCellValue(0.1);
            r.createCell(2).setCellValue(LocalDate.of(2024, 3, 5));
            r.getCell(2).setCellStyle(dateStyle);
            r.createCell(3).setCellFormula("B3*10");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            wb.write(out);
        }
        assertEquals(ExtractFormat.WORKBOOK, ExtractFormat.of(file));
        List<RawRow> rows = read(file);
        assertEquals(List.of("标题", "标题", "标题", "标题"), rows.get(0).cells(), "a merged cell stands in every cell");
        assertEquals(3, rows.get(1).number(), "the sheet's own row number");
        assertEquals(List.of("2024", "0.1", "2024-03-05", "1"), rows.get(1).cells());
    }
}
