package stipanel.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import stipanel.testing.PipelineRun;

/**
 * The statistics samples (data-samples/statistics/) through the whole job. The expected panel was computed
 * independently of this code, from the versions the samples publish, by src/test/tools/statistics_samples.py;
 * the hand-computed values below check that computation in turn.
 */
class StatisticsPanelTest {

    static final List<String> STATISTICS_INDICATORS = List.of("RD_INTENSITY", "RD_INTENSITY_GAP_CITY", "IND_RD_EXP",
            "IND_RD_REV_RATIO", "HT_VA", "HT_VA_SHARE", "RD_FTE_PER_10K_EMP", "FISCAL_ST_GROWTH", "FISCAL_ST_CAGR",
            "SKILLED", "HIGH_SKILLED", "NEW_GRADUATES_CUM", "TECH_COMMISSIONERS_CUM", "KEY_TECH_PROJECTS_CUM",
            "TECH_TRANSFER_CUM");

    @TempDir
    static Path root;
    static PipelineRun run;

    @BeforeAll
    static void runOnTheStatisticsSamples() {
        run = new PipelineRun(root.resolve("full")).deliverSamples("statistics").run();
        assertEquals(0, run.exitCode, run.stderr);
    }

    @Test
    void everyStatisticsIndicatorEqualsTheIndependentlyComputedPanel() throws IOException {
        assertPanelEquals(expected("statistics-panel.csv"), run);
    }

    @Test
    void handComputedValuesForRevisionsCityFiguresAndMissingInputs() {
        // 2024 GDP revised to 1,400,000 万元 on 2025-09-30; RD_EXP 8,100 (最终核实 beats 初步核实 on the same day)
        assertEquals(8100.0 / 1400000 * 100, run.panel("RD_INTENSITY", "330922", 2024), 1e-12);
        // 2023: the yearbook's final figures (2024-06-30) supersede the preliminary ones of 2024-01-20
        assertEquals(7260.0 / 1320000 * 100, run.panel("RD_INTENSITY", "330922", 2023), 1e-12);
        // the city's official 2023 figures (yearbook 全市 row) win over the sum of its counties
        assertEquals(2.40625, run.panel("RD_INTENSITY", "330900", 2023), 1e-12);
        // 2024: official city GDP 20,300,000; no official city RD_EXP, so the sum of all four counties
        assertEquals((161000.0 + 99000 + 228000 + 8100) / 20300000 * 100, run.panel("RD_INTENSITY", "330900", 2024),
                1e-12);
        assertEquals(8100.0 / 1400000 * 100 - 496100.0 / 20300000 * 100,
                run.panel("RD_INTENSITY_GAP_CITY", "330922", 2024), 1e-12);
        // Shengsi's staff were delivered in 万人 (4.2万人 = 42,000 人)
        assertEquals(60.0 / 42000 * 10000, run.panel("RD_FTE_PER_10K_EMP", "330922", 2024), 1e-12);
        // FISCAL_ST delivered in 元 with thousands separators: 23,800,000 元 = 2,380 万元
        assertEquals((2380.0 / 2050 - 1) * 100, run.panel("FISCAL_ST_GROWTH", "330922", 2024), 1e-12);
        assertEquals((Math.pow(2700.0 / 1800, 1.0 / 3) - 1) * 100, run.panel("FISCAL_ST_CAGR", "330922", 2025), 1e-12);
        // cumulative from the plan's first year 2023: 460 + 510 + 530
        assertEquals(1500.0, run.panel("NEW_GRADUATES_CUM", "330922", 2025));
        assertNull(run.panel("NEW_GRADUATES_CUM", "330922", 2022), "before the plan's first year");
        // Putuo did not report 2023 graduates (—): its cumulative value, and the city's, are NULL from 2023 on
        assertNull(run.panel("NEW_GRADUATES_CUM", "330903", 2025));
        assertNull(run.panel("NEW_GRADUATES_CUM", "330900", 2024));
        // Shengsi's 2023 transfer was first published as … and later as 1: the number supersedes the marker
        assertEquals(0.0 + 1 + 1 + 2, run.panel("TECH_TRANSFER_CUM", "330922", 2025));
        // Daishan's 2024 transfer stands as …: NULL, never 0
        assertNull(run.panel("TECH_TRANSFER_CUM", "330921", 2024));
        // Dinghai has no 2025 high-tech value added: its share is NULL and so is the city's (a county lacks it)
        assertNull(run.panel("HT_VA_SHARE", "330902", 2025));
        assertNull(run.panel("HT_VA", "330900", 2025));
        // the conflicting 2024 HT_VA rows of Daishan (same date and status): the later one, 39,500, wins
        assertEquals(3.95, run.panel("HT_VA", "330921", 2024), 1e-12);
    }

