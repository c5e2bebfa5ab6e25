package stipanel.enterprises;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import stipanel.testing.PipelineRun;

/**
 * The enterprise indicators over the committed samples (src/test/resources/samples/enterprises.md tells each firm's story),
 * computed by hand from docs/source-rules.md "Enterprises" and docs/panel.md and written out literally.
 */
class EnterprisePanelTest {

    @TempDir
    static Path root;

    static PipelineRun run;

    @BeforeAll
    static void runOnTheSamples() {
        run = EnterpriseInbox.withSamples(root).run();
        assertEquals(0, run.exitCode, run.stderr);
    }

    @Test
    void everyCountEqualsTheRulesForEveryCountyCityAndYear() {
        // given the samples; when the panel is built; then (region, year, HTE, TECH_SME, SRDI, TECH_SERVICE_ORGS);
        // the lists' 科技型中小企业 are of 2023 (A, D), 2024 (A, B, I, J) and 2025 (I): no row covers 2022, so TECH_SME
        // is NULL there in every region, not 0 (docs/source-rules.md "Enterprises")
        List<List<Object>> expected = List.of(
                row("330900", 2022, 4, NO_LIST, 1, 1), row("330900", 2023, 6, 2, 2, 2),
                row("330900", 2024, 5, 4, 2, 2), row("330900", 2025, 3, 1, 2, 1),
                row("330902", 2022, 1, NO_LIST, 0, 0), row("330902", 2023, 1, 0, 1, 0),
                row("330902", 2024, 1, 0, 1, 0), row("330902", 2025, 0, 0, 1, 0),
                row("330903", 2022, 0, NO_LIST, 0, 0), row("330903", 2023, 0, 0, 0, 0),
                row("330903", 2024, 1, 1, 0, 0), row("330903", 2025, 1, 1, 0, 0),
                row("330921", 2022, 0, NO_LIST, 0, 0), row("330921", 2023, 1, 0, 0, 0),
                row("330921", 2024, 1, 1, 0, 0), row("330921", 2025, 1, 0, 0, 0),
                row("330922", 2022, 3, NO_LIST, 1, 1), row("330922", 2023, 4, 2, 1, 2),
                row("330922", 2024, 2, 2, 1, 2), row("330922", 2025, 1, 0, 1, 1));
        assertEquals(expected, run.rows("""
                select region_code, year,
                    max(value) filter (where indicator_code = 'HTE_COUNT'),
                    max(value) filter (where indicator_code = 'TECH_SME_COUNT'),
                    max(value) filter (where indicator_code = 'SRDI_COUNT'),
                    max(value) filter (where indicator_code = 'TECH_SERVICE_ORGS')
                from indicator_panel group by region_code, year order by region_code, year
                """));
    }

    @Test
    void theFullSamplesWithTheStatisticsSamplesGiveTheSameCounts() {
        // given the enterprise samples beside the statistics samples (whose years make the panel's)
        PipelineRun full = new PipelineRun(root.resolve("full")).deliverSamples("enterprises", "statistics").run();
        assertEquals(0, full.exitCode, full.stderr);
        String counts = """
                select region_code, year,
                    max(value) filter (where indicator_code = 'HTE_COUNT'),
                    max(value) filter (where indicator_code = 'TECH_SME_COUNT'),
                    max(value) filter (where indicator_code = 'SRDI_COUNT'),
                    max(value) filter (where indicator_code = 'TECH_SERVICE_ORGS'),
                    max(value) filter (where indicator_code = 'RD_INST_COVERAGE')
                from indicator_panel where year between 2022 and 2025
                group by region_code, year order by region_code, year
                """;
        // then the counts do not depend on which statistics were delivered
        assertEquals(run.rows(counts), full.rows(counts));
        assertEquals(0L, full.value("select count(*) from source_files where rows_read <> rows_loaded + rows_rejected"));
    }

    /** A count no delivered list covers: NULL in the panel. */
    static final double NO_LIST = Double.NaN;

