package stipanel.panel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;

import stipanel.shipped.Shipped;
import stipanel.warehouse.SqlScript;

/**
 * What each table of the panel was built from ({@code ops.model_builds}), so that a night rebuilds only the tables its
 * deliveries can change and keeps the rest as the last build left them.
 *
 * <p>A model's inputs are hashed: its definition and the version of each thing it reads. A model it reads has the
 * version of its output (for a table of up to 100,000 rows its row count and the sum of its rows' hashes, taken when
 * it was built, so that a table rebuilt to the same rows changes nothing downstream; for a larger one its inputs).
 * A staging view or macro of {@code sql/warehouse/} stands for its definition and the base tables it reads, however
 * deep. A base table's fingerprint is its row count and the sum of its rows' hashes,
 * except: a fact table is only ever appended to, a delivery's rows at once, so its fingerprint is its row count and
 * the ledger rows ({@code ingest.deliveries}) of the files its rows come from; those rows stand for the ledger in what
 * the staging views read of it, so that a statistics file does not rebuild the patents. {@code ops.run_settings}
 * counts by the columns the SQL reads ({@code run_date}, the date of the run, is read by none).
 */
final class ModelBuilds {

    private static final Pattern DEFINITION = Pattern.compile(
            "\\A\\s*(?:--[^\\n]*\\n\\s*)*create or replace (?:view|macro)(?: table)? ([a-z_]+\\.[a-z_0-9]+)",
            Pattern.CASE_INSENSITIVE);

    /**
     * The ledger as the panel reads it: the file's modification time is the ingester's, to spare a hash
     * ({@code DeliveryLedger.readBefore}), and is updated when a file is touched without changing.
     */
    private static final String LEDGER = "(select * exclude (modified_at) from ingest.deliveries)";

    /** Tables up to this many rows are versioned by their rows, larger ones by their inputs. */
    private static final long HASHED_ROWS = 100_000;

    private final Connection c;
    private final Map<String, String> definitions = new HashMap<>();
    private final Map<String, String[]> previous = new HashMap<>();
    private final Map<String, String> versions = new HashMap<>();
    private final Map<String, String> fingerprints = new HashMap<>();
    /** The by_city models this build replaced the rows of some regions of, and those regions. */
    private final Map<String, Set<String>> rebuiltRegions = new HashMap<>();
    private final String schemaVersion;
    /** The last delivery this build sees: a later build takes the rows of later deliveries for new. */
    private final String lastDelivery;

