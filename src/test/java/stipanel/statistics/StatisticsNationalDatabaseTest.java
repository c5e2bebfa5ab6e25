package stipanel.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import stipanel.testing.PipelineRun;

/**
 * The national statistics database export (国家数据 data.stats.gov.cn, docs/sources.md "Statistics"): years as columns,
 * the indicator or the region in a title row, the unit in the indicator's brackets, notes below.
 */
class StatisticsNationalDatabaseTest {

    static final Charset GBK = Charset.forName("GBK");
    static final LocalDate TODAY = PipelineRun.TODAY;
    static final String VERSIONS = "select stat_code, region_code, year, value, status, published_on, "
            + "published_on_is_ingest_date, reported_name, reported_unit, reported_value, row_number "
            + "from facts.statistic_versions order by row_number, year desc";

    @TempDir
    Path root;

    @Test
    void oneRowPerRegionUnderTheIndicatorOfTheTitleInAGbkCsv() {
        // given a GBK export of one indicator in 亿元, years as 2025年 …, an empty cell, a … cell (a version "not
        // available", kept as its NFKC form ...) and notes below
        String csv = """
                数据库：分县年度数据
                指标：地区生产总值(亿元)
                时间：最近5年
                地区,2025年,2024年,2023年,2022年,2021年
                舟山市嵊泗县,,140.2,132,125,118.56
                岱山县,760,720,,,…
                注：1.2024年数据为初步核算数。
                数据来源：国家统计局
                """;
        // when
        PipelineRun run = new PipelineRun(root).deliverText("分县年度数据.csv", csv, GBK).run();
        // then every non-empty cell is a version in 万元, 2024 marked by the note, dated by the first ingestion
        assertEquals(List.of(List.of("statistics_national_db", "loaded", 2L, 2L, 0L, "指标取自标题：地区生产总值(亿元)")),
                run.rows("select kind, status, rows_read, rows_loaded, rows_rejected, message from source_files"));
        assertEquals("CSV GB18030", run.value("select format from ingest.deliveries"));
        assertEquals(List.of(
                version("GDP", "330922", 2024, 1402000.0, "初步核算", "地区生产总值(亿元)", "亿元", "140.2", 5),
                version("GDP", "330922", 2023, 1320000.0, "最终核实", "地区生产总值(亿元)", "亿元", "132", 5),
                version("GDP", "330922", 2022, 1250000.0, "最终核实", "地区生产总值(亿元)", "亿元", "125", 5),
                version("GDP", "330922", 2021, 1185600.0, "最终核实", "地区生产总值(亿元)", "亿元", "118.56", 5),
                version("GDP", "330921", 2025, 7600000.0, "最终核实", "地区生产总值(亿元)", "亿元", "760", 6),
                version("GDP", "330921", 2024, 7200000.0, "初步核算", "地区生产总值(亿元)", "亿元", "720", 6),
                version("GDP", "330921", 2021, null, "最终核实", "地区生产总值(亿元)", "亿元", "...", 6)),
                run.rows(VERSIONS));
    }

