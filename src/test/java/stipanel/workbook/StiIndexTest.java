package stipanel.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import stipanel.testing.PipelineRun;

/** The unofficial 科技创新指数: min–max over the city's counties and years (60..100), equal weights, base year 100. */
class StiIndexTest {

    @TempDir
    Path root;

    @Test
    void indexIsTheMeanMinMaxScoreRelativeToTheBaseYear() {
        // given: two counties of 舟山市, two of the plan's linear indicators, 2022 (the base year) and 2023
        PipelineRun run = new PipelineRun(root).deliverText("人社局_人才.csv", """
                年份,地区代码,地区名称,指标名称,数值,计量单位,数据状态,发布日期
                2022,330922,嵊泗县,技能人才总量,100,人,最终核实,2023-03-01
                2023,330922,嵊泗县,技能人才总量,200,人,最终核实,2024-03-01
                2022,330921,岱山县,技能人才总量,300,人,最终核实,2023-03-01
                2023,330921,岱山县,技能人才总量,500,人,最终核实,2024-03-01
                2022,330922,嵊泗县,高技能人才总量,10,人,最终核实,2023-03-01
                2023,330922,嵊泗县,高技能人才总量,30,人,最终核实,2024-03-01
                2022,330921,岱山县,高技能人才总量,20,人,最终核实,2023-03-01
                2023,330921,岱山县,高技能人才总量,20,人,最终核实,2024-03-01
                """, StandardCharsets.UTF_8);
        // when
        run.run();
        // then: SKILLED range 100..500 scores 嵊泗 60, 70 and 岱山 80, 100; HIGH_SKILLED range 10..30 scores
        // 嵊泗 60, 100 and 岱山 80, 80; means 嵊泗 60 → 85 (index 141.67), 岱山 80 → 90 (index 112.5)
        assertThat(run.exitCode).as(run.stderr).isZero();
        List<List<Object>> rows = run.rows("select region_code, year, round(value, 6), indicators_used, indicators"
                + " from sti_index order by region_code, year");
        assertThat(rows).containsExactly(
                List.of("330921", 2022, 100.0, 2L, "HIGH_SKILLED,SKILLED"),
                List.of("330921", 2023, 112.5, 2L, "HIGH_SKILLED,SKILLED"),
                List.of("330922", 2022, 100.0, 2L, "HIGH_SKILLED,SKILLED"),
                List.of("330922", 2023, 141.666667, 2L, "HIGH_SKILLED,SKILLED"));
    }
}
