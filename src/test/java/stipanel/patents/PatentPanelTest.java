package stipanel.patents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import stipanel.cli.NightlyRun;
import stipanel.cli.RunOptions;
import stipanel.testing.PipelineRun;

/**
 * The patent samples (data-samples/patents/) through the whole job, beside a population table of this test's own,
 * so that the expected values depend on nothing else. Every expected count was worked out by hand from the rows of
 * the samples (which patent counts in which year is noted beside it) before the code was run.
 */
class PatentPanelTest {

    /** 年末常住人口 of the four Zhoushan counties; year Y is published on (Y+1)-03-15. */
    static final String POPULATION = """
            年份,地区代码,地区名称,指标名称,数值,计量单位,数据状态,发布日期
            2022,330902,定海区,年末常住人口,517600,人,最终核实,2023-03-15
            2023,330902,定海区,年末常住人口,519200,人,最终核实,2024-03-15
            2024,330902,定海区,年末常住人口,520800,人,最终核实,2025-03-15
            2025,330902,定海区,年末常住人口,521500,人,最终核实,2026-03-15
            2022,330903,普陀区,年末常住人口,378900,人,最终核实,2023-03-15
            2023,330903,普陀区,年末常住人口,377600,人,最终核实,2024-03-15
            2024,330903,普陀区,年末常住人口,376100,人,最终核实,2025-03-15
            2025,330903,普陀区,年末常住人口,375000,人,最终核实,2026-03-15
            2022,330921,岱山县,年末常住人口,201400,人,最终核实,2023-03-15
            2023,330921,岱山县,年末常住人口,200300,人,最终核实,2024-03-15
            2024,330921,岱山县,年末常住人口,199100,人,最终核实,2025-03-15
            2025,330921,岱山县,年末常住人口,198200,人,最终核实,2026-03-15
            2022,330922,嵊泗县,年末常住人口,65800,人,最终核实,2023-03-15
            2023,330922,嵊泗县,年末常住人口,64900,人,最终核实,2024-03-15
            2024,330922,嵊泗县,年末常住人口,64200,人,最终核实,2025-03-15
            2025,330922,嵊泗县,年末常住人口,63700,人,最终核实,2026-03-15
            """;

    static final List<String> REGIONS = List.of("330902", "330903", "330921", "330922", "330900");
    static final int[] YEARS = {2022, 2023, 2024, 2025};

    /*
     * Valid invention patents at the year end, 2022..2025, by county (the samples' application numbers):
     * 定海 330902: 201410811223.6, 201410811224.0, 201710654321.7, 202010111222.6 all years; 202110222333.9 from
     *   2023 (granted 2023-06-20); 200510999001.2 until 2024 (filed 2005-12-31: the term ends 2025-12-31).
     * 普陀 330903: 201980055666.8 (PCT) and 201810246810.3 and 202010333444.2 all years; 03126754.8 only 2022
     *   (filed 2003-06-15); 201910888777.9 from 2023 (granted 2023-01-03); 202110567890.4 from 2024.
     * 岱山 330921: 201610777888.9 until 2024 (lapsed 2025-01-01); 201710999000.0 until 2023 (lapsed 2024-12-31);
     *   202010444555.0 and 202110888999.8 from 2023.
     * 嵊泗 330922: 201510234561.2 and 201880012345.5 (PCT) all years; 201610345672.5 until 2023 (lapsed
     *   2024-07-15 per the newer delivery); 200410023456.6 until 2023 (term ends 2024-09-15); 202010678901.1 from
     *   2023 (granted 2023-12-29); 202210456789.6 from 2024 (granted 2024-01-09); 202310789012.6 from 2025.
     */
    /*
     * The real exports' samples (#12) add, by county and year 2022..2025:
     * 定海: 202010447701.5 (incoPat, placed by its address) and 201710229901.1 (中国专利数据库, 区 定海区 in 舟山市) all
     *   years: +2 +2 +2 +2.
     * 普陀: 202210556603.4 (PatSnap, 区县 普陀区 in 舟山市) from 2023 (granted 2023-03-01); 201910338803.0 (著录项目, granted
     *   by CN109938803B 2021.02.09, 专利权状态 无权 over 最新法律状态 授权, no lapse-date column: lapsed by the cut-off
     *   2025-01-06) until 2024; 202210229902.7 (区 普陀区 in 浙江省, 颁证日 2024-08-08) from 2024: +1 +2 +3 +2.
     * 岱山: 202010556605.4 (PatSnap, 失效 without a lapse column: lapsed by 检索日期 2025-06-30) until 2024;
     *   201910447702.7 (incoPat, 失效日 2023-05-20) only 2022: +2 +1 +1 +0.
     * 嵊泗: 202110556601.0 (PatSnap, by its credit code) and 202010338801.4 (著录项目, by CN111938801B 2022.09.16, by its
     *   address) all years; 202210229904.6 (颁证日 2023-11-20, 失效 lapsed by the file name's 2024-12-31) only 2023:
     *   +2 +3 +2 +2.
     * Not counted: the applications (发明申请 with an A publication or none), the utility models, and the rejected rows
     * (普陀区 without a city, an address naming two counties, an address naming none).
     */
    static final int[][] VALID = {
            {7, 8, 8, 7},
            {5, 6, 8, 7},
            {4, 5, 4, 2},
            {6, 8, 6, 7},
            {22, 27, 26, 23},
    };

