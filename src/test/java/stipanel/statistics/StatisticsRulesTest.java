package stipanel.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import stipanel.testing.PipelineRun;

/** docs/source-rules.md "Statistics" rules of the statistics kinds, one small delivery each. */
class StatisticsRulesTest {

    @TempDir
    Path root;

    @Test
    void theKindIsRecognisedFromTheHeaderWhateverItsSpellingAndTheFileName() {
        // given a header with full-width brackets, spaces, aliases and the unit in the value's header,
        // under a title row, in a file whose name says nothing
        String csv = """
                嵊泗县2024年科技统计数据（内部）
                年 份 ,地区代码,指标 ,数值（亿元）,状态,公布日期
                2024,330922,GDP,14,最终核实,2025-03-01
                """;
        PipelineRun run = new PipelineRun(root).deliverText("export (3).txt", csv, StandardCharsets.UTF_8).run();
        // then
        assertEquals(List.of(List.of("statistics_long", "loaded", 1L, 1L, 0L)), run.rows(
                "select kind, status, rows_read, rows_loaded, rows_rejected from source_files"));
        assertEquals(List.of(List.of("GDP", "330922", 2024, 140000.0, "最终核实", LocalDate.of(2025, 3, 1), 3)),
                run.rows("select stat_code, region_code, year, value, status, published_on, row_number "
                        + "from facts.statistic_versions"));
    }

    @Test
    void aRowWithoutPublicationDateTakesTheDateItsFileWasFirstIngested() {
        PipelineRun run = new PipelineRun(root).deliverText("人社局.csv", """
                年份,地区代码,地区名称,指标名称,数值,计量单位,数据状态,发布日期
                2024,330922,嵊泗县,技能人才总量,14100,人,,
                """, StandardCharsets.UTF_8).run();
        assertEquals(List.of(List.of(PipelineRun.TODAY, true)),
                run.rows("select published_on, published_on_is_ingest_date from facts.statistic_versions"));
    }

    @Test
    void sameDateAndStatusWithDifferentValuesIsAConflictTheLaterDeliveryWins() {
        String row = "2024,330922,嵊泗县,地区生产总值,%s,万元,最终核实,2025-03-01\n";
        String header = "年份,地区代码,地区名称,指标名称,数值,计量单位,数据状态,发布日期\n";
        PipelineRun run = new PipelineRun(root)
                .deliverText("a_first.csv", header + row.formatted("1400000"), StandardCharsets.UTF_8)
                .deliverText("b_second.csv", header + row.formatted("1410000"), StandardCharsets.UTF_8).run();
        assertEquals(1410000.0, run.value("select value from staging.statistics_current"));
        assertEquals(List.of(List.of("GDP", 2L)), run.rows(
                "select stat_code, distinct_values from staging.statistic_conflicts"));
    }

    @Test
    void aYearbookTitleGivesYearCityDateAndAPreliminaryStatus() throws Exception {
        // given a yearbook sheet titled 初步 with a 发布日期 cell, names short and indented
        Path book = root.resolve("book.xlsx");
        yearbook(book, List.of("2024年舟山市各县（区）主要指标（初步数）", "发布日期：2025年3月1日"),
                new Object[][] {{"地区", "地区生产总值（亿元）", "年末常住人口（万人）"}, {"全市", 2030, 116.2},
                        {"　　嵊泗", 140, 6.39}});
        // when
        PipelineRun run = new PipelineRun(root).deliver(book, "年鉴.xlsx").run();
        // then
        assertEquals(List.of(
                        List.of("GDP", "330900", 2024, 20300000.0, "初步核实", LocalDate.of(2025, 3, 1), 4),
                        List.of("GDP", "330922", 2024, 1400000.0, "初步核实", LocalDate.of(2025, 3, 1), 5),
                        List.of("POP", "330900", 2024, 1162000.0, "初步核实", LocalDate.of(2025, 3, 1), 4),
                        List.of("POP", "330922", 2024, 63900.0, "初步核实", LocalDate.of(2025, 3, 1), 5)),
                run.rows("select stat_code, region_code, year, value, status, published_on, row_number "
                        + "from facts.statistic_versions order by stat_code, region_code"));
    }

    @Test
    void aYearbookWhoseTitleNamesNoYearIsRefusedWithTheReason() throws Exception {
        Path book = root.resolve("book.xlsx");
        yearbook(book, List.of("各县（区）主要指标"), new Object[][] {{"地区", "地区生产总值（亿元）"}, {"嵊泗县", 140}});
        PipelineRun run = new PipelineRun(root).deliver(book, "年鉴.xlsx").run();
        assertEquals(List.of(List.of("refused", "title_year_missing", "没有一张表可以装载；工作表“T1”：统计年鉴宽表整表未装载："
                + "标题行没有写明数据年份（如 2024年）")), run.rows(
                "select status, reason_code, message from ingest.deliveries"));
    }

    @Test
    void aFileThatIsNeitherCsvNorWorkbookIsRefusedAndListed() throws Exception {
        Path pdf = root.resolve("x.pdf");
        Files.write(pdf, new byte[] {'%', 'P', 'D', 'F', 0, 1, 2, 3, 0, (byte) 0xFF});
        PipelineRun run = new PipelineRun(root).deliver(pdf, "统计公报.pdf").run();
        assertEquals(0, run.exitCode);
        assertEquals(List.of(List.of("统计公报.pdf", "refused", "file_pdf", "PDF 文件：请导出为 Excel 或 CSV")),
                run.rows("select file_name, status, reason_code, message from ingest.deliveries"));
    }

    private static void yearbook(Path file, List<String> titles, Object[][] table) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet s = wb.createSheet("T1");
            int r = 0;
            for (String t : titles) {
                s.createRow(r++).createCell(0).setCellValue(t);
            }
            for (Object[] cells : table) {
                Row row = s.createRow(r++);
                for (int c = 0; c < cells.length; c++) {
                    if (cells[c] instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else {
                        row.createCell(c).setCellValue((String) cells[c]);
                    }
                }
            }
            wb.write(out);
        }
    }
}