    @Test
    void oneRowPerIndicatorUnderTheRegionOfTheTitleInAnXlsWithNumberYears() throws Exception {
        // given an .xls for 嵊泗县 whose year headers are number cells, units of several quantities, an indicator that
        // is no base statistic, two units that do not convert, and a note that marks two years
        Path xls = root.resolve("export.xls");
        xls(xls, List.of("数据库：分县年度数据", "地区：嵊泗县", "时间：最近3年"), new Object[][] {
                {"指标", 2024, 2023, 2022},
                {"地区生产总值(亿元)", 140, 132, 125},
                {"年末常住人口(万人)", 6.39, 6.42, null},
                {"地方财政科学技术支出(亿元)", 0.238, 0.205, 0.18},
                {"R&D人员全时当量(人年)", 60, 52, 45},
                {"第一产业增加值(亿元)", 20.5, 19.8, 18.7},
                {"年末常住人口(亿元)", 1, 1, 1},
                {"地区生产总值(亿美元)", 19.3, 18.4, 17.9},
                {},
                {"注：2024年数据为初步数；2022年数据为第五次全国经济普查修订数。"},
                {"数据来源：国家统计局"}});
        // when
        PipelineRun run = new PipelineRun(root).deliver(xls, "分县年度数据.xls").run();
        // then
        assertEquals(List.of(List.of("statistics_national_db", "loaded", 7L, 4L, 3L)), run.rows(
                "select kind, status, rows_read, rows_loaded, rows_rejected from source_files"));
        assertEquals("xls", run.value("select format from ingest.deliveries"));
        assertEquals(List.of(
                version("GDP", "330922", 2024, 1400000.0, "初步核实", "地区生产总值(亿元)", "亿元", "140", 5),
                version("GDP", "330922", 2023, 1320000.0, "最终核实", "地区生产总值(亿元)", "亿元", "132", 5),
                version("GDP", "330922", 2022, 1250000.0, "普查修订", "地区生产总值(亿元)", "亿元", "125", 5),
                version("POP", "330922", 2024, 63900.0, "初步核实", "年末常住人口(万人)", "万人", "6.39", 6),
                version("POP", "330922", 2023, 64200.0, "最终核实", "年末常住人口(万人)", "万人", "6.42", 6),
                version("FISCAL_ST", "330922", 2024, 2380.0, "初步核实", "地方财政科学技术支出(亿元)", "亿元", "0.238", 7),
                version("FISCAL_ST", "330922", 2023, 2050.0, "最终核实", "地方财政科学技术支出(亿元)", "亿元", "0.205", 7),
                version("FISCAL_ST", "330922", 2022, 1800.0, "普查修订", "地方财政科学技术支出(亿元)", "亿元", "0.18", 7),
                version("RD_FTE", "330922", 2024, 60.0, "初步核实", "R&D人员全时当量(人年)", "人年", "60", 8),
                version("RD_FTE", "330922", 2023, 52.0, "最终核实", "R&D人员全时当量(人年)", "人年", "52", 8),
                version("RD_FTE", "330922", 2022, 45.0, "普查修订", "R&D人员全时当量(人年)", "人年", "45", 8)),
                run.rows(VERSIONS));
        assertEquals(List.of(
                List.of(9, "statistic_unknown",
                        "指标“第一产业增加值(亿元)”不是已知的基础统计指标（可用的指标名称与别名见数据仓库 ref.base_statistics）"),
                List.of(10, "unit_unconvertible", "指标“年末常住人口(亿元)”的单位“亿元”无法换算为人"),
                List.of(11, "unit_unconvertible", "指标“地区生产总值(亿美元)”的单位“亿美元”无法换算为万元")),
                run.rows("select row_number, reason_code, reason from ingest.rejected_rows order by 1"));
    }

    @Test
    void aDistrictNameTwoCitiesShareIsRejectedNamingBothUnlessItsCityIsNamed() {
        // given region rows 普陀区 (Shanghai and Zhoushan), 舟山市普陀区 and 上海市普陀区
        String csv = """
                数据库：分县年度数据
                指标：年末常住人口(万人)
                时间：最近5年
                地区,2024年
                普陀区,38.34
                舟山市普陀区,38.34
                上海市普陀区,124.5
                """;
        // and a table of indicators for 普陀区 alone, and one for 舟山市普陀区
        String titled = """
                数据库：分县年度数据
                地区：%s
                时间：最近5年
                指标,2024年
                年末常住人口(万人),38.34
                """;
        // when
        PipelineRun run = new PipelineRun(root).deliverText("a_rows.csv", csv, GBK)
                .deliverText("b_putuo.csv", titled.formatted("普陀区"), GBK)
                .deliverText("c_zhoushan_putuo.csv", titled.formatted("舟山市普陀区"), GBK).run();
        // then
        String ambiguous = "“普陀区”在全国有 2 个同名区县：310107 上海市普陀区、330903 舟山市普陀区（请提供所属城市）";
        assertEquals(List.of(List.of("a_rows.csv", 5, "region_name_ambiguous", "地区" + ambiguous)),
                run.rows("select file_name, row_number, reason_code, reason from rejected_rows"));
        assertEquals(List.of(
                        List.of("a_rows.csv", "330903", 383400.0, 6),
                        List.of("a_rows.csv", "310107", 1245000.0, 7),
                        List.of("c_zhoushan_putuo.csv", "330903", 383400.0, 5)),
                run.rows("select d.file_name, region_code, value, row_number from facts.statistic_versions "
                        + "join ingest.deliveries d using (content_hash) order by 1, 4"));
        assertEquals(List.of(List.of("refused", "region_name_ambiguous",
                        "没有一张表可以装载；地区取自标题：普陀区；国家统计局数据库导出整表未装载：标题中的地区" + ambiguous)),
                run.rows("select status, reason_code, message from source_files where file_name = 'b_putuo.csv'"));
    }

