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
                    .replace("{{null_reason_query}}", nullReasonQuery());
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
     * Why a value is NULL: the inputs missing in that region and year with their origin, else the catalogue's note.
     * One pass: the missing components of every indicator's inputs, aggregated per indicator, region and year, then
     * joined to the grid and every indicator (a union of one aggregation per indicator read the grid and the
     * components once per indicator).
     */
    private String nullReasonQuery() {
        String indicatorRows = indicators.stream()
                .map(i -> "(" + literal(i.code()) + ", "
                        + literal(i.undefinedWhen() == null ? "undefined" : i.undefinedWhen()) + ")")
                .collect(Collectors.joining(",\n        "));
        String inputRows = indicators.stream()
                .flatMap(i -> i.inputs().stream().distinct().map(x -> "(" + literal(i.code()) + ", " + literal(x) + ")"))
                .collect(Collectors.joining(",\n        "));
        return "with indicators(indicator_code, otherwise) as (\n    values\n        " + indicatorRows + "\n),\n\n"
                + "indicator_inputs(indicator_code, component_code) as (\n    "
                + (inputRows.isEmpty() ? "select null::varchar, null::varchar where false"
                        : "values\n        " + inputRows) + "\n),\n\n"
                + """
                missing as (
                    select
                        inputs.indicator_code,
                        grid.region_code,
                        grid.year,
                        string_agg(c.component_code || ' (' || c.origin || ')', '; '
                            order by c.component_code, c.origin) as inputs_missing
                    from marts.panel_grid as grid
                    join marts.components as c on c.region_code = grid.region_code and c.year = grid.year
                    join indicator_inputs as inputs on inputs.component_code = c.component_code
                    where c.value is null
                    group by inputs.indicator_code, grid.region_code, grid.year
                ),

                grid as (
                    select distinct region_code, year from marts.panel_grid
                )

                select
                    indicators.indicator_code,
                    grid.region_code,
                    grid.year,
                    coalesce('missing ' || missing.inputs_missing, indicators.otherwise) as reason
                from grid
                cross join indicators
                left join missing
                    on missing.indicator_code = indicators.indicator_code
                    and missing.region_code = grid.region_code
                    and missing.year = grid.year""";
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
