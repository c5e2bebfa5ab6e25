package stipanel.warehouse;

import java.io.IOException;
import java.io.InputStream;
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
import java.util.Properties;

import org.springframework.core.io.Resource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import stipanel.shipped.Shipped;

/**
 * The DuckDB file the run writes. One connection serves the job repository and the loads, so that facts and
 * Spring Batch's step state commit in one transaction.
 */
public final class Warehouse {

    private Warehouse() {
    }

    /** DuckDB's memory limit for the job's connection unless {@value #MEMORY_LIMIT_VARIABLE} sets another. */
    public static final String DEFAULT_MEMORY_LIMIT = "600MB";
    public static final String MEMORY_LIMIT_VARIABLE = "STIPANEL_DUCKDB_MEMORY_LIMIT";

    /** DuckDB's threads when set (DuckDB's default: one per core); the panel is the same whatever it is. */
    public static final String THREADS_VARIABLE = "STIPANEL_DUCKDB_THREADS";

    /**
     * DuckDB's default is 80 % of the machine's RAM: the national job then peaked at 1.17 GB RSS with a 768 MB heap.
     * A limit bounds its buffers (it spills to a temporary directory beyond it). With 1 GB the panel step of the
     * national warehouse (3 M patents) peaked at 1,149 MiB, the JVM's heap using ~40 MB of it; with 600 MB at 806 MiB
     * for 1.07x the wall time (median of three alternating runs, docs/performance.md "Memory").
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

    /** The oldest DuckDB release that must open the published warehouse (analysts' CLI, DBeaver and Python lag). */
    public static final String STORAGE_COMPATIBILITY = "v1.5.0";

    /**
     * Loads DuckDB's native library in a daemon thread. The driver unpacks it from its jar (71.6 MB) and links it at
     * every start, 0.33–0.42 s here; begun first thing, that overlaps the preflight and Spring's start on the second
     * core instead of holding up the first connection, which waits for it if it is not done. If it fails, the
     * first connection fails too, without the cause (a class whose initialiser failed only says so): the cause is
     * printed here.
     */
    public static void loadEngineInBackground(PrintStream err) {
        Thread load = new Thread(() -> {
            try {
                Class.forName("org.duckdb.DuckDBNative");
            } catch (Throwable e) {
                err.println("sti-panel：DuckDB 的本地库无法加载：" + (e.getCause() != null ? e.getCause() : e));
            }
        }, "duckdb-native-load");
        load.setDaemon(true);
        load.start();
    }

    /**
     * The job's one connection: the file attached as {@value #CATALOG} to an in-memory database, a new warehouse
     * written in the storage format of DuckDB {@value #STORAGE_COMPATIBILITY}, spilling beside the file (an in-memory
     * database would spill into the working directory, which the service's user may not write).
     */
    public static SingleConnectionDataSource dataSource(Path file) {
        SingleConnectionDataSource ds = new SingleConnectionDataSource("jdbc:duckdb:", true) {
            @Override
            protected void prepareConnection(Connection c) throws SQLException {
                super.prepareConnection(c);
                try (Statement s = c.createStatement()) {
                    s.execute("set temp_directory = " + literal(file.toAbsolutePath() + ".tmp"));
                    s.execute("attach " + literal(file.toAbsolutePath().toString()) + " as " + CATALOG
                            + " (storage_version " + literal(STORAGE_COMPATIBILITY) + ")");
                    s.execute("use " + CATALOG);
                }
            }
        };
        ds.setConnectionProperties(connectionProperties());
        ds.setAutoCommit(true);
        return ds;
    }

