package stipanel.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import stipanel.testing.PipelineRun;

/**
 * Identical inputs give a bit-identical panel and index, whatever the number of threads (issue 17): money and counts
 * are summed as DECIMAL until the final ratio, and what is summed in doubles is summed in a fixed order. Doubles are
 * compared with {@link Double#equals}, bit for bit.
 */
class DeterministicPanelTest {

    static final String PANEL = "select * from indicator_panel order by all";
    static final String INDEX = "select * from sti_index order by all";

    static PipelineRun first;

    @BeforeAll
    static void runOnAllSamples(@TempDir Path root) {
        first = new PipelineRun(root.resolve("first")).deliverSamples(".").run();
        assertEquals(0, first.exitCode, first.stderr);
    }

    @Test
    void twoRunsOnTheSameInboxGiveTheSamePanelBitForBit(@TempDir Path root) {
        PipelineRun second = new PipelineRun(root).deliverSamples(".").run();

        assertEquals(0, second.exitCode, second.stderr);
        assertEquals(first.rows(PANEL), second.rows(PANEL));
        assertEquals(first.rows(INDEX), second.rows(INDEX));
    }

    @Test
    void aRerunWithNothingNewChangesNoValue(@TempDir Path root) throws IOException {
        PipelineRun again = new PipelineRun(root).deliverSamples(".");
        Files.createDirectories(again.warehouse.getParent());
        Files.copy(first.warehouse, again.warehouse);

        again.run();

        assertEquals(0, again.exitCode, again.stderr);
        assertTrue(again.stdout.contains("自上次运行以来有变化的指标：无（面板数值：0 个变化、0 个新增、0 个删除）"),
                again.stdout);
        assertEquals(List.of(List.of(0L, 0L, 0L)), again.rows("select values_changed, values_new, values_removed "
                + "from runs where run_id = (select max(run_id) from runs)"));
    }

    @Test
    void thePanelBuiltWithOneTwoOrEightThreadsIsTheSameBitForBit(@TempDir Path root) throws Exception {
        List<List<Object>> panel = first.rows(PANEL);
        List<List<Object>> index = first.rows(INDEX);
        for (int threads : new int[] {1, 2, 8, 1, 8}) {
            Path copy = root.resolve("threads-" + threads + "-" + System.nanoTime() + ".duckdb");
            Files.copy(first.warehouse, copy);
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + copy)) {
                try (Statement s = c.createStatement()) {
                    s.execute("set threads = " + threads);
                }
                c.setAutoCommit(false);
                new PanelBuilder(IndicatorCatalogue.load()).build(c);
                c.commit();
                assertEquals(panel, rows(c, PANEL), threads + " threads");
                assertEquals(index, rows(c, INDEX), threads + " threads");
            }
        }
    }

    @Test
    void aCityWithoutCountiesIsOneRowOfThePanelAndARerunChangesNothing(@TempDir Path root) {
        // given 东莞 (441900), a city that GB/T 2260 lists as its own county
        PipelineRun run = new PipelineRun(root).deliverText("东莞_新引进高校毕业生.csv",
                "年份,地区代码,地区名称,指标名称,数值,计量单位,数据状态,发布日期\n"
                        + "2023,441900,东莞市,新引进高校毕业生,100,人,最终核实,2024-03-01\n"
                        + "2024,441900,东莞市,新引进高校毕业生,150,人,最终核实,2025-03-01\n",
                java.nio.charset.StandardCharsets.UTF_8);

        // when it runs twice
        run.run().run();

        // then it has one row per year and indicator, and its cumulative sum counts each year once (from 2023,
        // the first year of the default plan period)
        assertEquals(0, run.exitCode, run.stderr);
        assertEquals(List.of(List.of("county", 2L)), run.rows("select region_level, count(*) from indicator_panel "
                + "where region_code = '441900' and indicator_code = 'NEW_GRADUATES_CUM' group by all"));
        assertEquals(100.0, run.panel("NEW_GRADUATES_CUM", "441900", 2023));
        assertEquals(250.0, run.panel("NEW_GRADUATES_CUM", "441900", 2024));
        assertEquals(List.of(List.of(0L)), run.rows("select values_changed from runs where run_id = 2"));
    }

    private static List<List<Object>> rows(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            List<List<Object>> rows = new ArrayList<>();
            while (r.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                    row.add(r.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
