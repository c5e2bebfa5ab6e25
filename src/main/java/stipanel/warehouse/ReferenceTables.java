package stipanel.warehouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import stipanel.ingest.Column;
import stipanel.ingest.KindDefinition;
import stipanel.ingest.KindDefinitions;
import stipanel.ingest.ReferenceData;
import stipanel.ingest.Region;
import stipanel.ingest.Regions;
import stipanel.panel.Indicator;
import stipanel.panel.Plan;
import stipanel.patents.SeiIpcConcordance;
import stipanel.statistics.BaseStatistic;

/** Reloads the {@code ref} schema from {@code jobs/} so that the warehouse says what the run used. */
public final class ReferenceTables {

    private ReferenceTables() {
    }

    public static void reload(Connection c, List<Indicator> indicators, List<Plan> plans, KindDefinitions kinds)
            throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String table : List.of("regions", "base_statistics", "components", "indicators", "plan_targets",
                    "plans", "reason_codes", "extract_columns")) {
                s.execute("delete from ref." + table);
            }
        }
        // Every region of GB/T 2260 by the Appender: inserted one by one they took 1.1 s of every run (JDBC inserts run
        // at ~1,100 rows/s on DuckDB). The deletes above are the statement that keeps the Appender inside the run's
        // transaction: without one first, DuckDB's Appender commits on its own (ReferenceTablesTest).
        try (DuckDBAppender regions = c.unwrap(DuckDBConnection.class).createAppender("ref", "regions")) {
            for (Region r : Regions.all()) {
                regions.beginRow();
                regions.append(r.code());
                regions.append(r.name());
                regions.append(r.level().name().toLowerCase());
                appendNullable(regions, r.cityCode());
                regions.append(r.provinceCode());
                regions.endRow();
            }
        }
        List<Object[]> statistics = new ArrayList<>();
        List<Object[]> components = new ArrayList<>();
        for (CSVRecord r : ReferenceData.csv("reference/base_statistics.csv")) {
            statistics.add(new Object[] {r.get("code"), r.get("name"), r.get("aliases"), r.get("unit"), r.get("kind"),
                    r.get("description_en")});
            components.add(new Object[] {r.get("code"), r.get("name"), r.get("unit"), "official_else_sum_all",
                    "statistics"});
        }
        for (CSVRecord r : ReferenceData.csv("components/components.csv")) {
            components.add(new Object[] {r.get("code"), r.get("name"), r.get("unit"), r.get("city_rule"),
                    r.get("source")});
        }
        SqlScript.insertAll(c, "ref.base_statistics", statistics);
        SqlScript.insertAll(c, "ref.components", components);
        SeiIpcConcordance.reload(c);
        List<Object[]> reasons = new ArrayList<>();
        for (CSVRecord r : ReferenceData.csv("reference/reason_codes.csv")) {
            reasons.add(new Object[] {r.get("code"), r.get("applies_to"), r.get("description_zh")});
        }
        SqlScript.insertAll(c, "ref.reason_codes", reasons);
        List<Object[]> columns = new ArrayList<>();
        for (KindDefinition kind : kinds.all()) {
            for (Column column : kind.columns()) {
                columns.add(new Object[] {kind.code(), kind.name(), column.name(), column.required(),
                        String.join("|", column.aliases()), column.unit(), column.metadata()});
            }
        }
        SqlScript.insertAll(c, "ref.extract_columns", columns);
        List<Object[]> definitions = new ArrayList<>();
        for (Indicator i : indicators) {
            Indicator.NullReason undefined = i.undefinedWhen();
            definitions.add(new Object[] {i.code(), i.nameZh(), i.nameEn(), i.unit(), i.formula(),
                    String.join(",", i.inputs()), i.trajectory(), i.source(), i.definitionFile(), i.definedFrom(),
                    undefined == null ? null : undefined.code(), undefined == null ? null : undefined.reason()});
        }
        SqlScript.insertAll(c, "ref.indicators", definitions);
        List<Object[]> planRows = new ArrayList<>();
        List<Object[]> targets = new ArrayList<>();
        for (Plan p : plans) {
            planRows.add(new Object[] {p.planId(), p.regionCode(), p.title(), p.document(), p.baseYear(), p.firstYear(),
                    p.targetYear()});
            for (Plan.Target t : p.targets()) {
                targets.add(new Object[] {p.planId(), t.indicator(), t.threshold(), t.direction(), t.section(),
                        t.wording()});
            }
        }
        SqlScript.insertAll(c, "ref.plans", planRows);
        SqlScript.insertAll(c, "ref.plan_targets", targets);
    }

    private static void appendNullable(DuckDBAppender appender, String value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else {
            appender.append(value);
        }
    }
}