    /*
     * High-value among them:
     * 定海: 200510999001.2 (over 10 years) until 2024; 201710654321.7 (中国专利优秀奖) all years; 201410811223.6
     *   (filed 2014-12-30 < 2014-12-31) from 2024; 201410811224.0 (filed 2014-12-31) only 2025. Not: the toy
     *   (A63H) with a provincial award, the cosmetic (A61K 8/, excluded) with 0 family members abroad.
     * 普陀: 201980055666.8 (F03D, family abroad); 202010333444.2 (G06N); 03126754.8 (over 10 years, 2022 only);
     *   201910888777.9 (pledge 1200) from 2023; 202110567890.4 (国家科学技术进步奖) from 2024. Not: 201810246810.3
     *   (pledge 9,999,900 元 = 999.99 万元).
     * 岱山: 201610777888.9 (1 family member abroad) until 2024. Not: F03B 3/ (not 13/), H01M 6/ (primary cells),
     *   H01M 4/06 (excluded).
     * 嵊泗: 201510234561.2 (B63B 35/44); 201880012345.5 (H01M 10/); 201610345672.5 (pledge 1000) and
     *   200410023456.6 (F03B 13/) until 2023; 202210456789.6 (G06N) from 2024; 202310789012.6 (C12N) 2025. Not:
     *   202010678901.1 (A47G, pledge 999.99).
     */
    /*
     * The real exports' samples add: 定海 201710229901.1 (F03D 13/25) all years; 嵊泗 202110556601.0 (H02J 3/38) and
     * 202010338801.4 (G06N 3/08, its 分类号's first symbol) all years. Not: A01K, B63B 1/, B63J, B07C, F01N, B01D 61/.
     */
    static final int[][] HIGH_VALUE = {
            {3, 3, 4, 4},
            {3, 3, 4, 4},
            {1, 1, 1, 0},
            {6, 6, 5, 6},
            {13, 13, 14, 14},
    };

    static final int[][] POP = {
            {517600, 519200, 520800, 521500},
            {378900, 377600, 376100, 375000},
            {201400, 200300, 199100, 198200},
            {65800, 64900, 64200, 63700},
            {1163700, 1162000, 1160200, 1158400},
    };

    @TempDir
    static Path root;
    static PipelineRun run;

    @BeforeAll
    static void runOnThePatentSamplesAndAPopulationTable() {
        run = new PipelineRun(root.resolve("golden"))
                .deliverSamples("patents")
                .deliverText("统计局_年末常住人口.csv", POPULATION, StandardCharsets.UTF_8)
                .deliver(PipelineRun.samples().resolve("patents/专利检索导出_2024Q4.csv"), "重发/专利检索导出_2024Q4(1).csv")
                .run();
        assertEquals(0, run.exitCode, run.stderr);
    }

    @Test
    void theFourIndicatorsEqualTheHandCountedStocksForEveryCountyCityAndYear() {
        for (int r = 0; r < REGIONS.size(); r++) {
            for (int y = 0; y < YEARS.length; y++) {
                String region = REGIONS.get(r);
                int year = YEARS[y];
                String where = region + " " + year;
                assertEquals(VALID[r][y], run.panel("VALID_INV_PATENTS", region, year), 0.0, where);
                assertEquals(HIGH_VALUE[r][y], run.panel("HV_INV_PATENTS", region, year), 0.0, where);
                assertEquals(VALID[r][y] * 10000.0 / POP[r][y], run.panel("INV_PER_10K_POP", region, year), 1e-12,
                        where);
                assertEquals(HIGH_VALUE[r][y] * 10000.0 / POP[r][y], run.panel("HV_INV_PER_10K_POP", region, year),
                        1e-12, where);
            }
        }
    }

