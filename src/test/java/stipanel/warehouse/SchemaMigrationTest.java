package stipanel.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import stipanel.testing.PipelineRun;

/**
 * A warehouse a county already has is brought up to this release's schema by the nightly run, keeping every fact,
 * rejected row, ledger row and run (issue 17). The fixtures are warehouses made by earlier releases from data-samples/
 * (src/test/resources/fixtures/README.md); each later schema change must keep them passing.
 */
class SchemaMigrationTest {

    /** What the ec7766f fixture holds, counted once when it was made and written out here. */
    static final Map<String, Long> EC7766F_ROWS = new LinkedHashMap<>();

    static {
        EC7766F_ROWS.put("facts.certifications", 24L);
        EC7766F_ROWS.put("facts.patent_rows", 31L);
        EC7766F_ROWS.put("facts.registry_entries", 11L);
        EC7766F_ROWS.put("facts.roster_entries", 10L);
        EC7766F_ROWS.put("facts.statistic_versions", 274L);
        EC7766F_ROWS.put("ingest.deliveries", 16L);
        EC7766F_ROWS.put("ingest.rejected_rows", 30L);
        EC7766F_ROWS.put("ops.panel_changes", 476L);
        EC7766F_ROWS.put("ops.BATCH_JOB_EXECUTION", 1L);
    }

    @Test
    void theWarehouseOfEc7766fIsMigratedKeepingEveryRow(@TempDir Path root) {
        // given: the warehouse today's county has, and the same inbox it was made from
        PipelineRun run = new PipelineRun(root).deliverSamples(".");
        gunzip("warehouse-ec7766f.duckdb.gz", run.warehouse);
        Map<String, List<String>> columnsBefore = new LinkedHashMap<>();
        Map<String, List<List<Object>>> before = new LinkedHashMap<>();
        for (String table : EC7766F_ROWS.keySet()) {
            columnsBefore.put(table, columnNames(run, table));
            before.put(table, contents(run, table, columnsBefore.get(table)));
            assertEquals(EC7766F_ROWS.get(table), (long) before.get(table).size(), table);
        }
        List<String> runColumns = columnNames(run, "main.runs");
        List<List<Object>> runsBefore = contents(run, "main.runs", runColumns);
        assertEquals(1, runsBefore.size());

        // when
        run.run();

        // then: every row is still there, as it was; the run found nothing new to load
        assertEquals(0, run.exitCode, run.stderr);
        for (String table : List.of("facts.certifications", "facts.patent_rows", "facts.registry_entries",
                "facts.roster_entries", "facts.statistic_versions", "ingest.deliveries", "ingest.rejected_rows")) {
            assertEquals(before.get(table), contents(run, table, columnsBefore.get(table)), table);
        }
        for (String table : List.of("ops.panel_changes", "ops.BATCH_JOB_EXECUTION")) {
            List<List<Object>> after = contents(run, table, columnsBefore.get(table));
            assertTrue(after.containsAll(before.get(table)), table + " lost a row");
        }
        List<List<Object>> runsAfter = contents(run, "main.runs", runColumns);
        assertEquals(2, runsAfter.size());
        assertEquals(runsBefore.get(0), runsAfter.get(0));
        assertEquals(List.of(List.of(0L, 0L, 0L, 0L)), run.rows("select files_loaded, files_refused, files_duplicate, "
                + "rows_loaded from runs where run_id = (select max(run_id) from runs)"));

        // and: it records its history, and has the shape of a warehouse this release makes afresh
        List<List<Object>> history = run.rows("select version, migration, applied_by from ops.schema_migrations "
                + "order by version");
        assertEquals(List.of(1, "001_schema_of_ec7766f.sql", "a release before the versioned schema (ec7766f or earlier)"),
                history.get(0));
        assertEquals(Migrations.latest(), history.size());
        for (List<Object> later : history.subList(1, history.size())) {
            assertEquals("sti-panel (development build)", later.get(2), "tests run from classes, not the jar");
        }
        PipelineRun fresh = new PipelineRun(root.resolve("fresh")).deliverSamples(".").run();
        assertEquals(0, fresh.exitCode, fresh.stderr);
        assertEquals(shape(fresh), shape(run));
    }

    @Test
    void aSecondRunMigratesNothingAgain(@TempDir Path root) {
        PipelineRun run = new PipelineRun(root).deliverSamples("statistics");
        gunzip("warehouse-ec7766f.duckdb.gz", run.warehouse);
        run.run();
        List<List<Object>> history = run.rows("select * from ops.schema_migrations order by version");

        run.run();

        assertEquals(0, run.exitCode, run.stderr);
        assertEquals(history, run.rows("select * from ops.schema_migrations order by version"));
    }

    /** Every column of every table and view (name, position, type): what an analyst's query can rely on. */
    private static List<List<Object>> shape(PipelineRun run) {
        return run.rows("""
                select schema_name, table_name, column_index, column_name, data_type, is_nullable
                from duckdb_columns() where database_name = current_database() and not internal
                order by all""");
    }

    private static List<String> columnNames(PipelineRun run, String table) {
        return run.rows("select column_name from duckdb_columns() where database_name = current_database() "
                        + "and schema_name || '.' || table_name = '" + table + "' order by column_index").stream()
                .map(r -> (String) r.get(0)).toList();
    }

    /** The rows of the columns a table had before: a later migration may add columns, never change these. */
    private static List<List<Object>> contents(PipelineRun run, String table, List<String> columns) {
        String list = String.join(", ", columns.stream().map(c -> '"' + c + '"').toList());
        return run.rows("select " + list + " from " + table + " order by all");
    }

    static void gunzip(String fixture, Path target) {
        try (InputStream in = new GZIPInputStream(SchemaMigrationTest.class.getResourceAsStream("/fixtures/" + fixture))) {
            Files.createDirectories(target.getParent());
            Files.copy(in, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void execute(Path database, String... statements) {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + database.toAbsolutePath());
             Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