    @Test
    void aNullValueSaysWhyInChineseWithACode() {
        assertEquals(List.of(
                List.of("330900", 2025, "HT_VA_SHARE", "input_missing",
                        "缺少输入：高新技术产业增加值 HT_VA（无全市数，所辖县缺数：330902 定海区）"),
                List.of("330921", 2024, "TECH_TRANSFER_CUM", "input_missing",
                        "缺少输入：科技成果转化应用 TECH_TRANSFER（发布为“…”，无此数据）"),
                // 2025 itself was delivered; the cumulative sum still lacks 2024
                List.of("330921", 2025, "TECH_TRANSFER_CUM", "input_missing",
                        "规划首年至当年，有年份缺少科技成果转化应用 TECH_TRANSFER"),
                List.of("330922", 2022, "FISCAL_ST_CAGR", "before_plan", "基期（2022年）及以前不计算"),
                List.of("330922", 2022, "FISCAL_ST_GROWTH", "previous_year_missing",
                        "上一年的财政科技支出 FISCAL_ST 缺失或为 0"),
                List.of("330922", 2022, "TECH_TRANSFER_CUM", "before_plan", "规划首年（2023年）之前不计算")),
                run.rows("""
                        select region_code, year, indicator_code, null_reason_code, null_reason from indicator_panel
                        where (region_code = '330900' and year = 2025 and indicator_code = 'HT_VA_SHARE')
                            or (region_code = '330921' and year in (2024, 2025)
                                and indicator_code = 'TECH_TRANSFER_CUM')
                            or (region_code = '330922' and year = 2022
                                and indicator_code in ('FISCAL_ST_CAGR', 'FISCAL_ST_GROWTH', 'TECH_TRANSFER_CUM'))
                        order by all"""));
    }

    @Test
    void exactlyTheNullValuesHaveAReasonAndEachCodeIsInTheCatalogue() {
        assertEquals(List.of(List.of(0L, 0L, 0L)), run.rows("""
                select
                    count(*) filter (where value is not null
                        and (null_reason is not null or null_reason_code is not null)),
                    count(*) filter (where value is null and (null_reason is null or null_reason_code is null)),
                    count(*) filter (where null_reason_code not in (
                        select code from ref.reason_codes where applies_to = 'value'))
                from indicator_panel"""));
    }

    @Test
    void theConflictingVersionsAreReported() {
        assertEquals(List.of(List.of("HT_VA", "330921", 2024, LocalDate.of(2025, 9, 30), "最终核实")),
                run.rows("select stat_code, region_code, year, published_on, status from staging.statistic_conflicts"));
    }

    @Test
    void exactlyTheBadRowsAreRejectedWithTheirRowNumbersAndReasons() {
        List<List<Object>> expected = List.of(
                List.of("分县年度数据_嵊泗县.xls", "Sheet1", 6, "statistic_unknown",
                        "指标“第一产业增加值(万元)”不是已知的基础统计指标（可用的指标名称与别名见数据仓库 ref.base_statistics）"),
                List.of("统计局_2025年统计快报.csv", "", 37, "year_invalid", "年份“二〇二五”不是年份（应为 2024 或 2024年）"),
                List.of("统计局_主要统计指标_2022-2024.csv", "", 22, "statistic_unknown",
                        "指标名称“科技馆数量”不是已知的基础统计指标（可用的指标名称与别名见数据仓库 ref.base_statistics）"),
                List.of("统计局_主要统计指标_2022-2024.csv", "", 23, "region_code_unknown",
                        "地区代码“330999”不是 GB/T 2260 中的县、市或省代码"),
                List.of("统计局_主要统计指标_2022-2024.csv", "", 24, "unit_unknown",
                        "数值的计量单位“千克”不是已知的单位（应为 元、千元、万元、百万元、亿元 之一）"),
                List.of("统计局_主要统计指标_2022-2024.csv", "", 110, "date_invalid",
                        "发布日期“2024-13-01”不是有效日期（日历上没有这一天）"),
                List.of("统计局_主要统计指标_2022-2024.csv", "", 111, "status_unknown",
                        "数据状态“预计数”不是 初步核算、初步核实、最终核实、普查修订 之一（或留空）"),
                List.of("统计局_主要统计指标_2022-2024.csv", "", 112, "number_invalid",
                        "数值“约16万”不是数字（应为 1234.5、1,234.5 这样的数值；缺失时留空或填“—”）"),
                List.of("舟山统计年鉴2024_科技.xlsx", "表7-3", 10, "region_name_unknown", "地区“新城”不是舟山市所辖地区的名称"));
        assertEquals(expected, run.rows("select file_name, sheet, row_number, reason_code, reason from rejected_rows "
                + "order by file_name, row_number"));
        assertEquals("2024,330999,某县,地区生产总值,3,亿元,初步核算,2025-01-20,区划代码有误",
                run.value("select raw from rejected_rows where row_number = 23"));
    }

