package stipanel.panel;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import stipanel.warehouse.ColumnComments;

/**
 * Builds the panel's models ({@link ModelGraph}) in the graph's order: each is materialised as its header says
 * ({@code create or replace table … as} its query, or a view), described (its description and columns become the
 * warehouse's comments) and checked; a failed check stops the build, naming the model, the check and a row. A table
 * whose inputs did not change since it was built is kept as it is.
 */
public final class PanelBuilder {

    private final ModelGraph graph;

    public PanelBuilder(List<Indicator> indicators) {
        this(ModelGraph.shipped(indicators));
    }

    public PanelBuilder(ModelGraph graph) {
        this.graph = graph;
    }

    /**
     * Builds every model whose inputs changed since it was last built ({@link ModelBuilds}); a table whose inputs are
     * as they were is kept. Returns the tables kept.
     */
    public List<String> build(Connection c) throws SQLException {
        ModelBuilds builds = new ModelBuilds(c);
        List<String> kept = new ArrayList<>();
        for (Model model : graph.ordered()) {
            String inputs = builds.inputs(model);
            if (builds.unchanged(model, inputs)) {
                kept.add(model.name());
                continue;
            }
            long start = System.nanoTime();
            execute(c, "create or replace " + model.materialized() + " " + model.name() + " as\n" + model.sql(), model);
            describe(c, model);
            check(c, model);
            builds.built(model, inputs, (System.nanoTime() - start) / 1e9);
        }
        commentComponentColumns(c);
        ColumnComments.inherit(c);
        return kept;
    }

    private static void execute(Connection c, String sql, Model model) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new SQLException(model.origin() + ": " + e.getMessage() + "\n" + sql, e);
        }
    }

    private static void describe(Connection c, Model model) throws SQLException {
        execute(c, "comment on " + model.materialized() + " " + model.name() + " is " + literal(model.description()), model);
        for (Map.Entry<String, String> column : model.columns().entrySet()) {
            execute(c, "comment on column " + model.name() + "." + column.getKey() + " is " + literal(column.getValue()),
                    model);
        }
    }

    /** Runs the model's checks; the first that finds a row stops the build with that row. */
    private static void check(Connection c, Model model) throws SQLException {
        Model.Checks checks = model.checks();
        for (String query : checks.failsWhen()) {
            String message = first(c, "select * from (\n" + query + "\n) limit 1", model);
            if (message != null) {
                throw failure(model, "fails_when", message);
            }
        }
        if (!checks.unique().isEmpty()) {
            String keys = String.join(", ", checks.unique());
            String row = first(c, "select " + keys + ", count(*) as rows from " + model.name() + " group by " + keys
                    + " having count(*) > 1 order by " + keys + " limit 1", model);
            if (row != null) {
                throw failure(model, "unique [" + keys + "]", row);
            }
        }
        // Every not-null and accepted-values check in one scan: the first failing row names the check it fails.
        List<String> cases = new ArrayList<>();
        for (String column : checks.notNull()) {
            cases.add(column + " is null then " + literal("not_null " + column));
        }
        for (Map.Entry<String, List<String>> accepted : checks.acceptedValues().entrySet()) {
            String values = accepted.getValue().stream().map(PanelBuilder::literal).collect(Collectors.joining(", "));
            cases.add(accepted.getKey() + " not in (" + values + ") then "
                    + literal("accepted_values " + accepted.getKey() + " " + accepted.getValue()));
        }
        if (cases.isEmpty()) {
            return;
        }
        List<String> shown = new ArrayList<>(checks.unique().isEmpty() ? List.of("*") : checks.unique());
        if (!checks.unique().isEmpty()) {
            checks.acceptedValues().keySet().stream().filter(column -> !shown.contains(column)).forEach(shown::add);
        }
        List<String> failed = cells(c, "select case when " + String.join(" when ", cases) + " end as failed_check, "
                + String.join(", ", shown) + " from " + model.name() + " where "
                + cases.stream().map(when -> "(" + when.substring(0, when.lastIndexOf(" then ")) + ")")
                        .collect(Collectors.joining(" or ")) + " limit 1", model);
        if (failed != null) {
            String check = failed.get(0).substring("failed_check=".length());
            throw failure(model, check, String.join(", ", failed.subList(1, failed.size())));
        }
    }

    /** The first row of a query as {@code column=value, …} (a single column: its value), or null if there is none. */
    private static String first(Connection c, String query, Model model) throws SQLException {
        List<String> cells = cells(c, query, model);
        return cells == null ? null : cells.size() == 1 ? cells.get(0).substring(cells.get(0).indexOf('=') + 1)
                : String.join(", ", cells);
    }

    /** The first row of a query as {@code column=value} cells, or null if there is none. */
    private static List<String> cells(Connection c, String query, Model model) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(query)) {
            if (!r.next()) {
                return null;
            }
            ResultSetMetaData md = r.getMetaData();
            List<String> cells = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                cells.add(md.getColumnName(i) + "=" + r.getString(i));
            }
            return cells;
        } catch (SQLException e) {
            throw new SQLException(model.origin() + ": a check does not run: " + e.getMessage() + "\n" + query, e);
        }
    }

    private static IllegalStateException failure(Model model, String check, String row) {
        return new IllegalStateException("面板模型 " + model.name() + "（" + model.origin() + "）的检查 " + check
                + " 未通过：" + row + " / model " + model.name() + " failed its check " + check);
    }

    /** One column of {@code marts.components_wide} per component, described from {@code ref.components}. */
    private static void commentComponentColumns(Connection c) throws SQLException {
        List<String> comments = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "select code, name, unit, source from ref.components order by code")) {
            while (r.next()) {
                comments.add("comment on column marts.components_wide." + r.getString(1).toLowerCase(Locale.ROOT)
                        + " is " + literal(r.getString(2) + "（" + r.getString(3) + "） / component " + r.getString(1)
                        + " in " + r.getString(3) + ", from " + r.getString(4)));
            }
        }
        for (String comment : comments) {
            try (Statement s = c.createStatement()) {
                s.execute(comment);
            }
        }
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