    @Test
    void aTableWithoutItsIndicatorIsRefusedNamingWhatItLacks() {
        // given an export whose indicator title was cut off, re-saved by Excel (title lines padded with commas)
        String csv = """
                数据库：分省年度数据,,
                时间：最近5年,,
                地区,2024年,2023年
                浙江省,90131.0,83039.0
                """;
        // and one whose indicator is no base statistic
        String unknown = """
                数据库：分省年度数据
                指标：第一产业增加值(亿元)
                地区,2024年
                浙江省,2100.5
                """;
        // when
        PipelineRun run = new PipelineRun(root).deliverText("a.csv", csv, GBK).deliverText("b.csv", unknown, GBK)
                .run();
        // then
        assertEquals(List.of(
                List.of("a.csv", "refused", "no_known_header", "没有一张表的表头属于已知的提取种类。最接近的是"
                        + "“国家统计局数据库导出”（statistics_national_db，第 3 行）：缺少必需列 指标（首列，或标题“指标：…”）；"
                        + "已识别的列 地区、2024年→2024、2023年→2023"),
                List.of("b.csv", "refused", "statistic_unknown", "没有一张表可以装载；指标取自标题：第一产业增加值(亿元)；"
                        + "国家统计局数据库导出整表未装载：标题中的指标“第一产业增加值(亿元)”不是已知的基础统计指标（可用的指标名称与别名见数据仓库 ref.base_statistics）")),
                run.rows("select file_name, status, reason_code, message from source_files order by 1"));
    }

    @Test
    void aProvinceRowAndATitleDateAreReadAsTheyStand() {
        // given a 分省 export of 10,000 persons with a 发布日期 title and a province row
        String csv = """
                数据库：分省年度数据
                指标：年末常住人口(万人)
                时间：2023年-2024年
                发布日期：2025-09-30
                地区,2024年,2023年
                浙江省,6670,6627
                """;
        // when
        PipelineRun run = new PipelineRun(root).deliverText("分省年度数据.csv", csv, GBK).run();
        // then the period 2023年-2024年 names no data year (no note about several years) and the date dates them
        assertEquals("指标取自标题：年末常住人口(万人)", run.value("select message from source_files"));
        assertEquals(List.of(
                        List.of("POP", "330000", 2024, 66700000.0, "最终核实", LocalDate.of(2025, 9, 30), false,
                                "年末常住人口(万人)", "万人", "6670", 6),
                        List.of("POP", "330000", 2023, 66270000.0, "最终核实", LocalDate.of(2025, 9, 30), false,
                                "年末常住人口(万人)", "万人", "6627", 6)),
                run.rows(VERSIONS));
    }

