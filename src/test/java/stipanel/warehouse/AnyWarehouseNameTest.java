package stipanel.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import stipanel.cli.Cli;
import stipanel.testing.PipelineRun;

/**
 * Any file name makes a warehouse (issue 17). DuckDB names a database's catalog after its file, so a warehouse named
 * after one of its own schemas ({@code ref.duckdb} …) made {@code ref.regions} ambiguous; names with spaces, Chinese
 * and quotes are ordinary names. Every name is built, published, read back by an analyst and described.
 */
class AnyWarehouseNameTest {

    static final String DELIVERY = "statistics/统计局_主要统计指标_2022-2024.csv";

    static List<List<Object>> referencePanel;

    @BeforeAll
    static void runUnderTheDefaultName(@TempDir Path root) {
        PipelineRun reference = new PipelineRun(root).deliverSamples(DELIVERY).run();
        assertEquals(0, reference.exitCode, reference.stderr);
        referencePanel = reference.rows("select * from indicator_panel order by all");
        assertFalse(referencePanel.isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ref.duckdb", "ingest.duckdb", "facts.duckdb", "staging.duckdb", "marts.duckdb",
            "ops.duckdb", "仓库 2025.duckdb", "county's warehouse.duckdb"})
    void aWarehouseOfThisNameIsBuiltPublishedAndRead(String name, @TempDir Path root) {
        // when
        PipelineRun run = new PipelineRun(root, name).deliverSamples(DELIVERY).run();

        // then: the analyst, attaching it under a name of their own, reads the views by their documented names
        assertEquals(0, run.exitCode, run.stderr);
        assertEquals(referencePanel, attached(run.warehouse, "select * from indicator_panel order by all"));
        assertEquals(List.of(List.of(1L, 1L, 0L)), attached(run.warehouse,
                "select count(*), cast(sum(files_loaded) as bigint), cast(sum(files_refused) as bigint) from runs"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = Cli.run(new String[] {"describe", "--warehouse", run.warehouse.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, exit);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("\nindicator_panel  -- 指标面板"));
        // and a name that is no schema's opens directly too, as the README shows (duckdb -readonly FILE)
        if (!List.of("ref", "ingest", "facts", "staging", "marts", "ops").contains(name.replace(".duckdb", ""))) {
            assertEquals(referencePanel, run.rows("select * from indicator_panel order by all"));
            assertFalse(run.rows("select * from staging.statistics_current").isEmpty());
        }
    }

    @Test
    void theNextNightOpensWhatTheLastPublishedUnderASchemasName(@TempDir Path root) {
        PipelineRun run = new PipelineRun(root, "ref.duckdb").deliverSamples(DELIVERY).run();
        assertEquals(0, run.exitCode, run.stderr);

        run.deliverSamples("statistics/统计局_2024年数据修订.csv").run();

        assertEquals(0, run.exitCode, run.stderr);
        assertEquals(List.of(List.of(2L, 2L)), attached(run.warehouse,
                "select count(*), cast(sum(files_loaded) as bigint) from runs"));
    }

    /** As docs/analysts.md tells an analyst to open a warehouse named after a schema: attached read-only as w. */
    static List<List<Object>> attached(Path warehouse, String sql) {
        Properties p = new Properties();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:", p); Statement s = c.createStatement()) {
            s.execute("attach '" + warehouse.toAbsolutePath().toString().replace("'", "''") + "' as w (read_only)");
            s.execute("use w");
            try (ResultSet r = s.executeQuery(sql)) {
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
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