    @Test
    void shengsiAgainstItsPlan() {
        // 2024: 5 high-value patents over 64,200 residents (50000 / 64200); the plan asks 7.3 and 48 by 2027
        assertEquals(0.778816199376947, run.panel("HV_INV_PER_10K_POP", "330922", 2024), 1e-12);
        assertEquals(List.of(List.of("behind", 48.0), List.of("behind", 7.3)), run.rows("""
                select status, target_value from indicator_panel where region_code = '330922' and year = 2025
                    and indicator_code in ('VALID_INV_PATENTS', 'HV_INV_PER_10K_POP') order by indicator_code desc"""));
    }

    @Test
    void exactlyTheInvalidRowsAreRejectedWithTheirRowNumbersAndReasons() {
        assertEquals(List.of(
                List.of("2025年二季度专利导出.xlsx", "专利检索结果", 5,
                        "地区代码为空；统一社会信用代码为空：无法确定专利所在的县（按地区代码、统一社会信用代码、区县名称、地址的顺序尝试）"),
                List.of("2025年二季度专利导出.xlsx", "专利检索结果", 11,
                        "申请号“202110246802.5”校验位错误：按 ZC 0006-2003，202110246802 的校验位应为“0”，不是“5”"),
                List.of("PatSnap_专利检索导出.xlsx", "检索结果", 6, "统一社会信用代码为空；区县“普陀区”在全国有 2 个同名区县："
                        + "310107 上海市普陀区、330903 舟山市普陀区（请提供所属城市）"),
                List.of("incoPat_专利导出_20250331.xlsx", "专利列表", 4, "统一社会信用代码为空；区县为空；"
                        + "地址“浙江省舟山市普陀区东港街道海莲路8号及定海区盐仓街道仓库”中有 2 个区县：330903 舟山市普陀区、"
                        + "330902 舟山市定海区，无法确定专利所在的县"),
                List.of("专利检索导出_2023Q4.csv", "", 7,
                        "专利类型“实用新型”与申请号 202110345678.3 不符：其专利类型位 1 表示发明"),
                List.of("专利检索导出_2023Q4.csv", "", 14, "法律状态为失效，但失效日期为空（本表有失效日期列，应填写失效日期）"),
                List.of("专利检索导出_2024Q4.csv", "", 7,
                        "申请号“202210987654.7”校验位错误：按 ZC 0006-2003，202210987654 的校验位应为“2”，不是“7”"),
                List.of("专利检索导出_2024Q4.csv", "", 12,
                        "专利类型“发明”与申请号 202120444555.0 不符：其专利类型位 2 表示实用新型"),
                List.of("专利检索导出_2024Q4.csv", "", 19, "申请日“2022-02-30”不是有效日期（日历上没有这一天）"),
                List.of("中国专利数据库_舟山_2024-12-31.csv", "", 6, "区县为空；地址“浙江省舟山市”中没有区县名称："
                        + "无法确定专利所在的县（按地区代码、统一社会信用代码、区县名称、地址的顺序尝试）")),
                run.rows("select file_name, sheet, row_number, reason from rejected_rows order by file_name, row_number"));
    }

    @Test
    void everyFileAccountsForEveryRowAndARedeliveryLoadsNothing() {
        assertEquals(List.of(
                List.of("2025年二季度专利导出.xlsx", "patents", "loaded", 8L, 6L, 2L),
                List.of("PatSnap_专利检索导出.xlsx", "patents", "loaded", 5L, 4L, 1L),
                List.of("incoPat_专利导出_20250331.xlsx", "patents", "loaded", 5L, 4L, 1L),
                List.of("专利检索导出_2023Q4.csv", "patents", "loaded", 13L, 11L, 2L),
                List.of("专利检索导出_2024Q4(1).csv", "patents", "duplicate", 0L, 0L, 0L),
                List.of("专利检索导出_2024Q4.csv", "patents", "loaded", 17L, 14L, 3L),
                List.of("中国专利数据库_舟山_2024-12-31.csv", "patents", "loaded", 5L, 4L, 1L),
                List.of("著录项目_浙江知识产权公共服务平台.xls", "patents", "loaded", 4L, 4L, 0L)),
                run.rows("""
                        select file_name, kind, status, rows_read, rows_loaded, rows_rejected from source_files
                        where kind = 'patents' order by file_name"""));
        assertEquals(0L, run.value("select count(*) from source_files where rows_read <> rows_loaded + rows_rejected"));
        // 31 of the 专利检索导出 samples, 4 + 4 + 4 + 4 of the real exports'
        assertEquals(47L, run.value("select count(*) from facts.patent_rows"));
    }

