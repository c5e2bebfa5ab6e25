package stipanel.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import stipanel.ingest.KindDefinitions;
import stipanel.panel.IndicatorCatalogue;
import stipanel.panel.Plan;

/**
 * The reference tables are reloaded inside the run's transaction, the regions by DuckDB's Appender too: a run rolled
 * back leaves them as they were.
 */
class ReferenceTablesTest {

    @Test
    void aRolledBackReloadLeavesTheReferenceTablesAsTheyWere(@TempDir Path root) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + root.resolve("w.duckdb"))) {
            c.setAutoCommit(false);
            Warehouse.ensureJobRepository(c);
            Warehouse.migrate(c);
            c.commit();

            // when a reload is rolled back
            ReferenceTables.reload(c, IndicatorCatalogue.load(), Plan.shipped(), KindDefinitions.shipped());
            c.rollback();

            // then the tables are as empty as before
            assertEquals(0L, count(c, "ref.regions"));
            assertEquals(0L, count(c, "ref.reason_codes"));

            // when it commits: the 2,978 counties and 31 provinces of jobs/reference/gbt2260 (areas.csv, provinces.csv)
            ReferenceTables.reload(c, IndicatorCatalogue.load(), Plan.shipped(), KindDefinitions.shipped());
            c.commit();
            assertEquals(2978L, value(c, "select count(*) from ref.regions where level = 'county'"));
            assertEquals(31L, value(c, "select count(*) from ref.regions where level = 'province'"));
            assertEquals("嵊泗县 330900 330000", value(c, "select name || ' ' || city_code || ' ' || province_code"
                    + " from ref.regions where code = '330922'"));
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        return (Long) value(c, "select count(*) from " + table);
    }

    private static Object value(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getObject(1);
        }
    }
}
