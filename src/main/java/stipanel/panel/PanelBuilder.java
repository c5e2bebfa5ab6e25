package stipanel.panel;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.core.io.Resource;

import stipanel.warehouse.ColumnComments;
import stipanel.warehouse.SqlScript;

/**
 * Builds the marts from the facts: the grid of regions and years, the components (indicator inputs) of every
 * source, the indicators of {@code jobs/indicators/} and the plan's targets. The SQL is in
 * {@code src/main/resources/sql/panel/}; what varies with the files under {@code jobs/} is spliced in here.
 */
public final class PanelBuilder {

    private final List<Indicator> indicators;

    public PanelBuilder(List<Indicator> indicators) {
        this.indicators = indicators;
    }

    public void build(Connection c) throws SQLException {
        for (Resource script : SqlScript.resources("sql/panel/*.sql")) {
            String sql = SqlScript.read(script);
            sql = sql.replace("{{component_queries}}", componentQueries())
                    .replace("{{wide_columns}}", wideColumns(c))
                    .replace("{{indicator_queries}}", indicatorQueries())
                    .replace("{{indicator_null_rules}}", indicatorNullRules())
                    .replace("{{indicator_inputs}}", indicatorInputs());
            SqlScript.run(c, sql, script.getFilename());
        }
        commentComponentColumns(c);
        ColumnComments.inherit(c);
    }

    /** One column of {@code marts.components_wide} per component, described from {@code ref.components}. */
    private static void commentComponentColumns(Connection c) throws SQLException {
        List<String> comments = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "select code, name, unit, source from ref.components order by code")) {
            while (r.next()) {
                comments.add("comment on column marts.components_wide." + r.getString(1).toLowerCase(Locale.ROOT)
                        + " is '" + (r.getString(2) + "（" + r.getString(3) + "） / component " + r.getString(1)
                        + " in " + r.getString(3) + ", from " + r.getString(4)).replace("'", "''") + "'");
            }
        }
        for (String comment : comments) {
            try (Statement s = c.createStatement()) {
                s.execute(comment);
            }
        }
    }

    private static String componentQueries() {
        return SqlScript.resources("jobs/components/*.sql").stream()
                .map(r -> "select region_code, year, component_code, value, origin from (\n" + SqlScript.read(r)
                        + "\n) as " + r.getFilename().replace(".sql", ""))
                .collect(Collectors.joining("\nunion all\n"));
    }

    private static String wideColumns(Connection c) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select code from ref.components order by code")) {
            while (r.next()) {
                String code = r.getString(1);
                columns.add("max(c.value) filter (where c.component_code = '" + code + "') as "
                        + code.toLowerCase(Locale.ROOT));
            }
        }
        return String.join(",\n    ", columns);
    }

    private String indicatorQueries() {
        return indicators.stream()
                .map(i -> "select '" + i.code() + "' as indicator_code, region_code, year, cast(value as double) as value"
                        + " from (\n" + i.sql().strip() + "\n) as " + i.code().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining("\nunion all\n"));
    }

    /**
     * The catalogue's part of why a value is NULL, one row per indicator (030_panel.sql words the reasons):
     * (indicator_code, defined_from, otherwise_code, otherwise_reason).
     */
    private String indicatorNullRules() {
        return "values\n        " + indicators.stream()
                .map(i -> "(" + literal(i.code()) + ", " + literal(i.definedFrom()) + ", "
                        + literal(i.undefinedWhen() == null ? null : i.undefinedWhen().code()) + ", "
                        + literal(i.undefinedWhen() == null ? null : i.undefinedWhen().reason()) + ")")
                .collect(Collectors.joining(",\n        "));
    }

    /** (indicator_code, component_code): every indicator's inputs. */
    private String indicatorInputs() {
        String rows = indicators.stream()
                .flatMap(i -> i.inputs().stream().distinct().map(x -> "(" + literal(i.code()) + ", " + literal(x) + ")"))
                .collect(Collectors.joining(",\n        "));
        return rows.isEmpty() ? "select null::varchar, null::varchar where false" : "values\n        " + rows;
    }

    private static String literal(String text) {
        return text == null ? "null::varchar" : "'" + text.replace("'", "''") + "'";
    }
}