    @Test
    void everyDeliveryIsKeptAndTheLatestCutoffIsCurrentWhateverTheDeliveryOrder() {
        // 201510234561.2 came in both CSV deliveries: two rows of history, one current row
        assertEquals(2L, run.value("select count(*) from facts.patent_rows where application_no = '201510234561.2'"));
        // 27 of the 专利检索导出 samples, 16 of the real exports' (none of their numbers repeats)
        assertEquals(43L, run.value("select count(*) from staging.patents_current"));
        // 201610777888.9: the workbook (cut off 2025-06-30) was delivered first, the 2023Q4 CSV after it; the
        // workbook's row, which says it lapsed on 2025-01-01, is current
        assertEquals(List.of(List.of("失效", LocalDate.parse("2025-01-01"), LocalDate.parse("2025-06-30"))), run.rows("""
                select legal_status, lapse_date, data_cutoff from staging.patents_current
                where application_no = '201610777888.9'"""));
        assertEquals(List.of(List.of(2024, true), List.of(2025, false)), yearEnds("201610777888.9", "valid", 2024));
    }

    @Test
    void realExportsArePlacedByTheirOwnColumnsAndLapseByTheirCutoff() {
        assertEquals(List.of(
                List.of("201710229901.1", "330902", "区县"),
                List.of("201910338803.0", "330903", "地址"),
                List.of("201910447702.7", "330921", "区县"),
                List.of("202010333444.2", "330903", "专利权人统一社会信用代码"), // the 专利检索导出 workbook's, by its credit code
                List.of("202010338801.4", "330922", "地址"),
                List.of("202010447701.5", "330902", "地址"),
                List.of("202010556605.4", "330921", "专利权人统一社会信用代码"),
                List.of("202110338802.3", "330922", "地址"),
                List.of("202110556601.0", "330922", "专利权人统一社会信用代码"),
                List.of("202120338804.8", "330921", "地址"),
                List.of("202210229902.7", "330903", "区县"),
                List.of("202210229904.6", "330922", "区县"),
                List.of("202210556602.X", "330922", "区县"),
                List.of("202210556603.4", "330903", "区县"),
                List.of("202310229903.6", "330921", "地址"),
                List.of("202310447705.7", "330922", "专利权人统一社会信用代码"),
                List.of("202320447704.8", "330922", "专利权人统一社会信用代码")), run.rows("""
                select application_no, region_code, region_from from staging.patents_current
                where region_from <> '地区代码' or application_no in ('202010556605.4', '202110556601.0')
                order by 1"""));
        // 失效 without a lapse-date column: lapsed on the extract's cut-off (检索日期, 导出时间, the file name's date)
        assertEquals(List.of(
                List.of("201910338803.0", "失效", LocalDate.parse("2025-01-06"), LocalDate.parse("2021-02-09")),
                List.of("202010556605.4", "失效", LocalDate.parse("2025-06-30"), LocalDate.parse("2021-09-14")),
                List.of("202210229904.6", "失效", LocalDate.parse("2024-12-31"), LocalDate.parse("2023-11-20"))),
                run.rows("""
                select application_no, legal_status, lapse_date, grant_date from staging.patents_current
                where application_no in ('201910338803.0', '202010556605.4', '202210229904.6') order by 1"""));
        assertEquals(List.of(List.of(2024, true), List.of(2025, false)), yearEnds("202010556605.4", "valid", 2024));
        // the applications: no grant date, never valid
        assertEquals(List.of(List.of(0L)), run.rows("""
                select count(*) from main.patent_year_end where valid and application_no in
                    ('202210556602.X', '202310447705.7', '202110338802.3', '202310229903.6')"""));
    }

