package stipanel.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

/**
 * The views and macros of {@code sql/warehouse/*.sql} are made again only when their scripts, or the schema, changed
 * ({@code ops.warehouse_scripts}); a run with the same scripts keeps them. A comment an analyst could not have made
 * through the scripts marks a view: kept, the mark stays; made again, the scripts' own comment replaces it.
 */
class WarehouseScriptsTest {

    private static final String MARK = "made before this run";

    @Test
    void aRunWithTheSameScriptsKeepsTheViewsAndMacros() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            Warehouse.ensureJobRepository(c);
            Warehouse.migrate(c);
            mark(c);

            Warehouse.migrate(c);

            assertEquals(MARK, comment(c));
        }
    }

    @Test
    void changedScriptsMakeThemAgain() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            Warehouse.ensureJobRepository(c);
            Warehouse.migrate(c);
            mark(c);
            execute(c, "update ops.warehouse_scripts set fingerprint = 'the scripts of an earlier release'");

            Warehouse.migrate(c);

            assertTrue(comment(c).startsWith("现行统计数（全部已交付数据）"), comment(c));
            assertEquals(1, count(c, "select count(*) from ops.warehouse_scripts "
                    + "where fingerprint <> 'the scripts of an earlier release'"));
        }
    }

    @Test
    void aMissingViewMakesThemAllAgain() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            Warehouse.ensureJobRepository(c);
            Warehouse.migrate(c);
            mark(c);
            execute(c, "drop view main.runs");

            Warehouse.migrate(c);

            assertTrue(comment(c).startsWith("现行统计数（全部已交付数据）"), comment(c));
            assertEquals(1, count(c, "select count(*) from duckdb_views() where schema_name = 'main' "
                    + "and view_name = 'runs'"));
        }
    }

    @Test
    void aViewTheScriptsDoNotMakeIsNoReasonToMakeThemAgain() throws Exception {
        // the panel's own views (main.indicator_panel, …) are made after the scripts' and are not theirs
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            Warehouse.ensureJobRepository(c);
            Warehouse.migrate(c);
            mark(c);
            execute(c, "create view main.indicator_panel as select 1 as one");

            Warehouse.migrate(c);

            assertEquals(MARK, comment(c));
        }
    }

    private static void mark(Connection c) throws SQLException {
        execute(c, "comment on view staging.statistics_current is '" + MARK + "'");
    }

    private static String comment(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select comment from duckdb_views() "
                + "where schema_name = 'staging' and view_name = 'statistics_current'")) {
            r.next();
            return r.getString(1);
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
