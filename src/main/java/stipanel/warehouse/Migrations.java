package stipanel.warehouse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;

import stipanel.shipped.Shipped;

/**
 * The warehouse's tables are versioned (docs/warehouse-schema.md). Migration N ({@code sql/warehouse/migrations/
 * NNN_what.sql}) brings a warehouse of schema version N−1 to version N without losing a row; {@value #HISTORY} records
 * each one applied, when, and by which release; a warehouse's version is the highest there. Views and macros hold no
 * data and are not versioned: they are made again whenever their scripts or the schema change ({@link
 * Warehouse#migrate}).
 */
public final class Migrations {

    static final String HISTORY = "ops.schema_migrations";

    /** How the history credits version 1 of a warehouse made before the schema was versioned. */
    static final String BEFORE_VERSIONING = "a release before the versioned schema (ec7766f or earlier)";

    private static final Pattern FILE_NAME = Pattern.compile("(\\d{3})_[a-z0-9_]+\\.sql");

    private Migrations() {
    }

    public record Migration(int version, String fileName, Resource script) {
    }

    /**
     * What a warehouse says of its schema: version 0 for a new (empty) database; {@code recorded} false for a warehouse
     * made before versions were recorded, which has the tables of version 1.
     */
    public record State(int version, boolean recorded, String madeBy, String migratedBy) {
    }

    /** Every migration, in order. Numbers run from 001 without a gap or a repeat, or no run starts. */
    public static List<Migration> all() {
        List<Migration> migrations = new ArrayList<>();
        for (Resource script : Shipped.resources("sql/warehouse/migrations/*.sql")) {
            String name = script.getFilename();
            Matcher m = FILE_NAME.matcher(name);
            if (!m.matches() || Integer.parseInt(m.group(1)) != migrations.size() + 1) {
                throw new IllegalStateException("migration " + name + " should be named "
                        + "%03d_what_it_does.sql: migrations are numbered from 001 without gaps or repeats"
                        .formatted(migrations.size() + 1));
            }
            migrations.add(new Migration(migrations.size() + 1, name, script));
        }
        return migrations;
    }

    /** The schema version this release writes. */
    public static int latest() {
        return all().size();
    }

    /** This build, as the history names it: {@code sti-panel 0.1.0} (the jar's version), else a development build. */
    public static String release() {
        String version = Migrations.class.getPackage().getImplementationVersion();
        return "sti-panel " + (version == null ? "(development build)" : version);
    }

