package stipanel.warehouse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.springframework.core.io.Resource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The DuckDB file the run writes. One connection serves the job repository and the loads, so that facts and
 * Spring Batch's step state commit in one transaction.
 */
public final class Warehouse {

    private Warehouse() {
    }

    /** DuckDB's memory limit for the job's connection unless {@value #MEMORY_LIMIT_VARIABLE} sets another. */
    public static final String DEFAULT_MEMORY_LIMIT = "1GB";
    public static final String MEMORY_LIMIT_VARIABLE = "STIPANEL_DUCKDB_MEMORY_LIMIT";

    /**
     * DuckDB's default is 80 % of the machine's RAM: the national job then peaked at 1.17 GB RSS with a 768 MB heap.
     * A limit bounds its buffers (it spills to a temporary directory beyond it). 1 GB measured no slower than no limit
     * in the panel step on the national warehouse; 512 MB made its patent and enterprise components 30-100 % slower.
     */
    public static String memoryLimit() {
        return memoryLimitOr(DEFAULT_MEMORY_LIMIT);
    }

    /**
     * DuckDB's memory limit while files are ingested, unless {@value #MEMORY_LIMIT_VARIABLE} sets one for every step:
     * a staged part of a CSV ({@code stipanel.ingest.StagedCsv}) and the facts being written fit in it, and a load's
     * peak resident memory stays under 1 GB with the JVM's own (3 M patents: 826 MB, 6 % slower than under 1 GB,
     * which let it reach 1.2 GB).
     */
    public static final String DEFAULT_INGEST_MEMORY_LIMIT = "600MB";

    public static String ingestMemoryLimit() {
        return memoryLimitOr(DEFAULT_INGEST_MEMORY_LIMIT);
    }

    /** {@value #MEMORY_LIMIT_VARIABLE} when set: one limit for every step. */
    private static String memoryLimitOr(String defaultLimit) {
        String limit = System.getenv(MEMORY_LIMIT_VARIABLE);
        return limit == null || limit.isBlank() ? defaultLimit : limit.strip();
    }

    /** Sets DuckDB's memory limit for what follows (a setting of the database, not of a transaction). */
    public static void setMemoryLimit(Connection c, String limit) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("set memory_limit = '" + limit.replace("'", "''") + "'");
        }
    }

    public static SingleConnectionDataSource dataSource(Path file) {
        SingleConnectionDataSource ds = new SingleConnectionDataSource("jdbc:duckdb:" + file.toAbsolutePath(), true);
        Properties properties = new Properties();
        // No machine here reaches the extension repository; parquet and json are linked in statically.
        properties.setProperty("autoinstall_known_extensions", "false");
        properties.setProperty("autoload_known_extensions", "false");
        properties.setProperty("memory_limit", memoryLimit());
        ds.setConnectionProperties(properties);
        ds.setAutoCommit(true);
        return ds;
    }

    /** Creates the Spring Batch tables (in schema {@code ops}) when the file is new. */
    public static void ensureJobRepository(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("create schema if not exists ops");
            try (ResultSet r = s.executeQuery("select count(*) from duckdb_tables() where schema_name = 'ops' "
                    + "and table_name = 'BATCH_JOB_INSTANCE'")) {
                r.next();
                if (r.getLong(1) > 0) {
                    return;
                }
            }
        }
        String script = SqlScript.read("org/springframework/batch/core/schema-postgresql.sql")
                .replace("BATCH_", "ops.BATCH_");
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        SqlScript.run(c, script, "schema-postgresql.sql");
        c.commit();
        c.setAutoCommit(autoCommit);
    }

    /** Creates or updates the warehouse's own schemas, tables and views ({@code sql/warehouse/}). */
    public static void migrate(Connection c) throws SQLException {
        for (Resource script : SqlScript.resources("sql/warehouse/*.sql")) {
            SqlScript.run(c, SqlScript.read(script), script.getFilename());
        }
    }
}
