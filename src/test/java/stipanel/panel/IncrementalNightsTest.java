package stipanel.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import stipanel.testing.PipelineRun;

/**
 * A night rebuilds only the tables its deliveries can change: nothing new keeps every table; a statistics file
 * rebuilds what reads the statistics and keeps the patents' and certificates' tables; the panel is the one a single
 * night on every file builds.
 */
class IncrementalNightsTest {

    /** A revision of Shengsi's 2024 R&D spending, after every version of the samples: 8400 万元 instead of 8100. */
    private static final String REVISION = """
            年份,地区代码,地区名称,指标名称,数值,计量单位,数据状态,发布日期,备注
            2024,330922,嵊泗县,R&D经费内部支出,8400,万元,普查修订,2026-01-15,普查修订
            """;

    @TempDir
    Path root;

    @Test
    void aNightRebuildsWhatItsDeliveriesChangeAndTheSamePanelAsOneNightOnEveryFile() {
        PipelineRun nights = new PipelineRun(root.resolve("nights")).deliverSamples("statistics", "patents", "enterprises")
                .run();
        assertThat(nights.exitCode).as(nights.stderr).isZero();
        Map<String, Object> first = builtAt(nights);

        // a night with nothing new keeps every table
        nights.run();
        assertThat(nights.exitCode).as(nights.stderr).isZero();
        assertThat(builtAt(nights)).isEqualTo(first);

        // a night with a statistics revision
        assertThat(nights.panel("RD_INTENSITY", "330922", 2024)).isEqualTo(8100.0 / 1_400_000 * 100);
        nights.deliverText("统计局_2026年普查修订.csv", REVISION, StandardCharsets.UTF_8).run();
        assertThat(nights.exitCode).as(nights.stderr).isZero();
        Map<String, Object> third = builtAt(nights);
        List<String> kept = first.keySet().stream().filter(m -> first.get(m).equals(third.get(m))).sorted().toList();
        // the patents' and certificates' tables, and the grid (rebuilt from the new statistics, the same rows) with
        // the source components over it
        assertThat(kept).contains("marts.patents_current", "marts.certification_placements", "marts.panel_grid",
                "marts.patent_components", "marts.enterprise_components")
                .doesNotContain("marts.statistics_current", "marts.statistics_components", "marts.components",
                        "marts.indicator_values", "marts.panel");
        assertThat(nights.panel("RD_INTENSITY", "330922", 2024)).isEqualTo(8400.0 / 1_400_000 * 100);

        // and the panel is the one a single night on every file builds
        PipelineRun once = new PipelineRun(root.resolve("once")).deliverSamples("statistics", "patents", "enterprises")
                .deliverText("统计局_2026年普查修订.csv", REVISION, StandardCharsets.UTF_8).run();
        assertThat(once.exitCode).as(once.stderr).isZero();
        assertThat(nights.rows("select * from indicator_panel order by all"))
                .isEqualTo(once.rows("select * from indicator_panel order by all"));
        assertThat(nights.rows("select * from sti_index order by all"))
                .isEqualTo(once.rows("select * from sti_index order by all"));
    }

    /** Hangzhou (330100) and two of its districts, beside the samples' Zhoushan: 2024 GDP (亿元) and R&D (万元). */
    private static final String HANGZHOU = """
            年份,地区代码,地区名称,指标名称,数值,计量单位,数据状态,发布日期,备注
            2024,330100,杭州市,地区生产总值,20000,亿元,初步核算,2025-03-01,
            2024,330100,杭州市,R&D经费内部支出,6400000,万元,初步核算,2025-03-01,
            2024,330102,上城区,地区生产总值,2000,亿元,初步核算,2025-03-01,
            2024,330102,上城区,R&D经费内部支出,600000,万元,初步核算,2025-03-01,
            2024,330105,拱墅区,地区生产总值,1500,亿元,初步核算,2025-03-01,
            2024,330105,拱墅区,R&D经费内部支出,300000,万元,初步核算,2025-03-01,
            """;

    /** Hangzhou's own 2024 R&D revised: 7,000,000 万元. Only the city's row changes in the facts. */
    private static final String HANGZHOU_REVISION = """
            年份,地区代码,地区名称,指标名称,数值,计量单位,数据状态,发布日期,备注
            2024,330100,杭州市,R&D经费内部支出,7000000,万元,最终核实,2026-01-20,
            """;

    /** A province's figure: Zhejiang has no city, so the night builds the statistics' tables whole. */
    private static final String PROVINCE = """
            年份,地区代码,地区名称,指标名称,数值,计量单位,数据状态,发布日期,备注
            2024,330000,浙江省,地区生产总值,90000,亿元,初步核算,2025-03-01,
            """;

    private static final List<String> BY_CITY = List.of("marts.statistics_current", "marts.statistics_components",
            "marts.reported_components", "marts.components", "marts.components_wide", "marts.indicator_values",
            "marts.indicator_null_reasons", "marts.panel", "marts.sti_index_scores", "marts.sti_index");

