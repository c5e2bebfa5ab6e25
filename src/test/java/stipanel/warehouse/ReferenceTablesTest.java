package stipanel.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

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

    private static final List<String> TABLES = List.of("regions", "base_statistics", "components", "indicators",
            "plan_targets", "plans", "reason_codes", "extract_columns");

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
            for (String table : TABLES) {
                assertEquals(0L, count(c, "ref." + table), table);
            }

            // when it commits: the 2,978 counties and 31 provinces of jobs/reference/gbt2260 (areas.csv, provinces.csv)
            ReferenceTables.reload(c, IndicatorCatalogue.load(), Plan.shipped(), KindDefinitions.shipped());
            c.commit();
            assertEquals(2978L, value(c, "select count(*) from ref.regions where level = 'county'"));
            assertEquals(31L, value(c, "select count(*) from ref.regions where level = 'province'"));
            assertEquals("嵊泗县 330900 330000", value(c, "select name || ' ' || city_code || ' ' || province_code"
                    + " from ref.regions where code = '330922'"));
            // and the other tables hold what jobs/ ships, as 6c41d30 loaded it (counted in
            // a national warehouse it built): a yes/no, a whole number and a double among them
            assertEquals(List.of(16L, 24L, 24L, 20L, 1L, 85L, 86L), TABLES.subList(1, TABLES.size()).stream()
                    .map(t -> count(c, "ref." + t)).toList());
            assertEquals("true 3, false 8", value(c, "select string_agg(required || ' ' || n, ', ' order by required "
                    + "desc) from (select required, count(*) as n from ref.extract_columns where kind = 'statistics_long' "
                    + "group by required)"));
            assertEquals("2023 2027 HT_VA_SHARE 15.0 at_least", value(c, "select first_year || ' ' || target_year || ' ' "
                    + "|| indicator_code || ' ' || target_value || ' ' || direction from ref.plans join ref.plan_targets "
                    + "using (plan_id) where plan_id = 'shengsi-2023-2027' and indicator_code = 'HT_VA_SHARE'"));
        }
    }

    private static long count(Connection c, String table) {
        try {
            return (Long) value(c, "select count(*) from " + table);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object value(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getObject(1);
        }
    }
}