    private static List<Object> row(String region, int year, double... values) {
        List<Object> r = new ArrayList<>(List.of(region, year));
        for (double v : values) {
            r.add(Double.isNaN(v) ? null : v);
        }
        return r;
    }

    @Test
    void rdInstitutionCoverageCountsTheRosterFlagOrAValidInstitutionCertificate() {
        // 嵊泗 2023: 3 roster firms, A says 是 (B's 市级企业研发中心 is from 2024) → 1/3
        assertEquals(100.0 / 3, run.panel("RD_INST_COVERAGE", "330922", 2023), 1e-9);
        // 2024: A 是, B by its certificate of 2024-03-01, C neither → 2/3
        assertEquals(200.0 / 3, run.panel("RD_INST_COVERAGE", "330922", 2024), 1e-9);
        // 定海 H says 否 but holds a 省级企业研究院 → 1/1
        assertEquals(100.0, run.panel("RD_INST_COVERAGE", "330902", 2023));
        assertEquals(0.0, run.panel("RD_INST_COVERAGE", "330921", 2024));
        // the city in 2024: (2 + 1 + 1 + 0) / (3 + 1 + 1 + 1)
        assertEquals(400.0 / 6, run.panel("RD_INST_COVERAGE", "330900", 2024), 1e-9);
    }

    @Test
    void coverageIsNullWithoutRosterForTheCountyYearAndForACityWhenAnyCountyLacksIt() {
        assertEquals(null, run.panel("RD_INST_COVERAGE", "330922", 2022));
        assertEquals(null, run.panel("RD_INST_COVERAGE", "330922", 2025));
        assertEquals(null, run.panel("RD_INST_COVERAGE", "330903", 2023));
        assertEquals(null, run.panel("RD_INST_COVERAGE", "330900", 2023));
        assertEquals(List.of(List.of("input_missing", "缺少输入：规上工业企业数（名录） ROSTER_FIRMS（未报送）；"
                        + "有研发机构的规上工业企业数 ROSTER_FIRMS_WITH_RD_INST（未报送）")),
                run.rows("select null_reason_code, null_reason from indicator_panel"
                        + " where indicator_code = 'RD_INST_COVERAGE'"
                        + " and region_code = '330922' and year = 2025"));
    }

    @Test
    void rosterSumsStandInOnlyWhereNoOfficialVersionWasPublished() {
        // 嵊泗 2023: official IND_REVENUE 26000 wins over the roster's 26500; IND_RD_EXP is the roster's 360+120+65
        assertEquals(0.0545, run.panel("IND_RD_EXP", "330922", 2023), 1e-12);
        assertEquals(545.0 / 26000 * 100, run.panel("IND_RD_REV_RATIO", "330922", 2023), 1e-9);
        // HT_VA over 是否高新技术产业 = 是: A 3000 + C 2100
        assertEquals(0.51, run.panel("HT_VA", "330922", 2023), 1e-12);
        // the official "…" for IND_VA 2023 blocks the stand-in: the share stays NULL
        assertEquals(null, run.panel("HT_VA_SHARE", "330922", 2023));
        // 2024: official IND_RD_EXP 642 wins; IND_REVENUE, IND_VA and HT_VA stand in (29100, 7500, 5600)
        assertEquals(0.0642, run.panel("IND_RD_EXP", "330922", 2024), 1e-12);
        assertEquals(642.0 / 29100 * 100, run.panel("IND_RD_REV_RATIO", "330922", 2024), 1e-9);
        assertEquals(5600.0 / 7500 * 100, run.panel("HT_VA_SHARE", "330922", 2024), 1e-9);
        // the city sums all four counties, stand-ins included: 642 + 1000 + 270 + 52
        assertEquals(0.1964, run.panel("IND_RD_EXP", "330900", 2024), 1e-12);
        assertEquals(15200.0 / 18400 * 100, run.panel("HT_VA_SHARE", "330900", 2024), 1e-9);
        assertEquals(null, run.panel("IND_RD_EXP", "330900", 2023));
        assertEquals(List.of(
                        List.of(2023, "HT_VA", 5100.0, "roster stand-in"),
                        List.of(2023, "IND_RD_EXP", 545.0, "roster stand-in"),
                        List.of(2023, "IND_REVENUE", 26000.0, "statistics"),
                        List.of(2023, "IND_VA", "发布为“…”，无此数据"),
                        List.of(2024, "HT_VA", 5600.0, "roster stand-in"),
                        List.of(2024, "IND_RD_EXP", 642.0, "statistics"),
                        List.of(2024, "IND_REVENUE", 29100.0, "roster stand-in"),
                        List.of(2024, "IND_VA", 7500.0, "roster stand-in")),
                run.rows("""
                        select year, component_code, cast(value as double), origin from marts.components
                        where region_code = '330922' and year in (2023, 2024)
                            and component_code in ('IND_REVENUE', 'IND_RD_EXP', 'IND_VA', 'HT_VA')
                        order by year, component_code
                        """).stream().map(r -> r.get(2) == null ? List.of(r.get(0), r.get(1), r.get(3)) : r).toList());
    }

