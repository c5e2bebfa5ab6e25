package stipanel.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import stipanel.testing.PipelineRun;

/** Every table, view and column of the warehouse says what it is, in Chinese and in English. */
class WarehouseCommentsTest {

    /** A Chinese part, " / ", an English part. */
    static final String BILINGUAL = "'.*\\p{Han}.* / .*[A-Za-z].*'";

    static PipelineRun run;

    @BeforeAll
    static void runOnAllSamples(@TempDir Path root) {
        run = new PipelineRun(root).deliverSamples(".").run();
        assertEquals(0, run.exitCode, run.stderr);
    }

    @Test
    void everyTableAndViewHasABilingualComment() {
        assertEquals(List.of(), run.rows("""
                select schema_name || '.' || table_name from duckdb_tables() where not internal
                    and not regexp_full_match(coalesce(comment, ''), %s)
                union all
                select schema_name || '.' || view_name from duckdb_views() where not internal
                    and not regexp_full_match(coalesce(comment, ''), %s)
                order by 1""".formatted(BILINGUAL, BILINGUAL)));
    }

    @Test
    void everyColumnHasABilingualComment() {
        assertEquals(List.of(), run.rows("""
                select c.schema_name || '.' || c.table_name || '.' || c.column_name
                from duckdb_columns() as c
                where not c.internal and c.database_name = current_database()
                    and not regexp_full_match(coalesce(c.comment, ''), %s)
                order by 1""".formatted(BILINGUAL)));
    }

    @Test
    void theAnalystViewsHaveExactlyTheColumnsDomainNames() {
        assertEquals(List.of(List.of("file_name"), List.of("content_hash"), List.of("kind"), List.of("status"),
                List.of("rows_read"), List.of("rows_loaded"), List.of("rows_rejected"), List.of("reason_code"),
                List.of("message")), columns("source_files"));
        assertEquals(List.of(List.of("file_name"), List.of("sheet"), List.of("row_number"), List.of("reason_code"),
                List.of("reason"), List.of("raw")), columns("rejected_rows"));
        assertEquals(List.of("region_code", "year", "indicator_code", "value", "unit", "target_value",
                "expected_value", "status"), columns("indicator_panel").subList(0, 8).stream()
                .map(r -> r.get(0)).toList());
    }

    private static List<List<Object>> columns(String view) {
        return run.rows("select column_name from duckdb_columns() where schema_name = 'main' and table_name = '"
                + view + "' order by column_index");
    }
}