    /** Reads the schema state of the warehouse on {@code c}; writes nothing. */
    public static State state(Connection c) throws SQLException {
        Set<String> tables = tables(c);
        if (tables.contains(HISTORY)) {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                    "select max(version), arg_min(applied_by, version), arg_max(applied_by, version) from " + HISTORY)) {
                r.next();
                return new State(r.getInt(1), true, r.getString(2), r.getString(3));
            }
        }
        if (tables.contains("ingest.deliveries")) {
            return new State(1, false, BEFORE_VERSIONING, BEFORE_VERSIONING);
        }
        // A first run that failed after Spring Batch created its tables left only those.
        tables.removeIf(t -> t.startsWith("ops.BATCH_"));
        if (tables.isEmpty()) {
            return new State(0, true, null, null);
        }
        throw new WarehouseRefusedException(("这是 DuckDB 数据库，但不是 sti-panel 仓库（其中有表 %s）；未改动。请为 --warehouse 另选文件。\n"
                + "this is a DuckDB database but not an sti-panel warehouse (it holds %s); it was left as it is. "
                + "Give --warehouse another file.").formatted(list(tables), list(tables)));
    }

    /**
     * Refuses a warehouse this release must not migrate: one of a newer schema version, or one made before versions
     * were recorded whose tables are not those of version 1. Writes nothing.
     */
    public static State checkMigratable(Connection c) throws SQLException {
        State state = state(c);
        int latest = latest();
        if (state.version() > latest) {
            throw new WarehouseRefusedException(("仓库的架构版本为 %d（最后由 %s 写入），而本程序 %s 只支持到架构版本 %d：它由较新的版本创建，"
                    + "本程序不打开、不改动它。请使用较新版本的 sti-panel。\n"
                    + "the warehouse has schema version %d (last written by %s); this release, %s, knows schema versions up to %d. "
                    + "It was made by a newer release and was left as it is: run a newer sti-panel.").formatted(
                    state.version(), state.migratedBy(), release(), latest,
                    state.version(), state.migratedBy(), release(), latest));
        }
        if (!state.recorded()) {
            checkTablesOfVersion1(c);
        }
        return state;
    }

    /** Brings the warehouse on {@code c} to the latest version, in the caller's transaction. */
    /** Applies the migrations the warehouse lacks; returns how many. */
    public static int migrate(Connection c) throws SQLException {
        State state = checkMigratable(c);
        try (Statement s = c.createStatement()) {
            s.execute("create table if not exists " + HISTORY + " (version integer primary key, "
                    + "migration varchar not null, applied_at timestamp not null, applied_by varchar not null)");
        }
        List<Migration> migrations = all();
        if (!state.recorded()) {
            record(c, migrations.get(0), BEFORE_VERSIONING);
        }
        List<Migration> missing = migrations.subList(state.version(), migrations.size());
        for (Migration m : missing) {
            SqlScript.run(c, Shipped.read(m.script()), m.fileName());
            record(c, m, release());
        }
        return missing.size();
    }

    private static void record(Connection c, Migration m, String appliedBy) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("insert into " + HISTORY
                + " (version, migration, applied_at, applied_by) values (?, ?, ?, ?)")) {
            p.setInt(1, m.version());
            p.setString(2, m.fileName());
            p.setTimestamp(3, Timestamp.valueOf(LocalDateTime.now()));
            p.setString(4, appliedBy);
            p.executeUpdate();
        }
    }

    /**
     * A warehouse that records no version is taken as version 1 only if its tables are exactly those migration 001
     * creates (compared with a scratch database that ran it): an earlier build's warehouse would be migrated wrongly.
     */
    private static void checkTablesOfVersion1(Connection c) throws SQLException {
        List<String> expected;
        try (Connection scratch = DriverManager.getConnection("jdbc:duckdb:")) {
            Migration first = all().get(0);
            SqlScript.run(scratch, Shipped.read(first.script()), first.fileName());
            expected = columns(scratch);
        }
        List<String> actual = columns(c);
        if (!actual.equals(expected)) {
            Set<String> missing = new LinkedHashSet<>(expected);
            missing.removeAll(actual);
            Set<String> unexpected = new LinkedHashSet<>(actual);
            unexpected.removeAll(expected);
            throw new WarehouseRefusedException(("仓库未记录架构版本，其表结构也不是架构版本 1（ec7766f）的：缺少 %s，多出 %s；未改动。"
                    + "它可能由更早的版本创建：请将其移走，由收件目录重建。\n"
                    + "the warehouse records no schema version and its tables are not those of version 1 (ec7766f): missing %s, "
                    + "unexpected %s. It was left as it is; it may come from an earlier build: move it away and "
                    + "rebuild it from the inbox.").formatted(list(missing), list(unexpected), list(missing),
                    list(unexpected)));
        }
    }

    /** The versioned tables' columns in order, with type and nullability ({@code marts} is rebuilt by every run). */
    private static List<String> columns(Connection c) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("""
                select schema_name || '.' || table_name || '.' || column_name || ' ' || data_type
                    || case when is_nullable then '' else ' not null' end
                from duckdb_columns()
                where database_name = current_database()
                    and schema_name in ('ref', 'ingest', 'facts', 'ops')
                    and not starts_with(table_name, 'BATCH_') and table_name <> 'schema_migrations'
                order by schema_name, table_name, column_index""")) {
            while (r.next()) {
                columns.add(r.getString(1));
            }
        }
        return columns;
    }

    private static Set<String> tables(Connection c) throws SQLException {
        Set<String> tables = new LinkedHashSet<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "select schema_name || '.' || table_name from duckdb_tables() "
                        + "where database_name = current_database() order by 1")) {
            while (r.next()) {
                tables.add(r.getString(1));
            }
        }
        return tables;
    }

    private static String list(Set<String> names) {
        if (names.isEmpty()) {
            return "-";
        }
        List<String> shown = new ArrayList<>(names).subList(0, Math.min(names.size(), 5));
        return String.join(", ", shown) + (names.size() > 5 ? " … (" + names.size() + ")" : "");
    }
}