    @Test
    void everyFileIsListedAndItsRowsAddUp() {
        List<List<Object>> files = run.rows("select file_name, kind, status, rows_read, rows_loaded, rows_rejected "
                + "from source_files order by file_name");
        assertEquals(List.of(
                List.of("人社局_人才工作统计.csv", "statistics_long", "loaded", 48L, 48L, 0L),
                List.of("分县年度数据.csv", "statistics_national_db", "loaded", 4L, 4L, 0L),
                List.of("分县年度数据_嵊泗县.xls", "statistics_national_db", "loaded", 4L, 3L, 1L),
                List.of("科技局_科技工作统计_2022-2023.csv", "statistics_long", "loaded", 24L, 24L, 0L),
                List.of("科技局_科技工作统计_2024-2025.csv", "statistics_long", "loaded", 25L, 25L, 0L),
                List.of("统计局_2024年数据修订.csv", "statistics_long", "loaded", 6L, 6L, 0L),
                List.of("统计局_2025年统计快报.csv", "statistics_long", "loaded", 36L, 35L, 1L),
                List.of("统计局_主要统计指标_2022-2024.csv", "statistics_long", "loaded", 111L, 105L, 6L),
                List.of("舟山统计年鉴2024_科技.xlsx", "statistics_yearbook", "loaded", 6L, 5L, 1L),
                List.of("财政局_科学技术支出.csv", "statistics_long", "loaded", 16L, 16L, 0L),
                List.of("附件1_联络员名单.csv", "", "refused", 0L, 0L, 0L)), files);
        // a refusal names the nearest kind, what it lacks and the columns the file has
        assertEquals(List.of("no_known_header", "没有一张表的表头属于已知的提取种类。最接近的是“统计指标长表”"
                + "（statistics_long，第 1 行）：缺少必需列 年份、指标名称、数值、地区代码或地区名称；已识别的列 单位→计量单位；"
                + "其余的列 序号、姓名、职务、联系电话"), run.rows("select reason_code, message from source_files "
                + "where file_name = '附件1_联络员名单.csv'").get(0));
        assertEquals(0L, run.value("select count(*) from ingest.deliveries where rows_read <> rows_loaded + rows_rejected"));
        // the national database: 15 non-empty cells of 4 regions and 11 of 3 indicators
        assertEquals(List.of(List.of("分县年度数据.csv", 15L), List.of("分县年度数据_嵊泗县.xls", 11L)), run.rows(
                "select d.file_name, count(*) from facts.statistic_versions v join ingest.deliveries d "
                        + "using (content_hash) where d.file_name like '分县%' group by all order by 1"));
        // the yearbook's 5 loaded rows carry 3 statistics each
        assertEquals(15L, run.value("select count(*) from facts.statistic_versions v join ingest.deliveries d "
                + "using (content_hash) where d.file_name like '舟山统计年鉴%'"));
    }

    @Test
    void deliveringTheSameFilesAgainChangesNothing() throws IOException {
        // given a warehouse loaded from the samples, and its state
        PipelineRun again = new PipelineRun(root.resolve("again")).deliverSamples("statistics").run();
        String before = again.snapshot();
        // when the same inbox is delivered again
        again.run();
        // then nothing changes: no new facts, no new rejected rows, no new ledger rows, the same panel
        assertEquals(0, again.exitCode, again.stderr);
        assertEquals(before, again.snapshot());
        assertTrue(again.stdout.contains("本次运行：文件 0 个已装载、0 个拒收、0 个重复；数据行 0 行已装载、0 行被拒绝"),
                again.stdout);
    }

