package stipanel.panel;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import stipanel.ingest.ReferenceData;

/**
 * {@code describe --sql [NAME]}: the panel's SQL exactly as the build runs it, model by model in build order, the
 * generated unions included; for a model or an indicator code, only what it is computed from and itself.
 */
public final class ModelListing {

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
        if (indicator != null) {
            print(graph, indicator, out);
            return;
        }
        Model model = graph.model(name.toLowerCase(Locale.ROOT));
        if (model == null) {
            throw new IllegalArgumentException("'" + name + "' is neither a model of the panel nor an indicator code");
        }
        printLineage(graph, List.of(model), out);
        print(model, graph.ordered().indexOf(model) + 1, out);
    }

    /**
     * An indicator: its file (the query that turns its components into it), then the model of each source that
     * computes those components, then everything they read.
     */
    private static void print(ModelGraph graph, Indicator indicator, PrintStream out) {
        out.println("-- " + indicator.code() + "  " + indicator.nameZh() + "（" + indicator.unit() + "）  "
                + indicator.definitionFile());
        out.println("-- formula: " + indicator.formula() + "; inputs: " + String.join(", ", indicator.inputs()));
        out.println("-- its values are rows of marts.indicator_values; with its plan target and status, of marts.panel");
        out.println(indicator.sql().strip() + ";");
        out.println();
        Set<String> statistics = new TreeSet<>();
        ReferenceData.csv("reference/base_statistics.csv").forEach(r -> statistics.add(r.get("code")));
        Set<Model> producers = new LinkedHashSet<>();
        for (String input : indicator.inputs()) {
            List<Model> making = graph.ordered().stream()
                    .filter(m -> m.checks().acceptedValues().getOrDefault("component_code", List.of()).contains(input))
                    .toList();
            Model producer = making.isEmpty() && statistics.contains(input)
                    ? graph.model("marts.statistics_components") : making.isEmpty() ? null : making.get(0);
            out.println("-- input " + input + " is computed by " + (producer == null ? "no model" : producer.name()
                    + " (" + producer.origin() + ")"));
            if (producer != null) {
                producers.add(producer);
            }
        }
        out.println();
        for (Model producer : producers) {
            print(producer, graph.ordered().indexOf(producer) + 1, out);
        }
        printLineage(graph, List.copyOf(producers), out);
    }

    /** The models and staging objects {@code models} read, directly or not, one line each in build order. */
    private static void printLineage(ModelGraph graph, List<Model> models, PrintStream out) {
        List<String> reads = models.stream().flatMap(m -> m.reads().stream()).toList();
        List<Model> upstream = graph.upstream(reads);
        Map<String, ModelBuilds.Definition> staging = ModelBuilds.warehouseDefinitions();
        out.println("-- what " + models.stream().map(Model::name).collect(Collectors.joining(", "))
                + " read" + (models.size() == 1 ? "s" : "") + ", directly or not, in build order:");
        for (Model m : upstream) {
            out.println("--   " + (graph.ordered().indexOf(m) + 1) + ". " + m.name() + "  " + m.origin());
        }
        Set<String> all = new TreeSet<>(reads);
        upstream.forEach(m -> all.addAll(m.reads()));
        all.stream().filter(staging::containsKey).forEach(s -> out.println("--   " + s + "  " + staging.get(s).file()));
        out.println();
    }

    private static void print(Model m, int position, PrintStream out) {
        out.println("-- " + position + ". " + m.name() + "  (" + m.materialized() + "; " + m.origin()
                + (m.generated() == null ? "" : "; generated: " + m.generated()) + ")");
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
        if (m.byCity() != null) {
            out.println("-- by_city: " + m.byCity() + " (a night whose new rows touch a few cities replaces those"
                    + " cities' regions' rows only)");
        }
        out.println("create or replace " + m.materialized() + " " + m.name() + " as");
        out.println(m.sql().strip() + ";");
        out.println();
    }
}
