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
        assertTrue(again.stdout.contains("indicators changed since the last run: none "
                + "(panel values: 0 changed, 0 new, 0 removed)"), again.stdout);
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