    @Test
    void aLapseWithoutItsDateIsDatedByAnOlderExtractElseByTheCutoff(@TempDir Path lapseRoot) {
        // given an older 专利检索导出 extract with 失效日期 and a newer export without a lapse-date column, cut off 2025-06-30
        PipelineRun lapses = new PipelineRun(lapseRoot)
                .deliverText("专利检索导出_2023Q4.csv", """
                        申请号,专利类型,申请日,授权公告日,地区代码,法律状态,失效日期,数据截止日期
                        202110556601.0,发明,2021-03-15,2022-05-10,330922,失效,2023-04-01,2023-12-31
                        202010556605.4,发明,2020-06-01,2021-09-14,330922,有效,,2023-12-31
                        """, StandardCharsets.UTF_8)
                .deliverText("PatSnap_专利导出_20250630.csv", """
                        申请号,申请日,授权日,地区代码,简单法律状态
                        CN202110556601.0,2021-03-15,2022-05-10,330922,失效
                        CN202010556605.4,2020-06-01,2021-09-14,330922,失效
                        CN202210556603.4,2022-02-10,2023-03-01,330922,失效
                        """, StandardCharsets.UTF_8)
                .deliverText("统计局_年末常住人口.csv", POPULATION, StandardCharsets.UTF_8)
                .run();
        assertEquals(0, lapses.exitCode, lapses.stderr);
        // then the lapse is the older extract's date where it gives one (202110556601.0), else the newer cut-off
        // (202010556605.4 was 有效 before; 202210556603.4 only in the newer export)
        assertEquals(List.of(
                List.of("202010556605.4", LocalDate.parse("2025-06-30")),
                List.of("202110556601.0", LocalDate.parse("2023-04-01")),
                List.of("202210556603.4", LocalDate.parse("2025-06-30"))), lapses.rows("""
                select application_no, lapse_date from staging.patents_current order by 1"""));
        // 2022: 601.0 (lapsed 2023-04-01) and 605.4; 2023, 2024: 605.4 and 603.4 (granted 2023-03-01); 2025: none
        assertEquals(2.0, lapses.panel("VALID_INV_PATENTS", "330922", 2022));
        assertEquals(2.0, lapses.panel("VALID_INV_PATENTS", "330922", 2023));
        assertEquals(2.0, lapses.panel("VALID_INV_PATENTS", "330922", 2024));
        assertEquals(0.0, lapses.panel("VALID_INV_PATENTS", "330922", 2025));
        // the delivered rows keep what was delivered: no lapse date in the newer export
        assertEquals(List.of(List.of(3L)), lapses.rows("""
                select count(*) from facts.patent_rows where lapse_date is null and legal_status = '失效'"""));
    }

    @Test
    void applicationNumbersAreStoredCanonically() {
        assertEquals(List.of(
                List.of("ZL03126754.8", "03126754.8"),
                List.of("２００４１００２３４５６．６", "200410023456.6"),
                List.of("CN201510234561.2", "201510234561.2"),
                List.of("ZL2016103456725", "201610345672.5"),
                List.of("CN202010556605.4", "202010556605.4"),
                List.of("CN202010678901.1", "202010678901.1"),
                List.of("CN202110556601.0", "202110556601.0"),
                List.of("CN202210556602.X", "202210556602.X"),
                List.of("CN202210556603.4", "202210556603.4")), run.rows("""
                select reported_application_no, application_no from facts.patent_rows
                where reported_application_no <> application_no order by application_no"""));
    }

    @Test
    void aLapseInANewerDeliveryEndsTheStockFromItsYear() {
        // 201610345672.5: 有效 in the 2023Q4 delivery, 失效 on 2024-07-15 in the 2024Q4 one
        assertEquals(List.of(List.of(2023, true), List.of(2024, false)), yearEnds("201610345672.5", "valid", 2023));
        // 201710999000.0 lapsed on 2024-12-31 itself: not valid at the end of 2024
        assertEquals(List.of(List.of(2023, true), List.of(2024, false)), yearEnds("201710999000.0", "valid", 2023));
    }

    @Test
    void theTwentyYearTermEndsTheStock() {
        // filed 2004-09-15: the term ended 2024-09-15
        assertEquals(List.of(List.of(2023, false), List.of(2024, true)),
                yearEnds("200410023456.6", "term_ended_by_year_end", 2023));
        // filed 2005-12-31: 2024-12-31 < 2025-12-31 is valid, 2025-12-31 < 2025-12-31 is not
        assertEquals(List.of(List.of(2024, true), List.of(2025, false)), yearEnds("200510999001.2", "valid", 2024));
        // an old 8-digit number filed 2003-06-15 counts at the end of 2022 only
        assertEquals(List.of(List.of(2022, true), List.of(2023, false)), yearEnds("03126754.8", "valid", 2022));
    }