    @Test
    void theDataQualityViewListsCountyYearsWhereRosterAndOfficialDifferByMoreThanOnePercent() {
        // 26500 vs 26000 is 1.92% apart; 640 vs 642 (2024 IND_RD_EXP) is 0.31% and is not listed
        assertEquals(List.of(List.of("330922", 2023, "IND_REVENUE", 26000.0, 26500.0, 500.0, 1.92)), run.rows(
                "select region_code, year, stat_code, official_value, roster_value, difference, difference_pct"
                        + " from staging.roster_vs_official"));
    }

    @Test
    void theAnalystSeesPerEnterpriseAndYearEndWhetherEachCertificationCountedAndWhyNot() {
        // when
        List<List<Object>> seen = run.rows("""
                select enterprise_name, category, counted, counted_in, reason, reason_detail
                from certification_status where year_end = date '2024-12-31'
                order by uscc, category, certificate_no, row_number
                """);
        // then
        assertEquals(List.of(
                List.of("嵊泗县生产力促进中心", "科技服务机构", true, "330922"),
                List.of("嵊泗科创服务中心有限公司", "科技服务机构", true, "330922"),
                List.of("舟山海洋生物医药有限公司", "专精特新小巨人企业", true, "330902"),
                List.of("舟山海洋生物医药有限公司", "企业研发机构", true, "330902"),
                List.of("舟山海洋生物医药有限公司", "高新技术企业", true, "330902"),
                List.of("普陀船舶科技有限公司", "科技型中小企业", true, "330903"),
                List.of("普陀船舶科技有限公司", "科技型中小企业", false, "not yet certified", "认定于 2025-05-15"),
                List.of("普陀船舶科技有限公司", "高新技术企业", true, "330903"),
                List.of("岱山智能装备有限公司", "科技型中小企业", true, "330921"),
                List.of("浙江嵊泗海洋科技有限公司", "专精特新中小企业", true, "330922"),
                List.of("浙江嵊泗海洋科技有限公司", "专精特新小巨人企业", true, "330922"),
                List.of("浙江嵊泗海洋科技有限公司", "科技型中小企业", false, "other year", "认定年度 2023"),
                List.of("浙江嵊泗海洋科技有限公司", "科技型中小企业", true, "330922"),
                // the Word list (拟入库) names A, B (by its former name) and Q1: identified, counted nowhere
                List.of("浙江嵊泗海洋科技有限公司", "科技型中小企业", false, "proposed list", "拟认定、拟入库或公示名单，不计入"),
                List.of("浙江嵊泗海洋科技有限公司", "高新技术企业", false, "expired", "有效期至 2024-12-16"),
                List.of("浙江嵊泗海洋科技有限公司", "高新技术企业", true, "330922"),
                List.of("嵊泗县远洋渔业装备有限公司", "企业研发机构", true, "330922"),
                // the published 创新型中小企业 list names B by its former name (企查查's 曾用名): matched, counts nowhere
                List.of("嵊泗远洋渔具有限公司", "创新型中小企业", false, "counts toward no indicator"),
                List.of("嵊泗县远洋渔业装备有限公司", "科技型中小企业", true, "330922"),
                List.of("嵊泗远洋渔具有限公司", "科技型中小企业", false, "proposed list", "拟认定、拟入库或公示名单，不计入"),
                List.of("嵊泗县远洋渔业装备有限公司", "高新技术企业", false, "expired", "有效期至 2024-10-19"),
                List.of("嵊泗绿色能源股份有限公司", "高新技术企业", false, "revoked", "撤销于 2024-06-30"),
                List.of("嵊泗县海鲜食品有限公司", "科技型中小企业", false, "other year", "认定年度 2023"),
                List.of("嵊泗县海鲜食品有限公司", "科技型中小企业", false, "inactive", "注销 于 2024-09-15"),
                List.of("嵊泗港航物流科技有限公司", "高新技术企业", true, "330922"),
                List.of("舟山岱衢新材料有限公司", "高新技术企业", false, "330921", "other region",
                        "计入 330921（registry），名单为 330922"),
                List.of("嵊泗渔旅文化创意有限公司", "创新型中小企业", false, "counts toward no indicator"),
                // 企查查's Q1, matched by its name; then the rows no single credit code identifies, in row order:
                // 普陀船舶科技 is I's name and T1's former name (天眼查), 花鸟岛文旅 is in no registry extract
                List.of("嵊泗列岛海洋牧场有限公司", "创新型中小企业", false, "counts toward no indicator"),
                List.of("嵊泗列岛海洋牧场有限公司", "科技型中小企业", false, "proposed list", "拟认定、拟入库或公示名单，不计入"),
                List.of("普陀船舶科技有限公司", "创新型中小企业", false, "ambiguous name",
                        "名称“普陀船舶科技有限公司”匹配登记中的 2 家企业：91330903MA2H1J0972、91330903MA2H2T0142"),
                List.of("嵊泗县花鸟岛文旅有限公司", "创新型中小企业", false, "counts toward no indicator")),
                seen.stream().map(r -> r.stream().filter(v -> v != null).toList()).toList());
    }

