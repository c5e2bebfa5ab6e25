package stipanel.panel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

/**
 * One model of the panel: a query the build materialises as a table or a view of the warehouse, with what it reads,
 * what it is, its columns' meanings and its checks. A model is a file: a header (a leading block comment of YAML:
 * {@code model}, {@code description}, {@code materialized}, {@code reads}, {@code columns}, {@code checks},
 * {@code by_city} (below), or {@code generated} for a model whose query {@link ModelGraph} writes from a list: the
 * union of the component models or of the indicators, the column per component) and the query below it
 * (docs/panel.md "The model graph").
 *
 * <p>{@code byCity} names the column that holds each row's region when a row depends, in everything the model reads,
 * only on the rows of its own city's regions (the city and its counties, {@code ref.regions.city_code}): a night whose
 * new rows touch a few cities then rebuilds those regions' rows only ({@link ModelBuilds#regionsToRebuild}).
 */
public record Model(String name, String materialized, String description, List<String> reads,
                    Map<String, String> columns, Checks checks, String byCity, String generated, String sql,
                    String origin) {

    /** Objects a query can name: the warehouse's schemas. */
    private static final Pattern REFERENCE =
            Pattern.compile("\\b((?:marts|staging|ref|ops|facts|ingest|main)\\.[a-z_][a-z0-9_]*)\\b");

    private static final Pattern HEADER = Pattern.compile("\\A\\s*/\\*(.*?)\\*/\\s*\\n", Pattern.DOTALL);

    /**
     * The checks a model's rows must pass, run after it is built: {@code unique} key columns, {@code notNull}
     * columns, {@code acceptedValues} per column (NULL is accepted: {@code notNull} says otherwise), and
     * {@code failsWhen} queries that return a message for each row that is wrong.
     */
    public record Checks(List<String> unique, List<String> notNull, Map<String, List<String>> acceptedValues,
                         List<String> failsWhen) {
        static final Checks NONE = new Checks(List.of(), List.of(), Map.of(), List.of());
    }

    /** The header of a model file and the query below it. */
    public record File(Map<String, Object> header, String sql) {
    }

    public static File split(String text, String origin) {
        Matcher m = HEADER.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException(origin + ": a model starts with its header, a /* … */ block of YAML");
        }
        Object header = new Yaml().load(m.group(1));
        if (!(header instanceof Map<?, ?>)) {
            throw new IllegalStateException(origin + ": the header is not a YAML mapping");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) header;
        return new File(map, text.substring(m.end()).strip());
    }

    @SuppressWarnings("unchecked")
    public static Model parse(String text, String origin, String defaultName) {
        File file = split(text, origin);
        Map<String, Object> h = file.header();
        Set<String> known = Set.of("model", "description", "materialized", "reads", "columns", "checks", "by_city",
                "generated");
        for (String key : h.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalStateException(origin + ": unknown header field '" + key + "' (known: " + known + ")");
            }
        }
        String name = (String) h.getOrDefault("model", defaultName);
        String materialized = (String) h.getOrDefault("materialized", "table");
        if (!materialized.equals("table") && !materialized.equals("view")) {
            throw new IllegalStateException(origin + ": materialized is table or view, not '" + materialized + "'");
        }
        String description = (String) h.get("description");
        if (description == null || description.isBlank()) {
            throw new IllegalStateException(origin + ": the header has no description (what the model is, with units)");
        }
        Map<String, String> columns = new LinkedHashMap<>();
        ((Map<String, Object>) h.getOrDefault("columns", Map.of())).forEach((k, v) -> columns.put(k, String.valueOf(v)));
        String generated = (String) h.get("generated");
        if (generated != null && !(file.sql().isEmpty() && h.get("reads") == null)) {
            throw new IllegalStateException(origin + ": a generated model has no query and no reads: both are generated");
        }
        String byCity = (String) h.get("by_city");
        if (byCity != null && !materialized.equals("table")) {
            throw new IllegalStateException(origin + ": by_city is for a table, whose rows a night can replace");
        }
        Model model = new Model(name, materialized, description, strings(h.get("reads")), columns,
                checks((Map<String, Object>) h.get("checks"), origin), byCity, generated, file.sql(), origin);
        if (generated == null) {
            model.checkReads();
        }
        return model;
    }

    /** This generated model with its query, which reads {@code reads}. */
    Model generated(String query, List<String> reads) {
        Set<String> all = new TreeSet<>(reads);
        all.addAll(references(String.join("\n", checks.failsWhen()), name));
        Model model = new Model(name, materialized, description, List.copyOf(all), columns, checks, byCity, generated,
                query, origin);
        model.checkReads();
        return model;
    }

    @SuppressWarnings("unchecked")
    private static Checks checks(Map<String, Object> c, String origin) {
        if (c == null) {
            return Checks.NONE;
        }
        Set<String> known = Set.of("unique", "not_null", "accepted_values", "fails_when");
        for (String key : c.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalStateException(origin + ": unknown check '" + key + "' (known: " + known + ")");
            }
        }
        Map<String, List<String>> accepted = new LinkedHashMap<>();
        ((Map<String, Object>) c.getOrDefault("accepted_values", Map.of()))
                .forEach((column, values) -> accepted.put(column, strings(values)));
        return new Checks(strings(c.get("unique")), strings(c.get("not_null")), accepted, strings(c.get("fails_when")));
    }

    private static List<String> strings(Object value) {
        List<String> list = new ArrayList<>();
        if (value instanceof List<?> items) {
            items.forEach(i -> list.add(String.valueOf(i)));
        } else if (value != null) {
            list.add(String.valueOf(value));
        }
        return List.copyOf(list);
    }

    /** The warehouse objects a query names (outside its comments), itself excepted. */
    public static Set<String> references(String sql, String self) {
        Set<String> found = new TreeSet<>();
        Matcher m = REFERENCE.matcher(sql.replaceAll("--[^\n]*", ""));
        while (m.find()) {
            found.add(m.group(1));
        }
        if (self != null) {
            found.remove(self);
        }
        return found;
    }

    /**
     * The header's {@code reads} is what the query reads, no more and no less: the build orders the models by it, so a
     * read left out could build a model before what it reads.
     */
    private void checkReads() {
        checkReads(origin, reads, sql + "\n" + String.join("\n", checks.failsWhen()), name);
    }

    /** Stops with what is missing or extra when {@code declared} is not what {@code sql} reads (models, indicators). */
    static void checkReads(String origin, List<String> declared, String sql, String self) {
        Set<String> used = references(sql, self);
        Set<String> listed = new TreeSet<>(declared);
        if (!used.equals(listed)) {
            Set<String> undeclared = new TreeSet<>(used);
            undeclared.removeAll(listed);
            Set<String> unused = new TreeSet<>(listed);
            unused.removeAll(used);
            throw new IllegalStateException(origin + ": the header's reads " + listed + " is not what the query reads"
                    + (undeclared.isEmpty() ? "" : "; not declared: " + undeclared)
                    + (unused.isEmpty() ? "" : "; declared, not read: " + unused));
        }
    }
}
