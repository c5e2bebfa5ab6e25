package stipanel.panel;

import static org.assertj.core.api.Assertions.assertThat;

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

    private static Map<String, Object> builtAt(PipelineRun run) {
        return run.rows("select model, built_at from ops.model_builds").stream()
                .collect(Collectors.toMap(r -> (String) r.get(0), r -> r.get(1)));
    }
}