    ModelBuilds(Connection c) throws SQLException {
        this.c = c;
        warehouseDefinitions().forEach((name, d) -> definitions.put(name, d.statement()));
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "select model, inputs, output, deliveries_through from ops.model_builds")) {
            while (r.next()) {
                previous.put(r.getString(1), new String[] {r.getString(2), r.getString(3), r.getString(4)});
            }
        }
        this.schemaVersion = query("select coalesce(max(version), 0) from ops.schema_migrations");
        this.lastDelivery = query("select max(delivery_id) from ingest.deliveries");
    }

    /** A view or macro of the warehouse's layer: the file of {@code sql/warehouse/} that creates it, and its statement. */
    record Definition(String file, String statement) {
    }

    /** The views and macros {@code sql/warehouse/*.sql} creates, made at migrate time. */
    static Map<String, Definition> warehouseDefinitions() {
        Map<String, Definition> found = new HashMap<>();
        for (Resource r : Shipped.resources("sql/warehouse/*.sql")) {
            for (String statement : SqlScript.statements(Shipped.read(r))) {
                Matcher m = DEFINITION.matcher(statement);
                if (m.find()) {
                    found.put(m.group(1).toLowerCase(), new Definition("src/main/resources/sql/warehouse/"
                            + r.getFilename(), statement));
                }
            }
        }
        return found;
    }

    /** The version of everything {@code model} is built from. */
    String inputs(Model model) throws SQLException {
        StringBuilder text = definitionText(model);
        for (String read : new TreeSet<>(model.reads())) {
            text.append('\n').append(read).append(" = ").append(version(read));
        }
        return sha256(text.toString());
    }

    private StringBuilder definitionText(Model model) {
        return new StringBuilder("schema " + schemaVersion + "\n" + model.materialized() + " " + model.name() + "\n"
                + model.sql() + "\n" + model.checks() + "\n" + model.description() + "\n" + model.columns());
    }

    /**
     * The regions whose rows are all that this build must replace in a {@code by_city} model, or null when it must be
     * built whole. It is proven, not assumed, that only those rows can differ: the model's inputs, with each read taken
     * as it stood when the model was last built, must be the inputs it was built from (so nothing else changed: its
     * definition, the reference tables, the run's settings, the reads kept); the reads that changed are {@code by_city}
     * models this build replaced some regions' rows of, or fact tables that only gained the rows of files delivered
     * since (a later {@code delivery_id} than the last that build saw). Those rows' regions, widened to every region
     * of their cities, are the answer: a {@code by_city} row depends on its city's regions only. A new row of a region
     * without a city (a province) or of none known builds the model whole.
     */
    Set<String> regionsToRebuild(Model model, String inputs) throws SQLException {
        String[] last = previous.get(model.name());
        if (model.byCity() == null || last == null || last[0].equals(inputs) || !exists(model.name())) {
            return null;
        }
        String through = last[2];
        if (through == null) {
            return null;
        }
        Set<String> changed = new TreeSet<>();
        StringBuilder text = definitionText(model);
        for (String read : new TreeSet<>(model.reads())) {
            String before;
            if (rebuiltRegions.containsKey(read)) {
                before = previous.get(read)[1];
                changed.addAll(rebuiltRegions.get(read));
            } else if (definitions.containsKey(read)) {
                before = definitionVersion(read, through, changed);
            } else {
                before = version(read);
            }
            if (before == null) {
                return null;
            }
            text.append('\n').append(read).append(" = ").append(before);
        }
        if (!sha256(text.toString()).equals(last[0])) {
            return null;
        }
        if (changed.isEmpty()) {
            return changed;
        }
        String codes = PanelBuilder.literals(changed);
        if (!query("select count(*) = " + changed.size() + " from ref.regions where city_code is not null and code in ("
                + codes + ")").equals("true")) {
            return null;
        }
        Set<String> regions = new TreeSet<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select code from ref.regions where "
                + "city_code in (select city_code from ref.regions where code in (" + codes + "))")) {
            while (r.next()) {
                regions.add(r.getString(1));
            }
        }
        return regions;
    }

    /** True if the table is there and was built from these inputs; its output's version then stands. */
    boolean unchanged(Model model, String inputs) throws SQLException {
        String[] last = previous.get(model.name());
        if (!model.materialized().equals("table") || last == null || !last[0].equals(inputs) || !exists(model.name())) {
            return false;
        }
        versions.put(model.name(), last[1]);
        return true;
    }

    /** Records a model's build: whole, or (a {@code by_city} table) the rows of {@code regionsReplaced} only. */
    void built(Model model, String inputs, double seconds, Set<String> regionsReplaced) throws SQLException {
        if (regionsReplaced != null) {
            rebuiltRegions.put(model.name(), regionsReplaced);
        }
        if (!model.materialized().equals("table")) {
            versions.put(model.name(), inputs);
            return;
        }
        String output = outputVersion(model, inputs);
        versions.put(model.name(), output);
        try (PreparedStatement p = c.prepareStatement(
                "insert or replace into ops.model_builds values (?, ?, ?, current_timestamp, ?, ?, ?)")) {
            p.setString(1, model.name());
            p.setString(2, inputs);
            p.setString(3, output);
            p.setDouble(4, seconds);
            p.setObject(5, lastDelivery == null ? null : Long.parseLong(lastDelivery));
            p.setObject(6, regionsReplaced == null ? null : regionsReplaced.size());
            p.executeUpdate();
        }
    }

    /**
     * A small table's version is its rows (so that one rebuilt to the same rows, such as the grid after a statistics
     * file, keeps what reads it); a large one's, its inputs: hashing millions of rows would cost more than it saves.
     */
    private String outputVersion(Model model, String inputs) throws SQLException {
        long rows = Long.parseLong(query("select count(*) from " + model.name()));
        return rows > HASHED_ROWS ? "inputs " + inputs
                : query("select count(*) || ':' || coalesce(sum(hash(t)), 0) from " + model.name() + " as t");
    }

    private String version(String read) throws SQLException {
        String known = versions.get(read);
        if (known != null) {
            return known;
        }
        String version = definitions.containsKey(read) ? definitionVersion(read) : fingerprint(read, false);
        versions.put(read, version);
        return version;
    }

    /** A staging view or macro: its definition and those it reads, and the fingerprints of the tables under them. */
    private String definitionVersion(String name) throws SQLException {
        return definitionVersion(name, null, null);
    }

    /**
     * With {@code through} (a delivery id), the version as it stood then: the fact tables under it without the rows of
     * later deliveries, whose regions go to {@code newRegions}; null if a fact table without regions gained rows.
     */
    private String definitionVersion(String name, String through, Set<String> newRegions) throws SQLException {
        Map<String, String> texts = new TreeMap<>();
        Set<String> tables = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(Set.of(name));
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (texts.containsKey(next)) {
                continue;
            }
            texts.put(next, definitions.get(next));
            for (String read : Model.references(definitions.get(next), next)) {
                if (definitions.containsKey(read)) {
                    todo.push(read);
                } else {
                    tables.add(read);
                }
            }
        }
        boolean factsCoverLedger = tables.stream().anyMatch(t -> t.startsWith("facts."));
        StringBuilder text = new StringBuilder();
        texts.forEach((n, t) -> text.append(n).append('\n').append(t).append('\n'));
        for (String table : tables) {
            String fingerprint = through != null && table.startsWith("facts.")
                    ? factsThrough(table, through, newRegions) : fingerprint(table, factsCoverLedger);
            if (fingerprint == null) {
                return null;
            }
            text.append(table).append(" = ").append(fingerprint).append('\n');
        }
        return sha256(text.toString());
    }

    /** A fact table's fingerprint without the rows of deliveries after {@code through}, as its build saw it. */
    private String factsThrough(String table, String through, Set<String> newRegions) throws SQLException {
        long last = Long.parseLong(through);
        String then = "(select content_hash from ingest.deliveries where delivery_id <= " + last + ")";
        if (query("select count(*) > 0 from " + table + " where content_hash not in " + then).equals("true")) {
            if (!query("select count(*) > 0 from duckdb_columns() where database_name = current_database() and schema_name"
                    + " || '.' || table_name = " + PanelBuilder.literal(table) + " and column_name = 'region_code'")
                    .equals("true")) {
                return null;
            }
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select distinct region_code from "
                    + table + " where content_hash not in " + then)) {
                while (r.next()) {
                    if (r.getString(1) == null) {
                        return null;
                    }
                    newRegions.add(r.getString(1));
                }
            }
        }
        return query("select (select count(*) from " + table + " where content_hash in " + then + ") || ':' || "
                + "coalesce(sum(hash(d)), 0) from " + LEDGER + " as d where d.delivery_id <= " + last
                + " and d.content_hash in (select content_hash from " + table + ")");
    }

    private String fingerprint(String table, boolean factsCoverLedger) throws SQLException {
        String key = table + (factsCoverLedger ? " with facts" : "");
        String known = fingerprints.get(key);
        if (known == null) {
            known = fingerprintOf(table, factsCoverLedger);
            fingerprints.put(key, known);
        }
        return known;
    }

    private String fingerprintOf(String table, boolean factsCoverLedger) throws SQLException {
        if (table.startsWith("facts.")) {
            return query("select (select count(*) from " + table + ") || ':' || coalesce(sum(hash(d)), 0)"
                    + " from " + LEDGER + " as d where d.content_hash in (select content_hash from " + table + ")");
        }
        if (table.equals("ingest.deliveries") && factsCoverLedger) {
            return "the ledger rows of the facts read";
        }
        if (table.equals("ops.run_settings")) {
            return query("select coalesce(sum(hash(as_of, pledge_threshold_wan)), 0) from ops.run_settings");
        }
        return query("select count(*) || ':' || coalesce(sum(hash(t)), 0) from "
                + (table.equals("ingest.deliveries") ? LEDGER : table) + " as t");
    }

    private boolean exists(String name) throws SQLException {
        String[] parts = name.split("\\.");
        try (PreparedStatement p = c.prepareStatement("select count(*) from duckdb_tables() where schema_name = ? "
                + "and table_name = ? and database_name = current_database()")) {
            p.setString(1, parts[0]);
            p.setString(2, parts[1]);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1) > 0;
            }
        }
    }

    private String query(String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