    @Test
    void aGrantCountsFromTheYearOfItsPublication() {
        // granted 2024-01-09: not in the stock at the end of 2023
        assertEquals(List.of(List.of(2023, false), List.of(2024, true)), yearEnds("202210456789.6", "valid", 2023));
        // granted 2023-12-29: in the stock at the end of 2023
        assertEquals(List.of(List.of(2022, false), List.of(2023, true)), yearEnds("202010678901.1", "valid", 2022));
    }

    @Test
    void pctInventionsCountAndPctUtilityModelsDoNot() {
        assertEquals(List.of(
                List.of("201880012345.5", 8, "发明", true, false, true),
                List.of("201980055666.8", 8, "发明", true, true, true),
                List.of("201990033444.1", 9, "实用新型", true, false, false)), run.rows("""
                select p.application_no, p.type_digit, p.patent_type, p.is_pct, p.patent_type_derived, y.valid
                from staging.patents_current as p
                join main.patent_year_end as y on y.application_no = p.application_no and y.year = 2024
                where p.is_pct order by 1"""));
    }

    @Test
    void theTenYearBoundaryIsTheLastDayOfYearMinusTen() {
        // filed 2014-12-30 < 2014-12-31: maintained over 10 years at the end of 2024
        assertEquals(List.of(List.of(2023, false), List.of(2024, true)),
                yearEnds("201410811223.6", "hv_maintained_over_10_years", 2023));
        // filed 2014-12-31: not yet at the end of 2024, at the end of 2025
        assertEquals(List.of(List.of(2024, false), List.of(2025, true)),
                yearEnds("201410811224.0", "hv_maintained_over_10_years", 2024));
    }

    @Test
    void eachHighValueCategoryAndItsNearMisses() {
        assertEquals(List.of(
                List.of("03126754.8", false, false, true, false, false),
                List.of("200410023456.6", true, false, true, false, false),
                List.of("200510999001.2", false, false, true, false, false),
                List.of("201410811223.6", false, false, false, false, false),
                List.of("201410811224.0", false, false, false, false, false),
                List.of("201510234561.2", true, false, false, false, false),
                List.of("201610345672.5", false, false, false, true, false),
                List.of("201610777888.9", false, true, false, false, false),
                List.of("201710229901.1", true, false, false, false, false),
                List.of("201710654321.7", false, false, false, false, true),
                List.of("201710999000.0", false, false, false, false, false),
                List.of("201810246810.3", false, false, false, false, false),
                List.of("201880012345.5", true, true, false, false, false),
                List.of("201910338803.0", false, false, false, false, false),
                List.of("201910447702.7", false, false, false, false, false),
                List.of("201910888777.9", false, false, false, true, false),
                List.of("201980055666.8", true, true, false, false, false),
                List.of("202010111222.6", false, false, false, false, false),
                List.of("202010333444.2", true, false, false, false, false),
                List.of("202010338801.4", true, false, false, false, false),
                List.of("202010444555.0", false, false, false, false, false),
                List.of("202010447701.5", false, false, false, false, false),
                List.of("202010556605.4", false, false, false, false, false),
                List.of("202010678901.1", false, false, false, false, false),
                List.of("202110222333.9", false, false, false, false, false),
                List.of("202110338802.3", true, false, false, false, false),
                List.of("202110556601.0", true, false, false, false, false),
                List.of("202110567890.4", false, false, false, false, true),
                List.of("202110888999.8", false, false, false, false, false),
                List.of("202210229902.7", false, false, false, false, false),
                List.of("202210229904.6", false, false, false, false, false),
                List.of("202210456789.6", true, false, false, false, false),
                List.of("202210556602.X", false, false, false, false, false),
                List.of("202210556603.4", false, false, false, false, false),
                List.of("202310229903.6", true, false, false, false, false),
                List.of("202310447705.7", true, false, false, false, false),
                List.of("202310789012.6", true, false, false, false, false)), run.rows("""
                select application_no, hv_sei, hv_overseas_family, hv_maintained_over_10_years, hv_pledge, hv_award
                from main.patent_year_end where year = 2023 and is_invention order by 1"""));
    }

