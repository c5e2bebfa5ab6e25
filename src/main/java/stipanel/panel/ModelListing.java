package stipanel.panel;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;

import stipanel.warehouse.SqlScript;

/**
 * {@code describe --sql [NAME]}: the panel's SQL exactly as the build runs it, model by model in build order, the
 * generated unions included; for a model or an indicator code, only what it is computed from and itself.
 */
public final class ModelListing {

    private static final Pattern STAGING = Pattern.compile(
            "create or replace (?:view|macro) (staging\\.[a-z_0-9]+)", Pattern.CASE_INSENSITIVE);

    private ModelListing() {
    }

    /** Prints the whole graph ({@code name} null), or what {@code name} (a model or an indicator code) comes from. */
    public static void print(ModelGraph graph, String name, PrintStream out) {
        if (name == null) {
            List<Model> all = graph.ordered();
            for (int i = 0; i < all.size(); i++) {
                print(all.get(i), i + 1, out);
            }
            return;
        }
        Indicator indicator = graph.indicators().stream()
                .filter(i -> i.code().equalsIgnoreCase(name)).findFirst().orElse(null);
        Model model = graph.model(name.toLowerCase(Locale.ROOT));
        if (indicator == null && model == null) {
            throw new IllegalArgumentException("'" + name + "' is neither a model of the panel nor an indicator code");
        }
        List<String> reads = indicator != null ? indicator.reads() : model.reads();
        List<Model> upstream = graph.upstream(reads);
        out.println("-- " + name + " is computed from " + upstream.size() + " models, in build order, then itself.");
        printSources(upstream, reads, out);
        for (int i = 0; i < upstream.size(); i++) {
            print(upstream.get(i), i + 1, out);
        }
        if (indicator != null) {
            out.println("-- " + indicator.code() + "  " + indicator.nameZh() + "（" + indicator.unit() + "）  "
                    + indicator.definitionFile());
            out.println("-- formula: " + indicator.formula() + "; inputs: " + String.join(", ", indicator.inputs()));
            out.println("-- its values are rows of marts.indicator_values, its plan and status rows of marts.panel");
            out.println(indicator.sql().strip() + ";");
        } else {
            print(model, upstream.size() + 1, out);
        }
    }

    private static void print(Model m, int position, PrintStream out) {
        out.println("-- " + position + ". " + m.name() + "  (" + m.materialized() + "; " + m.origin()
                + (m.unionOf() == null ? "" : "; the union of the " + m.unionOf() + ", generated") + ")");
        out.println("-- " + m.description());
        out.println("-- reads: " + (m.reads().isEmpty() ? "-" : String.join(", ", m.reads())));
        Model.Checks c = m.checks();
        List<String> checks = new ArrayList<>();
        if (!c.unique().isEmpty()) {
            checks.add("unique " + c.unique());
        }
        if (!c.notNull().isEmpty()) {
            checks.add("not_null " + c.notNull());
        }
        c.acceptedValues().forEach((column, values) -> checks.add("accepted_values " + column + " " + values));
        if (!c.failsWhen().isEmpty()) {
            checks.add(c.failsWhen().size() + " fails_when");
        }
        out.println("-- checks: " + (checks.isEmpty() ? "-" : String.join("; ", checks)));
        out.println("create or replace " + m.materialized() + " " + m.name() + " as");
        out.println(m.sql().strip() + ";");
        out.println();
    }

    /** Where the staging views and macros the models read are defined: the warehouse's layer, made at migrate time. */
    private static void printSources(List<Model> upstream, List<String> reads, PrintStream out) {
        Map<String, String> defined = new HashMap<>();
        for (Resource r : SqlScript.resources("sql/warehouse/*.sql")) {
            Matcher m = STAGING.matcher(SqlScript.read(r));
            while (m.find()) {
                defined.putIfAbsent(m.group(1), "src/main/resources/sql/warehouse/" + r.getFilename());
            }
        }
        List<String> all = new ArrayList<>(reads);
        upstream.forEach(m -> all.addAll(m.reads()));
        all.stream().filter(defined::containsKey).distinct().sorted()
                .forEach(s -> out.println("-- " + s + " is defined in " + defined.get(s)));
    }
}
