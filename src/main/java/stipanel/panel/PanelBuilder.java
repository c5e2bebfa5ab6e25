package stipanel.panel;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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

    /** What a build did not build whole: the tables kept, and the tables whose rows of some regions it replaced. */
    public record Outcome(List<String> kept, Map<String, Integer> regionsReplaced) {
    }

    /** Told before a table's rows change: {@code regions} the codes whose rows are replaced, or null for all. */
    @FunctionalInterface
    public interface BeforeChange {
        void rowsOf(String table, Set<String> regions) throws SQLException;
    }

    public Outcome build(Connection c) throws SQLException {
        return build(c, (table, regions) -> {
        });
    }

    /**
     * Builds every model whose inputs changed since it was last built ({@link ModelBuilds}); a table whose inputs are
     * as they were is kept, a {@code by_city} table whose new inputs touch a few cities has those regions' rows
     * replaced. {@code beforeChange} is told before each table that is not kept changes.
     */
    public Outcome build(Connection c, BeforeChange beforeChange) throws SQLException {
        ModelBuilds builds = new ModelBuilds(c);
        List<String> kept = new ArrayList<>();
        Map<String, Integer> regionsReplaced = new LinkedHashMap<>();
        for (Model model : graph.ordered()) {
            String inputs = builds.inputs(model);
            if (builds.unchanged(model, inputs)) {
                kept.add(model.name());
                continue;
            }
            long start = System.nanoTime();
            Set<String> regions = builds.regionsToRebuild(model, inputs);
            beforeChange.rowsOf(model.name(), regions);
            if (regions == null) {
                execute(c, "create or replace " + model.materialized() + " " + model.name() + " as\n" + model.sql(),
                        model);
                describe(c, model);
            } else {
                replaceRows(c, model, regions);
                regionsReplaced.put(model.name(), regions.size());
            }
            check(c, model, regions);
            builds.built(model, inputs, (System.nanoTime() - start) / 1e9, regions);
        }
        commentComponentColumns(c);
        ColumnComments.inherit(c);
        return new Outcome(kept, regionsReplaced);
    }

    /**
     * A {@code by_city} model's rows of these regions, replaced by what its query gives for them; the rest stay. The
     * codes are written into the statement (six digits each, from {@code ref.regions}) so that DuckDB can push the
     * filter into the query.
     */
    private static void replaceRows(Connection c, Model model, Set<String> regions) throws SQLException {
        if (regions.isEmpty()) {
            return;
        }
        String where = whereIn(model.byCity(), regions);
        execute(c, "delete from " + model.name() + where, model);
        execute(c, "insert into " + model.name() + " by name\nselect * from (\n" + model.sql() + "\n) as rebuilt"
                + where, model);
    }

    /** {@code  where <column> in (…)}, the codes checked to be region codes. */
    public static String whereIn(String column, Set<String> regions) {
        for (String code : regions) {
            if (!code.matches("\\d{6}")) {
                throw new IllegalStateException("not a region code: " + code);
            }
        }
        return " where " + column + " in (" + literals(regions) + ")";
    }

    private static void execute(Connection c, String sql, Model model) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new SQLException(model.origin() + ": " + e.getMessage() + "\n" + sql, e);
        }
    }

    /** The model's comments, sent as one script: some 400 statements a build, each a round trip of its own before. */
    private static void describe(Connection c, Model model) throws SQLException {
        StringBuilder comments = new StringBuilder("comment on " + model.materialized() + " " + model.name() + " is "
                + literal(model.description()) + ";\n");
        for (Map.Entry<String, String> column : model.columns().entrySet()) {
            comments.append("comment on column ").append(model.name()).append('.').append(column.getKey()).append(" is ")
                    .append(literal(column.getValue())).append(";\n");
        }
        execute(c, comments.toString(), model);
    }

    /**
     * Runs the model's checks; the first that finds a row stops the build with that row. {@code regions}: those whose
     * rows the build replaced, or null when it built the table whole.
     */
    static void check(Connection c, Model model, Set<String> regions) throws SQLException {
        Model.Checks checks = model.checks();
        for (String query : checks.failsWhen()) {
            String message = first(c, "select * from (\n" + query + "\n) limit 1", model);
            if (message != null) {
                throw failure(model, "fails_when", message);
            }
        }
        // The declared checks in one scan that counts what fails; only a check that fails is run again to find a row.
        // A repeated key repeats its hash: counting distinct hashes costs 40 % less than grouping by the keys, and
        // the exact group-by below tells a repeated key from two keys that share a hash.
        String keys = String.join(", ", checks.unique());
        List<String> conditions = new ArrayList<>();
        List<String> cases = new ArrayList<>();
        for (String column : checks.notNull()) {
            conditions.add(column + " is null");
            cases.add(literal("not_null " + column));
        }
        for (Map.Entry<String, List<String>> accepted : checks.acceptedValues().entrySet()) {
            conditions.add(accepted.getKey() + " not in (" + literals(accepted.getValue()) + ")");
            cases.add(literal("accepted_values " + accepted.getKey() + " " + accepted.getValue()));
        }
        if (keys.isEmpty() && conditions.isEmpty()) {
            return;
        }
        // Rows of other regions were checked when they were written; a repeated key needs two rows of one region
        // when the key holds the by_city column.
        String table = regions == null || regions.isEmpty()
                || !(checks.unique().isEmpty() || checks.unique().contains(model.byCity())) ? model.name()
                : "(select * from " + model.name() + whereIn(model.byCity(), regions) + ") as replaced";
        String failing = conditions.stream().map(condition -> "(" + condition + ")").collect(Collectors.joining(" or "));
        List<String> counts = cells(c, "select " + (keys.isEmpty() ? "0" : "count(*) - count(distinct hash(" + keys + "))")
                + " as repeated, " + (conditions.isEmpty() ? "0" : "count(*) filter (where " + failing + ")")
                + " as failing from " + table, model);
        if (!counts.get(0).equals("repeated=0")) {
            String row = first(c, "select " + keys + ", count(*) as rows from " + table + " group by " + keys
                    + " having count(*) > 1 order by " + keys + " limit 1", model);
            if (row != null) {
                throw failure(model, "unique [" + keys + "]", row);
            }
        }
        if (!counts.get(1).equals("failing=0")) {
            List<String> shown = new ArrayList<>(keys.isEmpty() ? List.of("*") : checks.unique());
            if (!keys.isEmpty()) {
                checks.acceptedValues().keySet().stream().filter(column -> !shown.contains(column)).forEach(shown::add);
            }
            StringBuilder which = new StringBuilder("case");
            for (int i = 0; i < conditions.size(); i++) {
                which.append(" when ").append(conditions.get(i)).append(" then ").append(cases.get(i));
            }
            List<String> row = cells(c, "select " + which + " end as failed_check, " + String.join(", ", shown)
                    + " from " + table + " where " + failing + " limit 1", model);
            throw failure(model, row.get(0).substring("failed_check=".length()),
                    String.join(", ", row.subList(1, row.size())));
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
        if (!comments.isEmpty()) {
            try (Statement s = c.createStatement()) {
                s.execute(String.join(";\n", comments));
            }
        }
    }

    /** SQL string literals separated by commas, for an {@code in (…)} list. */
    static String literals(Collection<String> texts) {
        return texts.stream().map(PanelBuilder::literal).collect(Collectors.joining(", "));
    }

    /** A SQL string literal: the text in single quotes, each quote doubled. */
    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