    @Test
    void theDataQualityViewListsTheSampleListRowsThatNoSingleRegistryNameIdentifies() {
        assertEquals(List.of(
                        List.of("2024年度浙江省创新型中小企业名单.xlsx", "创新型中小企业", 5, "name_ambiguous",
                                "名称“普陀船舶科技有限公司”匹配登记中的 2 家企业：91330903MA2H1J0972、91330903MA2H2T0142，不计入"),
                        List.of("2024年度浙江省创新型中小企业名单.xlsx", "创新型中小企业", 6, "name_unmatched",
                                "名称“嵊泗县花鸟岛文旅有限公司”不在已交付的企业登记中（含曾用名），按名单所列地区计数（计入 330922）")),
                run.rows("select file_name, sheet, row_number, reason_code, reason from staging.certification_name_issues"));
    }

    @Test
    void inAnAsOfRunOnlyRegistryRowsCutOffByThenAndCertificationsDatedByThenCount() {
        // given the panel as of 2025-02-28: the 2025-06 registry extract is not yet known, the 补报 one (2024-12-31) is
        PipelineRun asOf = EnterpriseInbox.withSamples(root.resolve("as-of")).runAsOf(LocalDate.of(2025, 2, 28));
        // then 嵊泗 2024 counts A (2024-12-04), E (存续 in the older extract) and G (no registry row: the list's 330922)
        assertEquals(3.0, asOf.panel("HTE_COUNT", "330922", 2024));
        assertEquals(0.0, asOf.panel("HTE_COUNT", "330921", 2024));
        // D was 注销 2024-09-15 in the older extract too
        assertEquals(2.0, asOf.panel("TECH_SME_COUNT", "330922", 2024));
        // the official IND_RD_EXP 2024 (published 2025-03-15) is not yet out: the roster's 640 stands in
        assertEquals(0.064, asOf.panel("IND_RD_EXP", "330922", 2024), 1e-12);
    }
}