    @Test
    void theConcordanceMatchesByPrefixWithExclusions() {
        assertEquals(List.of(
                List.of("200410023456.6", "F03B 13/14", "6.4", "F03B 13/"),
                List.of("201510234561.2", "B63B 35/44", "2.5", "B63B 35/44"),
                List.of("201710229901.1", "F03D 13/25", "6.2", "F03D"),
                List.of("201880012345.5", "H01M 10/0525", "5.2", "H01M 10/"),
                List.of("201980055666.8", "F03D 80/40", "6.2", "F03D"),
                List.of("202010333444.2", "G06N 20/00", "1.5", "G06N"),
                List.of("202010338801.4", "G06N 3/08", "1.5", "G06N"),
                List.of("202110338802.3", "C12N 1/12", "4.1", "C12N"),
                List.of("202110556601.0", "H02J 3/38", "6.5", "H02J 3/"),
                List.of("202210456789.6", "G06N 3/08", "1.5", "G06N"),
                List.of("202310229903.6", "F03B 13/26", "6.4", "F03B 13/"),
                List.of("202310447705.7", "H02J 3/38", "6.5", "H02J 3/"),
                List.of("202310789012.6", "C12N 1/20", "4.1", "C12N"),
                List.of("202320447704.8", "B63B 21/50", "2.5", "B63B 21/50")),
                run.rows("select application_no, main_ipc, sei_code, ipc_prefix from staging.patent_sei_matches order by 1"));
        // near misses that must not match: A47G, A63H, F03B 3/, H01M 6/, H01M 4/06 (excluded), A61K 8/ (excluded)
        assertEquals(List.of(List.of("A47G 19/00"), List.of("A61K 8/97"), List.of("A63H 23/10"), List.of("F03B 3/18"),
                List.of("H01M 4/06"), List.of("H01M 6/34")), run.rows("""
                select main_ipc from staging.patents_current
                where main_ipc similar to '(A47G|A61K|A63H|F03B|H01M).*'
                    and application_no not in (select application_no from staging.patent_sei_matches)
                order by 1"""));
    }

    @Test
    void theAnalystViewShowsWhyAPatentCounted() {
        assertEquals(List.of(
                List.of(2022, true, true, "1 战略性新兴产业, 2 海外同族"),
                List.of(2025, true, true, "1 战略性新兴产业, 2 海外同族")), run.rows("""
                select year, valid, high_value, hv_categories from main.patent_year_end
                where application_no = '201880012345.5' and year in (2022, 2025) order by year"""));
        assertEquals(List.of(List.of(2024, false, true, true, false, "4 质押融资")), run.rows("""
                select year, valid, granted_by_year_end, lapsed_by_year_end, high_value, hv_categories
                from main.patent_year_end where application_no = '201610345672.5' and year = 2024"""));
        assertEquals(List.of(List.of("330903", "专利权人统一社会信用代码")), run.rows("""
                select region_code, region_from from staging.patents_current where application_no = '202010333444.2'"""));
    }

    @Test
    void asOfADateOnlyRowsCutOffByThenCount(@TempDir Path asOfRoot) {
        // given the same inbox
        PipelineRun asOf = new PipelineRun(asOfRoot)
                .deliverSamples("patents")
                .deliverText("统计局_年末常住人口.csv", POPULATION, StandardCharsets.UTF_8);
        // when the panel is asked as of 2024-06-30: only the 2023Q4 delivery (cut off 2023-12-31) counts
        asOf.runAsOf(LocalDate.parse("2024-06-30"));
        // then 2023 lacks 202010678901.1 (嵊泗) and 202110222333.9 (定海), delivered later; 201710999000.0 (岱山) is
        // unknown, and 201910888777.9 (普陀) too
        assertEquals(0, asOf.exitCode, asOf.stderr);
        assertEquals(4.0, asOf.panel("VALID_INV_PATENTS", "330922", 2023));
        assertEquals(3.0, asOf.panel("VALID_INV_PATENTS", "330902", 2023));
        assertEquals(1.0, asOf.panel("VALID_INV_PATENTS", "330903", 2023));
        assertEquals(1.0, asOf.panel("VALID_INV_PATENTS", "330921", 2023));
        assertEquals(9.0, asOf.panel("VALID_INV_PATENTS", "330900", 2023));
        assertEquals(10.0, asOf.panel("VALID_INV_PATENTS", "330900", 2022));
        // 201610345672.5 was still 有效 then, as the 2023Q4 delivery has it; the current view says what it is now
        assertEquals(List.of(List.of("有效")), asOf.rows("select legal_status from staging.patents_as_of("
                + "DATE '2024-06-30') where application_no = '201610345672.5'"));
        // (the 2024Q4 delivery: 失效 on 2024-07-15), whatever date the last run was asked for
        assertEquals(List.of(List.of("失效")), asOf.rows(
                "select legal_status from staging.patents_current where application_no = '201610345672.5'"));
    }

