package stipanel.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import stipanel.bench.Generate;
import stipanel.cli.Cli;
import stipanel.testing.PipelineRun;

/**
 * The path beyond one machine, run rather than described: Spark SQL in local mode reads only the Parquet export
 * ({@code export-parquet}) and computes RD_INTENSITY, VALID_INV_PATENTS and HTE_COUNT for every county-year of the
 * panel with the queries in {@code src/spark-test/resources/spark-sql/}; each equals DuckDB's {@code indicator_panel}.
 * The warehouse holds every sample and a national synthetic delivery (every county, three years of statistics).
 */
class SparkPanelIT {

    @TempDir
    static Path root;

    static PipelineRun run;
    static SparkSession spark;

    @BeforeAll
    static void exportAndStartSpark() throws Exception {
        run = new PipelineRun(root.resolve("run")).deliverSamples("statistics", "patents", "enterprises");
        assertThat(Generate.run(List.of("--out", run.inbox.resolve("national").toString(), "--seed", "7",
                "--patents", "20000", "--registry", "20000", "--certifications", "6000", "--years", "3"),
                quiet(), System.err)).isZero();
        run.run();
        assertThat(run.exitCode).as(run.stderr).isZero();
        Path parquet = root.resolve("parquet");
        assertThat(Cli.run(new String[] {"export-parquet", parquet.toString(), "--warehouse",
                run.warehouse.toString()}, quiet(), System.err)).isZero();

        spark = SparkSession.builder().master("local[2]").appName("sti-panel-parquet")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.ansi.enabled", "false")
                .getOrCreate();
        // The fact tables are hive-partitioned and hold their partition columns too: read the files as they are.
        for (String table : List.of("statistic_versions", "patent_rows", "registry_entries", "certifications")) {
            spark.read().option("recursiveFileLookup", "true").parquet(parquet.resolve("facts").resolve(table).toString())
                    .createOrReplaceTempView(table);
        }
        for (String file : List.of("deliveries", "regions", "indicator_panel")) {
            spark.read().parquet(parquet.resolve(file + ".parquet").toString()).createOrReplaceTempView(file);
        }
        spark.sql("""
                select distinct p.region_code, p.year
                from indicator_panel as p join regions as r on r.code = p.region_code and r.level = 'county'
                """).createOrReplaceTempView("panel_county_years");
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void rdIntensityOnSparkIsDuckDbsForEveryCountyYear() throws IOException {
        Map<String, Object> duckdb = duckdb("RD_INTENSITY");
        assertThat(duckdb.values().stream().filter(v -> v != null).count()).isGreaterThan(5000);
        assertThat(spark("rd_intensity.sql")).isEqualTo(duckdb);
    }

    @Test
    void validInventionPatentsOnSparkAreDuckDbsForEveryCountyYear() throws IOException {
        Map<String, Object> duckdb = duckdb("VALID_INV_PATENTS");
        assertThat(duckdb.values().stream().filter(v -> v != null && ((Double) v) > 0).count()).isGreaterThan(500);
        assertThat(spark("valid_inv_patents.sql")).isEqualTo(duckdb);
    }

    @Test
    void highTechEnterprisesOnSparkAreDuckDbsForEveryCountyYear() throws IOException {
        Map<String, Object> duckdb = duckdb("HTE_COUNT");
        assertThat(duckdb.values().stream().filter(v -> v != null && ((Double) v) > 0).count()).isGreaterThan(500);
        assertThat(spark("hte_count.sql")).isEqualTo(duckdb);
    }

    /** DuckDB's values of one indicator for the panel's county-years, read from the warehouse: "region year" → value. */
    private static Map<String, Object> duckdb(String indicator) {
        Map<String, Object> values = new TreeMap<>();
        for (List<Object> r : run.rows("select p.region_code, p.year, cast(p.value as double) from indicator_panel as p"
                + " join ref.regions as r on r.code = p.region_code and r.level = 'county'"
                + " where p.indicator_code = '" + indicator + "'")) {
            values.put(r.get(0) + " " + r.get(1), r.get(2));
        }
        assertThat(values).hasSizeGreaterThan(2900 * 3);
        return values;
    }

    /** Spark's answer of a query of src/spark-test/resources/spark-sql/ (region_code, year, value). */
    private static Map<String, Object> spark(String query) throws IOException {
        String sql;
        try (InputStream in = SparkPanelIT.class.getResourceAsStream("/spark-sql/" + query)) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, Object> values = new TreeMap<>();
        for (Row r : spark.sql(sql).collectAsList()) {
            values.put(r.get(0) + " " + r.get(1), r.isNullAt(2) ? null : ((Number) r.get(2)).doubleValue());
        }
        return values;
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