    /** The published warehouse for reading, as analysts' commands and benchmarks open it: read-only, any file name. */
    public static Connection openReadOnly(Path file) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:duckdb:", connectionProperties());
        try {
            attach(c, file, true);
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    static Properties connectionProperties() {
        Properties properties = new Properties();
        // No machine here reaches the extension repository; parquet and json are linked in statically.
        properties.setProperty("autoinstall_known_extensions", "false");
        properties.setProperty("autoload_known_extensions", "false");
        properties.setProperty("memory_limit", memoryLimit());
        String threads = System.getenv(THREADS_VARIABLE);
        if (threads != null && !threads.isBlank()) {
            properties.setProperty("threads", threads.strip());
        }
        return properties;
    }

    /**
     * The catalog sti-panel's connections give the warehouse. DuckDB names a database's catalog after its file
     * ({@code ref.duckdb} → {@code ref}, which then clashes with the schema {@code ref}: "Ambiguous reference to catalog
     * or schema"); attached under this name, any file name works.
     */
    public static final String CATALOG = "warehouse";

    private static void attach(Connection c, Path file, boolean readOnly) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("attach " + literal(file.toAbsolutePath().toString()) + " as " + CATALOG
                    + (readOnly ? " (read_only)" : ""));
            s.execute("use " + CATALOG);
        }
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
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
        String script = Shipped.read("org/springframework/batch/core/schema-postgresql.sql")
                .replace("BATCH_", "ops.BATCH_");
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        SqlScript.run(c, script, "schema-postgresql.sql");
        c.commit();
        c.setAutoCommit(autoCommit);
    }

    /**
     * Brings the warehouse's tables to this release's schema version ({@link Migrations}), then, when a migration ran or
     * the scripts {@code sql/warehouse/*.sql} are not those that made the views and macros ({@code
     * ops.warehouse_scripts}), drops every view and macro and creates this release's: they hold no data, and a view an
     * earlier release made and this one no longer has must not linger. Kept otherwise: running the scripts again took
     * 0.5-0.6 s of every night. In the caller's transaction.
     */
    public static void migrate(Connection c) throws SQLException {
        int migrations = Migrations.migrate(c);
        StringBuilder texts = new StringBuilder();
        List<Resource> scripts = Shipped.resources("sql/warehouse/*.sql");
        for (Resource script : scripts) {
            texts.append(script.getFilename()).append('\n').append(Shipped.read(script)).append('\n');
        }
        String fingerprint;
        try (PreparedStatement p = c.prepareStatement("select sha256(?)")) {
            p.setString(1, texts.toString());
            try (ResultSet r = p.executeQuery()) {
                r.next();
                fingerprint = r.getString(1);
            }
        }
        if (migrations == 0 && scriptsInstalled(c, fingerprint)) {
            return;
        }
        List<String> drops = viewsAndMacros(c).stream().map(object -> "drop " + object).toList();
        for (String drop : drops) {
            try (Statement s = c.createStatement()) {
                s.execute(drop);
            }
        }
        for (Resource script : scripts) {
            SqlScript.run(c, Shipped.read(script), script.getFilename());
        }
        try (Statement s = c.createStatement()) {
            s.execute("delete from ops.warehouse_scripts");
        }
        try (PreparedStatement p = c.prepareStatement("insert into ops.warehouse_scripts values (?, ?, now(), ?)")) {
            p.setString(1, fingerprint);
            p.setArray(2, c.createArrayOf("VARCHAR", viewsAndMacros(c).toArray()));
            p.setString(3, Migrations.release());
            p.executeUpdate();
        }
    }

    /**
     * Whether the views and macros were made by scripts of this fingerprint and are all still there (the panel's own
     * views, made after them, are not theirs).
     */
    private static boolean scriptsInstalled(Connection c, String fingerprint) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "select fingerprint, array_to_string(objects, chr(10)) from ops.warehouse_scripts")) {
            return r.next() && r.getString(1).equals(fingerprint)
                    && viewsAndMacros(c).containsAll(List.of(r.getString(2).split("\n")));
        }
    }

    /** Every view and macro of the warehouse, as {@code view schema.name} or {@code [table ]macro schema.name}. */
    private static List<String> viewsAndMacros(Connection c) throws SQLException {
        List<String> objects = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("""
                select 'view ' || schema_name || '.' || view_name
                from duckdb_views() where database_name = current_database() and not internal
                union all
                select distinct 'macro ' || case when function_type = 'table_macro' then 'table ' else '' end
                    || schema_name || '.' || function_name
                from duckdb_functions()
                where database_name = current_database() and not internal and function_type in ('macro', 'table_macro')
                """)) {
            while (r.next()) {
                objects.add(r.getString(1));
            }
        }
        return objects;
    }

    /**
     * Refuses a file this release must not write ({@link WarehouseRefusedException}, naming it as {@code shownAs}):
     * not a DuckDB database, not an sti-panel warehouse, or of a newer schema version. Reads the file, never writes
     * it; an absent file is a new warehouse.
     */
    public static void checkWritable(Path file, Path shownAs) {
        if (!Files.exists(file)) {
            return;
        }
        String name = shownAs.toString();
        byte[] head = new byte[12];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, head.length);
            // A DuckDB file starts with a checksum (8 bytes) and then its magic, "DUCK".
            if (n < head.length || !new String(head, 8, 4, StandardCharsets.US_ASCII).equals("DUCK")) {
                String what = n == 0 ? "文件为空" : "文件开头没有 DuckDB 的标识";
                throw new WarehouseRefusedException(("仓库文件 %s 不是 DuckDB 数据库（%s）；未打开，也未改动。请检查 --warehouse 是否指错了文件。\n"
                        + "%s is not a DuckDB database (%s); it was neither opened nor changed. Check --warehouse.")
                        .formatted(name, what, name, n == 0 ? "the file is empty" : "no DuckDB header"));
            }
        } catch (IOException e) {
            throw new WarehouseRefusedException("仓库文件 %s 无法读取：%s\n%s cannot be read: %s"
                    .formatted(name, e.getMessage(), name, e.getMessage()));
        }
        try (Connection c = openReadOnly(file)) {
            Migrations.checkMigratable(c);
        } catch (SQLException e) {
            throw new WarehouseRefusedException("DuckDB 无法打开仓库文件 %s：%s；未改动。\nDuckDB cannot open %s: %s; it was left as it is."
                    .formatted(name, e.getMessage(), name, e.getMessage()));
        } catch (WarehouseRefusedException e) {
            // "仓库…" / "the warehouse …" of the reason, after the file's name.
            String[] lines = e.getMessage().split("\n", 2);
            throw new WarehouseRefusedException("仓库文件 " + name + "：" + lines[0] + "\n" + name + ": " + lines[1]);
        }
    }
}