    @Test
    void thePledgeThresholdIsASetting(@TempDir Path settingRoot) {
        // given the same inbox
        PipelineRun raised = new PipelineRun(settingRoot)
                .deliverSamples("patents")
                .deliverText("统计局_年末常住人口.csv", POPULATION, StandardCharsets.UTF_8);
        // when the threshold is 1500 万元
        RunOptions options = new RunOptions(raised.inbox, raised.warehouse, raised.out, null, List.of(), 1500.0,
                PipelineRun.TODAY);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = NightlyRun.execute(options, new PrintStream(new ByteArrayOutputStream(), true),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        // then the pledges of 1000 (201610345672.5) and 1200 (201910888777.9) no longer make a patent high-value
        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        assertEquals(1500.0, raised.value("select pledge_threshold_wan from ops.run_settings"));
        // (嵊泗 3 + 202110556601.0 and 202010338801.4 of the real exports; the city 8 + those two and 201710229901.1)
        assertEquals(5.0, raised.panel("HV_INV_PATENTS", "330922", 2022));
        assertEquals(5.0, raised.panel("HV_INV_PATENTS", "330922", 2023));
        assertEquals(2.0, raised.panel("HV_INV_PATENTS", "330903", 2023));
        assertEquals(3.0, raised.panel("HV_INV_PATENTS", "330903", 2024));
        assertEquals(11.0, raised.panel("HV_INV_PATENTS", "330900", 2023));
        assertEquals(27.0, raised.panel("VALID_INV_PATENTS", "330900", 2023));
    }

    @Test
    void withoutAnyPatentExtractTheCountsAreNullNeverZero(@TempDir Path noPatentsRoot) {
        // given statistics only
        PipelineRun none = new PipelineRun(noPatentsRoot)
                .deliverText("统计局_年末常住人口.csv", POPULATION, StandardCharsets.UTF_8);
        // when the job runs
        none.run();
        // then the patent indicators are NULL with a reason
        assertEquals(0, none.exitCode, none.stderr);
        assertNull(none.panel("VALID_INV_PATENTS", "330922", 2024));
        assertNull(none.panel("HV_INV_PER_10K_POP", "330900", 2024));
        assertEquals(List.of(List.of("input_missing", "缺少输入：有效发明专利拥有量（年末存量） VALID_INV_PATENTS（未报送）")),
                none.rows("""
                        select null_reason_code, null_reason from indicator_panel
                        where indicator_code = 'VALID_INV_PATENTS' and region_code = '330922' and year = 2024"""));
    }

    @Test
    void theFullSamplesGiveTheSamePatentCounts(@TempDir Path fullRoot) {
        // given every sample of every source
        PipelineRun full = new PipelineRun(fullRoot).deliverSamples(".");
        // when the job runs
        full.run();
        // then the patent counts are those of the patent samples alone, for every panel year they share
        assertEquals(0, full.exitCode, full.stderr);
        int compared = 0;
        for (int r = 0; r < REGIONS.size(); r++) {
            for (int y = 0; y < YEARS.length; y++) {
                List<List<Object>> rows = full.rows("select value from indicator_panel where indicator_code in"
                        + " ('VALID_INV_PATENTS', 'HV_INV_PATENTS') and region_code = '" + REGIONS.get(r)
                        + "' and year = " + YEARS[y] + " order by indicator_code desc");
                if (!rows.isEmpty()) {
                    assertEquals(List.of(List.of((double) VALID[r][y]), List.of((double) HIGH_VALUE[r][y])), rows,
                            REGIONS.get(r) + " " + YEARS[y]);
                    compared++;
                }
            }
        }
        // the statistics samples' panel years include 2022 to 2024 at least
        assertTrue(compared >= REGIONS.size() * 3, compared + " region-years compared");
        assertEquals(0L, full.value("select count(*) from source_files where rows_read <> rows_loaded + rows_rejected"));
        // 7 of the 专利检索导出 samples, 3 of the real exports' (an ambiguous district, two counties in an address, none)
        assertEquals(10L, full.value("""
                select count(*) from rejected_rows where file_name in (select file_name from source_files
                where kind = 'patents')"""));
    }

    /** (year, column) of main.patent_year_end for one patent and two consecutive years from {@code from}. */
    private static List<List<Object>> yearEnds(String applicationNo, String column, int from) {
        return run.rows("select year, " + column + " from main.patent_year_end where application_no = '"
                + applicationNo + "' and year in (" + from + ", " + (from + 1) + ") order by year");
    }
}
