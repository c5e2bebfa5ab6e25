package stipanel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import stipanel.testing.PipelineRun;

/** describe and export-parquet on a published warehouse, opened read-only as an analyst would. */
class AnalystCommandsTest {

    @TempDir
    static Path root;

    static PipelineRun run;

    @BeforeAll
    static void publishAWarehouse() {
        run = new PipelineRun(root.resolve("run")).deliverText("人社局_技能人才.csv", """
                年份,地区代码,地区名称,指标名称,数值,计量单位,数据状态,发布日期
                2022,330922,嵊泗县,技能人才总量,12000,人,最终核实,2023-03-01
                2023,330922,嵊泗县,技能人才总量,12900,人,最终核实,2024-03-01
                """, StandardCharsets.UTF_8).run();
        assertThat(run.exitCode).as(run.stderr).isZero();
    }

    private record Result(int exitCode, String out, String err) {
    }

    private static Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void describePrintsEveryViewAndItsColumnsWithTheirComments() {
        // when
        Result r = cli("describe", "--warehouse", run.warehouse.toString());
        // then
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("indicator_panel  -- 指标面板")
                .contains("source_files  -- 交付文件清单")
                .contains("rejected_rows  -- 被拒绝的行")
                .contains("sti_index  -- 科技创新指数（非官方")
                .containsPattern("  target_value +DOUBLE +规划目标值 / Plan target");
    }

    @Test
    void exportParquetWritesTheFactTablesAndThePanelWithTheirRows() {
        // given
        Path dir = root.resolve("parquet");
        // when
        Result r = cli("export-parquet", dir.toString(), "--warehouse", run.warehouse.toString());
        // then
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(dir.resolve("indicator_panel.parquet")).isRegularFile();
        assertThat(dir.resolve("sti_index.parquet")).isRegularFile();
        assertThat(dir.resolve("facts/statistic_versions")).isDirectory();
        assertThat(run.rows("select count(*) from read_parquet('" + dir.resolve("indicator_panel.parquet") + "')"))
                .isEqualTo(run.rows("select count(*) from indicator_panel"));
        assertThat(run.rows("select year, value, target_value, expected_value, status from read_parquet('"
                + dir.resolve("indicator_panel.parquet") + "') where region_code = '330922'"
                + " and indicator_code = 'SKILLED' order by year"))
                .containsExactly(List.of(2022, 12000.0, 16000.0, 12000.0, "on_track"),
                        List.of(2023, 12900.0, 16000.0, 12800.0, "on_track"));
        assertThat(run.rows("select count(*) from read_parquet('" + dir.resolve("facts/statistic_versions")
                + "/**/*.parquet')")).containsExactly(List.of(2L));
    }

    @Test
    void exportParquetWithoutAFolderIsABadArgument() {
        // when
        Result r = cli("export-parquet", "--warehouse", run.warehouse.toString());
        // then
        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_ARGUMENTS);
        assertThat(r.err()).contains("export-parquet needs a folder");
    }
}