    @Test
    void theSamplesLoadEveryCellTheyHold() {
        // when the national database samples are delivered on their own
        PipelineRun run = new PipelineRun(root).deliverSamples("statistics/分县年度数据.csv",
                "statistics/分县年度数据_嵊泗县.xls").run();
        // then (values in 万元 and 人, 2025 marked 初步核算 by the CSV's note and 初步核实 by the workbook's 初步数)
        assertEquals(List.of(List.of("分县年度数据.csv", "CSV GB18030", 4L, 4L, 0L),
                        List.of("分县年度数据_嵊泗县.xls", "xls", 4L, 3L, 1L)),
                run.rows("select file_name, format, rows_read, rows_loaded, rows_rejected from ingest.deliveries "
                        + "order by 1"));
        assertEquals(List.of(
                        List.of("GDP", "330902", 2025, 6500000.0, "初步核算"), List.of("GDP", "330902", 2024, 6200000.0, "最终核实"),
                        List.of("GDP", "330902", 2023, 5900000.0, "最终核实"), List.of("GDP", "330902", 2022, 5600000.0, "最终核实"),
                        List.of("GDP", "330903", 2025, 5550000.0, "初步核算"), List.of("GDP", "330903", 2024, 5300000.0, "最终核实"),
                        List.of("GDP", "330903", 2023, 5050000.0, "最终核实"), List.of("GDP", "330903", 2022, 4800000.0, "最终核实"),
                        List.of("GDP", "330921", 2025, 7600000.0, "初步核算"), List.of("GDP", "330921", 2024, 7200000.0, "最终核实"),
                        List.of("GDP", "330921", 2023, 6800000.0, "最终核实"),
                        List.of("GDP", "330922", 2025, 1460000.0, "初步核算"), List.of("GDP", "330922", 2024, 1400000.0, "最终核实"),
                        List.of("GDP", "330922", 2023, 1320000.0, "最终核实"), List.of("GDP", "330922", 2022, 1250000.0, "最终核实")),
                run.rows("select stat_code, region_code, year, value, v.status from facts.statistic_versions v "
                        + "join ingest.deliveries d using (content_hash) where d.file_name = '分县年度数据.csv' "
                        + "order by region_code, year desc"));
        assertEquals(List.of(
                        List.of("GDP", 2025, 1460000.0, "初步核实"), List.of("GDP", 2024, 1400000.0, "最终核实"),
                        List.of("GDP", 2023, 1320000.0, "最终核实"), List.of("GDP", 2022, 1250000.0, "最终核实"),
                        List.of("POP", 2025, 63700.0, "初步核实"), List.of("POP", 2024, 63900.0, "最终核实"),
                        List.of("POP", 2023, 64200.0, "最终核实"), List.of("POP", 2022, 64500.0, "最终核实"),
                        List.of("FISCAL_ST", 2024, 2380.0, "最终核实"), List.of("FISCAL_ST", 2023, 2050.0, "最终核实"),
                        List.of("FISCAL_ST", 2022, 1800.0, "最终核实")),
                run.rows("select stat_code, year, value, v.status from facts.statistic_versions v "
                        + "join ingest.deliveries d using (content_hash) where d.file_name like '%.xls' "
                        + "and region_code = '330922' order by row_number, year desc"));
    }

    @Test
    void aNoteOrTitleMarksTheYearsItNamesOrEveryYear() {
        StatisticsNationalDatabaseKind.Statuses statuses = new StatisticsNationalDatabaseKind.Statuses();
        statuses.read("数据库：分省年度数据 指标：地区生产总值(亿元) 时间：最近5年");
        statuses.read("注：1.1980年以后国民经济核算数据按照第四次全国经济普查结果修订。");
        assertEquals("最终核实", statuses.of(2024));
        statuses.read("注：2023年、2024年数据为初步核算数；2022年为最终核实数，2019-2021年数据为普查修订数。");
        assertEquals(List.of("普查修订", "普查修订", "普查修订", "最终核实", "初步核算", "初步核算", "最终核实"),
                Arrays.stream(new int[] {2019, 2020, 2021, 2022, 2023, 2024, 2025}).mapToObj(statuses::of).toList());
        statuses.read("注：本表数据为初步数。");
        assertEquals(List.of("初步核实", "初步核算"), List.of(statuses.of(2025), statuses.of(2024)));
    }

    private static List<Object> version(String stat, String region, int year, Double value, String status,
                                        String name, String unit, String delivered, int row) {
        return Arrays.asList(stat, region, year, value, status, TODAY, true, name, unit, delivered, row);
    }

    /** An .xls as 国家数据 exports one: title rows in column A, then the table (numbers as number cells). */
    static void xls(Path file, List<String> titles, Object[][] table) throws Exception {
        try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("Sheet1");
            int r = 0;
            for (String title : titles) {
                sheet.createRow(r++).createCell(0).setCellValue(title);
            }
            for (Object[] cells : table) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < cells.length; c++) {
                    if (cells[c] instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (cells[c] != null) {
                        row.createCell(c).setCellValue((String) cells[c]);
                    }
                }
            }
            wb.write(out);
        }
    }
}