    @Test
    void aStatisticsFileReplacesTheRowsOfItsCitiesRegionsAndTheTablesAreThoseOfAWholeBuild() {
        PipelineRun nights = new PipelineRun(root.resolve("nights")).deliverSamples("statistics", "patents", "enterprises")
                .deliverText("统计局_杭州市2024.csv", HANGZHOU, StandardCharsets.UTF_8).run();
        assertThat(nights.exitCode).as(nights.stderr).isZero();
        // 600,000 万元 of 2,000 亿元 (20,000,000 万元) is 3.0 %; the city's 6,400,000 of 200,000,000 is 3.2 %
        assertThat(nights.panel("RD_INTENSITY_GAP_CITY", "330102", 2024)).isCloseTo(-0.2, within(1e-9));

        // Shengsi's revision: the rows of Zhoushan's five regions (舟山市, 定海区, 普陀区, 岱山县, 嵊泗县) are replaced
        nights.deliverText("统计局_2026年普查修订.csv", REVISION, StandardCharsets.UTF_8).run();
        assertThat(nights.exitCode).as(nights.stderr).isZero();
        assertRowsReplaced(nights, 5L);
        assertThat(nights.panel("RD_INTENSITY", "330922", 2024)).isEqualTo(8400.0 / 1_400_000 * 100);
        assertThat(nights.panel("RD_INTENSITY_GAP_CITY", "330102", 2024)).isCloseTo(-0.2, within(1e-9));

        // Hangzhou's own figure revised: every region of Hangzhou (the city and its 13 counties in GB/T 2260) is
        // replaced, so 上城区's gap to the city changes though none of its rows did: 3.0 − 3.5
        nights.deliverText("统计局_杭州市2024年修订.csv", HANGZHOU_REVISION, StandardCharsets.UTF_8).run();
        assertThat(nights.exitCode).as(nights.stderr).isZero();
        assertRowsReplaced(nights, 14L);
        assertThat(nights.panel("RD_INTENSITY_GAP_CITY", "330102", 2024)).isCloseTo(-0.5, within(1e-9));
        assertThat(nights.panel("RD_INTENSITY_GAP_CITY", "330105", 2024)).isCloseTo(-1.5, within(1e-9));
        // the night's changes are compared over the replaced regions: Hangzhou's, 上城区's gap among them
        assertThat(nights.rows("select region_code, indicator_code, year, round(previous_value, 6), round(value, 6), "
                + "change from ops.panel_changes where job_execution_id = (select max(job_execution_id) "
                + "from ops.panel_changes) order by all"))
                .contains(List.of("330102", "RD_INTENSITY_GAP_CITY", 2024, -0.2, -0.5, "changed"))
                .allSatisfy(change -> assertThat((String) change.get(0)).startsWith("3301"));

        // every table as one night on every file builds it
        PipelineRun once = new PipelineRun(root.resolve("once")).deliverSamples("statistics", "patents", "enterprises")
                .deliverText("统计局_杭州市2024.csv", HANGZHOU, StandardCharsets.UTF_8)
                .deliverText("统计局_2026年普查修订.csv", REVISION, StandardCharsets.UTF_8)
                .deliverText("统计局_杭州市2024年修订.csv", HANGZHOU_REVISION, StandardCharsets.UTF_8).run();
        assertThat(once.exitCode).as(once.stderr).isZero();
        for (String table : BY_CITY) {
            assertThat(nights.rows("select * from " + table + " order by all")).as(table)
                    .isEqualTo(once.rows("select * from " + table + " order by all"));
        }
        assertThat(nights.rows("select * from indicator_panel order by all"))
                .isEqualTo(once.rows("select * from indicator_panel order by all"));

        // a province's row: no city holds it, so the tables that read the statistics are built whole
        nights.deliverText("统计局_浙江省2024.csv", PROVINCE, StandardCharsets.UTF_8).run();
        assertThat(nights.exitCode).as(nights.stderr).isZero();
        assertThat(nights.value("select count(*) from facts.statistic_versions where region_code = '330000'"))
                .isEqualTo(1L);
        // (the tables over the grid come out the same and are kept: the province is not in the panel)
        assertThat(nights.rows("select model from ops.model_builds where regions_replaced is null and built_at = "
                + "(select max(built_at) from ops.model_builds) order by model")).extracting(r -> r.get(0))
                .contains("marts.statistics_current", "marts.statistics_components", "marts.reported_components",
                        "marts.components");
    }

    /**
     * The last night replaced the rows of that many regions in the tables from the statistics to the panel, and built
     * no by_city table whole (the index's tables are replaced too, or kept where their inputs came out the same).
     */
    private static void assertRowsReplaced(PipelineRun nights, long regions) {
        Map<String, Object> replaced = regionsReplaced(nights);
        assertThat(replaced).containsKeys("marts.statistics_current", "marts.statistics_components",
                "marts.reported_components", "marts.components", "marts.components_wide", "marts.indicator_values",
                "marts.indicator_null_reasons", "marts.panel").allSatisfy((model, n) -> assertThat(n).isEqualTo(regions));
        assertThat(BY_CITY).allSatisfy(table -> assertThat(replaced.containsKey(table) || nights.value(
                "select built_at < (select max(built_at) from ops.model_builds) from ops.model_builds where model = '"
                        + table + "'").equals(true)).as(table).isTrue());
    }

    /** The tables whose last build replaced the rows of some regions, and how many regions. */
    private static Map<String, Object> regionsReplaced(PipelineRun run) {
        return run.rows("select model, regions_replaced from ops.model_builds where regions_replaced is not null")
                .stream().collect(Collectors.toMap(r -> (String) r.get(0), r -> ((Number) r.get(1)).longValue()));
    }

    private static Map<String, Object> builtAt(PipelineRun run) {
        return run.rows("select model, built_at from ops.model_builds").stream()
                .collect(Collectors.toMap(r -> (String) r.get(0), r -> r.get(1)));
    }
}
