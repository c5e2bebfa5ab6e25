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

import stipanel.testing.OfficeFiles;

/** docs/source-rules.md: encodings detected, not configured; row numbers as a person sees them; Excel cells as text. */
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

    @Test
    void eachWordTableIsASheetWhoseTitlesAreTheParagraphsAboveIt() throws Exception {
        Path file = new OfficeFiles.Document()
                .paragraph("附件2")
                .paragraph("2024年度浙江省科技型中小企业拟入库名单")
                .paragraph("   ")
                .table(List.of(List.of("序号", "企业名称"), List.of("1", "浙江嵊泗海洋科技有限公司")))
                .paragraph("2023年度浙江省科技型中小企业入库名单")
                .table(List.of(List.of("序号", "企业名称")))
                .paragraph("注：排名不分先后")
                .writeTo(dir.resolve("名单.docx"));
        assertEquals(ExtractFormat.DOCUMENT, ExtractFormat.of(file));
        try (ExtractFormat.ExtractReader reader = ExtractFormat.open(file, ExtractFormat.DOCUMENT)) {
            List<SheetSource> tables = reader.sheets();
            assertEquals("docx", reader.description());
            assertEquals(List.of("表格1", "表格2"), tables.stream().map(SheetSource::name).toList());
            assertEquals(List.of("附件2", "2024年度浙江省科技型中小企业拟入库名单"), tables.get(0).titles());
            assertEquals(List.of("2023年度浙江省科技型中小企业入库名单"), tables.get(1).titles());
            List<RawRow> rows = new ArrayList<>();
            tables.get(0).rows().forEachRemaining(rows::add);
            assertEquals(List.of(1, 2), rows.stream().map(RawRow::number).toList());
            assertEquals(List.of("1", "浙江嵊泗海洋科技有限公司"), rows.get(1).cells());
            // what the ingester makes of the titles: the year and the proposed status of a workbook's title rows
            TableMetadata first = TableMetadata.of(tables.get(0).titles(), "表格1", "名单.docx");
            assertEquals(2024, first.year());
            assertTrue(first.proposed());
            TableMetadata second = TableMetadata.of(tables.get(1).titles(), "表格2", "名单.docx");
            assertEquals(2023, second.year());
            assertEquals(false, second.proposed());
        }
    }

    @Test
    void mergedWordCellsStandInEveryColumnAndRowTheyCover() throws Exception {
        // a title across 4 columns; a header whose 企业 cell spans two rows above 名称 | 信用代码 split below a
        // group; a data row with a cell two columns wide; a category merged down two rows
        Path file = new OfficeFiles.Document().table(List.of(
                        List.of("2024年度名单", "<", "<", "<"),
                        List.of("v:序号", "企业", "<", "v:认定类别"),
                        List.of("^", "名称", "信用代码", "^"),
                        List.of("1", "浙江嵊泗海洋科技有限公司（联合申报）", "<", "v:高新技术企业"),
                        List.of("2", "嵊泗港航物流科技有限公司", "91330922MA2H1E050U", "^")))
                .writeTo(dir.resolve("合并.docx"));
        try (ExtractFormat.ExtractReader reader = ExtractFormat.open(file, ExtractFormat.of(file))) {
            SheetSource table = reader.sheets().get(0);
            List<List<String>> cells = new ArrayList<>();
            table.rows().forEachRemaining(r -> cells.add(r.cells()));
            assertEquals(List.of(
                    List.of("2024年度名单", "2024年度名单", "2024年度名单", "2024年度名单"),
                    List.of("序号", "企业", "企业", "认定类别"),
                    List.of("序号", "名称", "信用代码", "认定类别"),
                    List.of("1", "浙江嵊泗海洋科技有限公司（联合申报）", "浙江嵊泗海洋科技有限公司（联合申报）", "高新技术企业"),
                    List.of("2", "嵊泗港航物流科技有限公司", "91330922MA2H1E050U", "高新技术企业")), cells);
            // the header starting on row 2 spans rows 2-3 (its 序号 and 认定类别 are merged down); row 4 starts a
            // merge into row 5; row 3 starts none
            assertEquals(List.of(1, 2, 1, 2, 1), List.of(table.headerDepth(1), table.headerDepth(2),
                    table.headerDepth(3), table.headerDepth(4), table.headerDepth(5)));
        }
    }

    @Test
    void anXlsxInAnyExtensionCaseAndUnderTheNameXlsIsAWorkbook() throws Exception {
        byte[] xlsx = OfficeFiles.workbook(false, "名单", List.of(List.of("年份"), List.of("2024")));
        byte[] xls = OfficeFiles.workbook(true, "名单", List.of(List.of("年份"), List.of("2023")));
        for (Path file : List.of(write("a.XLSX", xlsx), write("b.xls", xlsx), write("c.Xls", xls), write("d.xlsx", xls))) {
            assertEquals(ExtractFormat.WORKBOOK, ExtractFormat.of(file), file.toString());
            assertEquals(List.of("年份"), read(file).get(0).cells(), file.toString());
        }
        try (var reader = ExtractFormat.open(dir.resolve("b.xls"), ExtractFormat.WORKBOOK)) {
            assertEquals("xlsx", reader.description());
        }
        try (var reader = ExtractFormat.open(dir.resolve("d.xlsx"), ExtractFormat.WORKBOOK)) {
            assertEquals("xls", reader.description());
        }
    }
}