    @Test
    void theSameContentUnderAnotherNameIsADuplicateAndLoadsNothing() {
        // given the samples and one of them again under another name in a sub-folder
        PipelineRun twice = new PipelineRun(root.resolve("twice")).deliverSamples("statistics")
                .deliver(PipelineRun.samples().resolve("statistics/财政局_科学技术支出.csv"), "补发/财政局_科学技术支出(1).csv");
        // when
        twice.run();
        // then
        assertEquals(List.of(List.of("duplicate", "statistics_long", 0L, 0L, 0L)), twice.rows(
                "select status, kind, rows_read, rows_loaded, rows_rejected from source_files "
                        + "where file_name = '财政局_科学技术支出(1).csv'"));
        // 16 from 财政局, 3 from the national database's Shengsi workbook
        assertEquals(19L, twice.value("select count(*) from facts.statistic_versions where stat_code = 'FISCAL_ST'"));
    }

    @Test
    void asOfADateThePanelIsAsItStoodThen() throws IOException {
        PipelineRun asOf = new PipelineRun(root.resolve("as-of")).deliverSamples("statistics")
                .runAsOf(LocalDate.of(2025, 6, 30));
        assertEquals(0, asOf.exitCode, asOf.stderr);
        assertPanelEquals(expected("statistics-panel-as-of-2025-06-30.csv"), asOf);
        // the 2024 revision of 2025-09-30 is not yet published: the preliminary 1,380,000 and 7,700 count
        assertEquals(7700.0 / 1380000 * 100, asOf.panel("RD_INTENSITY", "330922", 2024), 1e-12);
        // 2025 is not yet published at all: the panel ends in 2024
        assertEquals(2024, asOf.value("select max(year) from indicator_panel"));
        // the undated talent figures count from the day they were first ingested (2026-11-28), so not yet
        assertNull(asOf.panel("SKILLED", "330922", 2024));
        // the panel says its date in runs; what analysts query as current is current (the revision of 2025-09-30:
        // 140 亿元, and 8,100 最终核实 over 7,900 初步核实), and the date's answer comes from a macro that takes it
        assertEquals("2025-06-30", asOf.value("select as_of from runs"));
        String shengsi2024 = " where region_code = '330922' and year = 2024 and stat_code in ('GDP', 'RD_EXP')"
                + " order by stat_code";
        assertEquals(List.of(List.of("GDP", 1400000.0), List.of("RD_EXP", 8100.0)),
                asOf.rows("select stat_code, value from staging.statistics_current" + shengsi2024));
        assertEquals(List.of(List.of("GDP", 1380000.0), List.of("RD_EXP", 7700.0)),
                asOf.rows("select stat_code, value from staging.statistics_as_of(DATE '2025-06-30')" + shengsi2024));
    }

    static Map<String, String> expected(String name) throws IOException {
        Map<String, String> expected = new TreeMap<>();
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/expected", name), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            expected.put(f[0] + " " + f[1] + " " + f[2], f[3]);
        }
        return expected;
    }

    static void assertPanelEquals(Map<String, String> expected, PipelineRun r) {
        Map<String, Object> actual = new TreeMap<>();
        String codes = String.join("','", STATISTICS_INDICATORS);
        for (List<Object> row : r.rows("select region_code, year, indicator_code, value from indicator_panel "
                + "where indicator_code in ('" + codes + "')")) {
            actual.put(row.get(0) + " " + row.get(1) + " " + row.get(2), row.get(3));
        }
        assertEquals(expected.keySet(), actual.keySet(), "the panel's rows");
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> e : expected.entrySet()) {
            Object value = actual.get(e.getKey());
            boolean same = e.getValue().isEmpty() ? value == null
                    : value != null && Math.abs(((Number) value).doubleValue() - Double.parseDouble(e.getValue()))
                    <= 1e-9 * Math.max(1, Math.abs(Double.parseDouble(e.getValue())));
            if (!same) {
                wrong.add(e.getKey() + ": expected " + e.getValue() + " but was " + value);
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }
}
