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

    /** Tables up to this many rows are versioned by their rows, larger ones by their inputs. */
    private static final long HASHED_ROWS = 100_000;

    private final Connection c;
    private final Map<String, String> definitions = new HashMap<>();
    private final Map<String, String[]> previous = new HashMap<>();
    private final Map<String, String> versions = new HashMap<>();
    private final Map<String, String> fingerprints = new HashMap<>();
    private final String schemaVersion;

    ModelBuilds(Connection c) throws SQLException {
        this.c = c;
        warehouseDefinitions().forEach((name, d) -> definitions.put(name, d.statement()));
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "select model, inputs, output from ops.model_builds")) {
            while (r.next()) {
                previous.put(r.getString(1), new String[] {r.getString(2), r.getString(3)});
            }
        }
        this.schemaVersion = query("select coalesce(max(version), 0) from ops.schema_migrations");
    }

    /** A view or macro of the warehouse's layer: the file of {@code sql/warehouse/} that creates it, and its statement. */
    record Definition(String file, String statement) {
    }

    /** The views and macros {@code sql/warehouse/*.sql} creates, made at migrate time. */
    static Map<String, Definition> warehouseDefinitions() {
        Map<String, Definition> found = new HashMap<>();
        for (Resource r : SqlScript.resources("sql/warehouse/*.sql")) {
            for (String statement : SqlScript.statements(SqlScript.read(r))) {
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
        StringBuilder text = new StringBuilder("schema " + schemaVersion + "\n" + model.materialized() + " " + model.name()
                + "\n" + model.sql() + "\n" + model.checks() + "\n" + model.description() + "\n" + model.columns());
        for (String read : new TreeSet<>(model.reads())) {
            text.append('\n').append(read).append(" = ").append(version(read));
        }
        return sha256(text.toString());
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

    void built(Model model, String inputs, double seconds) throws SQLException {
        if (!model.materialized().equals("table")) {
            versions.put(model.name(), inputs);
            return;
        }
        String output = outputVersion(model, inputs);
        versions.put(model.name(), output);
        try (PreparedStatement p = c.prepareStatement(
                "insert or replace into ops.model_builds values (?, ?, ?, current_timestamp, ?)")) {
            p.setString(1, model.name());
            p.setString(2, inputs);
            p.setString(3, output);
            p.setDouble(4, seconds);
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
            text.append(table).append(" = ").append(fingerprint(table, factsCoverLedger)).append('\n');
        }
        return sha256(text.toString());
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
                    + " from ingest.deliveries as d where d.content_hash in (select content_hash from " + table + ")");
        }
        if (table.equals("ingest.deliveries") && factsCoverLedger) {
            return "the ledger rows of the facts read";
        }
        if (table.equals("ops.run_settings")) {
            return query("select coalesce(sum(hash(as_of, pledge_threshold_wan)), 0) from ops.run_settings");
        }
        return query("select count(*) || ':' || coalesce(sum(hash(t)), 0) from " + table + " as t");
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
