package stipanel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import stipanel.ingest.KindDefinitions;
import stipanel.cli.Cli;
import stipanel.panel.IndicatorCatalogue;
import stipanel.panel.PanelBuilder;
import stipanel.panel.Plan;
import stipanel.testing.PipelineRun;
import stipanel.warehouse.ReferenceTables;
import stipanel.warehouse.Warehouse;

/**
 * export-parquet writes the fact tables partitioned by year and province; read back into a fresh DuckDB, they give the
 * same facts and, rebuilt from them, the same panel: the Parquet is a complete, engine-neutral copy of what the
 * panel is made of.
 */
class ParquetRoundTripTest {

    @TempDir
    Path root;

    @Test
    void theParquetExportRoundTripsThroughDuckDbToTheSamePanel() throws Exception {
        // given a warehouse built from every sample source and a national synthetic delivery
        PipelineRun run = new PipelineRun(root.resolve("run")).deliverSamples("statistics", "patents", "enterprises");
        assertThat(Generate.run(List.of("--out", run.inbox.resolve("national").toString(), "--seed", "3",
                "--patents", "1500", "--registry", "1500", "--certifications", "500", "--years", "0"),
                quiet(), System.err)).isZero();
        run.run();
        assertThat(run.exitCode).as(run.stderr).isZero();
        Path parquet = root.resolve("parquet");

        // when
        int code = Cli.run(new String[] {"export-parquet", parquet.toString(), "--warehouse", run.warehouse.toString()},
                quiet(), System.err);

        // then the fact tables are partitioned by year and province
        assertThat(code).isZero();
        assertThat(parquet.resolve("facts/statistic_versions/year=2024/province=330000")).isDirectory();
        assertThat(parquet.resolve("facts/patent_rows/year=2015/province=330000")).isDirectory();
        try (Stream<Path> provinces = Files.list(parquet.resolve("facts/registry_entries/year=2010"))) {
            assertThat(provinces.count()).isGreaterThan(5);
        }

        // and a fresh DuckDB rebuilt from the Parquet alone holds the same facts and the same panel
        Path fresh = root.resolve("fresh.duckdb");
        List<String> factTables = new ArrayList<>();
        for (List<Object> t : run.rows("select table_name from duckdb_tables() where schema_name = 'facts' order by 1")) {
            factTables.add((String) t.get(0));
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + fresh)) {
            Warehouse.ensureJobRepository(c);
            Warehouse.migrate(c);
            ReferenceTables.reload(c, IndicatorCatalogue.load(), Plan.shipped(), KindDefinitions.shipped());
            List<Object> settings = run.rows("select run_date, as_of, pledge_threshold_wan from ops.run_settings").get(0);
            try (PreparedStatement p = c.prepareStatement("insert into ops.run_settings values (?, ?, ?)")) {
                p.setObject(1, settings.get(0));
                p.setObject(2, settings.get(1));
                p.setObject(3, settings.get(2));
                p.executeUpdate();
            }
            execute(c, "insert into ingest.deliveries select * from read_parquet('" + parquet.resolve("deliveries.parquet")
                    + "')");
            for (String table : factTables) {
                String columns = String.join(", ", columns(c, table));
                execute(c, "insert into facts." + table + " select " + columns + " from read_parquet('"
                        + parquet.resolve("facts").resolve(table) + "/**/*.parquet', hive_partitioning = false)");
            }
            new PanelBuilder(IndicatorCatalogue.load()).build(c);

            for (String table : factTables) {
                assertThat(rows(c, "select * from facts." + table + " order by all")).as(table)
                        .hasSizeGreaterThan(0)
                        .isEqualTo(run.rows("select * from facts." + table + " order by all"));
            }
            String panel = "select region_code, year, indicator_code, value, unit, target_value, expected_value, status"
                    + " from indicator_panel order by all";
            List<List<Object>> rebuilt = rows(c, panel);
            assertThat(rebuilt).hasSizeGreaterThan(1000).isEqualTo(run.rows(panel));
            assertThat(rows(c, "select count(distinct region_code) from indicator_panel").get(0).get(0))
                    .isEqualTo(run.value("select count(distinct region_code) from indicator_panel"));
        }
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }

    private static List<String> columns(Connection c, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        for (List<Object> r : rows(c, "select column_name from duckdb_columns() where schema_name = 'facts'"
                + " and table_name = '" + table + "' order by column_index")) {
            columns.add((String) r.get(0));
        }
        return columns;
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<List<Object>> rows(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            List<List<Object>> rows = new ArrayList<>();
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<Object> row = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    row.add(r.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
