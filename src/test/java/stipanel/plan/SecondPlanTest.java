package stipanel.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import stipanel.testing.PipelineRun;

/** Another county is another plan file: given alone with --plan, it replaces the shipped Shengsi plan. */
class SecondPlanTest {

    @TempDir
    Path root;

    @Test
    void planGivenAloneReplacesTheShippedPlanAndNamesTheWorkbook() {
        // given
        PipelineRun run = new PipelineRun(root)
                .deliverText(PlanStatistics.FILE, PlanStatistics.CSV, StandardCharsets.UTF_8);
        // when
        run.run(PlanStatistics.DAISHAN_PLAN);
        // then
        assertThat(run.exitCode).as(run.stderr).isZero();
        assertThat(run.rows("select distinct region_code from indicator_panel where target_value is not null"))
                .containsExactly(List.of("330921"));
        assertThat(run.rows("select plan_id from ref.plans")).containsExactly(List.of("daishan-2024-2026"));
        assertThat(run.out.resolve("岱山县_科技创新指标面板_2026-11-28.xlsx")).isRegularFile();
        assertThat(run.out.resolve("嵊泗县_科技创新指标面板_2026-11-28.xlsx")).doesNotExist();
    }

    @Test
    void twoPlansOfOneRegionTargetingTheSameIndicatorStopTheRunNamingThem() throws Exception {
        // given: the Daishan plan under a second plan_id
        Path copy = root.resolve("daishan-copy.yml");
        java.nio.file.Files.writeString(copy, java.nio.file.Files.readString(Path.of(PlanStatistics.DAISHAN_PLAN))
                .replace("plan_id: daishan-2024-2026", "plan_id: daishan-copy"));
        PipelineRun run = new PipelineRun(root)
                .deliverText(PlanStatistics.FILE, PlanStatistics.CSV, StandardCharsets.UTF_8);
        // when
        run.run(PlanStatistics.DAISHAN_PLAN, copy.toString());
        // then
        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.stderr).contains("plans daishan-2024-2026 and daishan-copy of region 330921 both target");
    }
}
