package stipanel.panel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.Yaml;

import stipanel.shipped.Shipped;

/**
 * The indicators of {@code jobs/indicators/}, in the order {@code indicators.yml} lists them; each defined, whole, by
 * the file named after its code in lower case (a header of YAML and a query over the components).
 */
public final class IndicatorCatalogue {

    static final String DIRECTORY = "jobs/indicators/";

    /** The starts the panel's null reasons know (marts.indicator_null_reasons, before_plan). */
    private static final List<String> DEFINED_FROM = List.of("first_year", "after_base_year");

    private static final Set<String> FIELDS = Set.of("code", "name_zh", "name_en", "unit", "formula", "inputs",
            "defined_from", "undefined_when", "trajectory", "source", "reads");

    private IndicatorCatalogue() {
    }

    @SuppressWarnings("unchecked")
    public static List<Indicator> load() {
        Map<String, Object> yaml = new Yaml().load(Shipped.read(DIRECTORY + "indicators.yml"));
        List<Indicator> indicators = new ArrayList<>();
        for (Object listed : (List<Object>) yaml.get("indicators")) {
            String code = String.valueOf(listed);
            String file = DIRECTORY + code.toLowerCase(Locale.ROOT) + ".sql";
            Model.File definition = Model.split(Shipped.read(file), file);
            Map<String, Object> h = definition.header();
            for (String key : h.keySet()) {
                if (!FIELDS.contains(key)) {
                    throw new IllegalStateException(file + ": unknown header field '" + key + "' (known: " + FIELDS + ")");
                }
            }
            if (!code.equals(h.get("code"))) {
                throw new IllegalStateException(file + ": its header's code is " + h.get("code") + ", not " + code);
            }
            String definedFrom = (String) h.get("defined_from");
            if (definedFrom != null && !DEFINED_FROM.contains(definedFrom)) {
                throw new IllegalStateException(file + ": defined_from is '" + definedFrom + "', none of " + DEFINED_FROM);
            }
            Map<String, String> undefined = (Map<String, String>) h.get("undefined_when");
            if (undefined != null && (undefined.get("code") == null || undefined.get("reason") == null)) {
                throw new IllegalStateException(file + ": undefined_when needs a code and a reason");
            }
            List<String> reads = List.copyOf((List<String>) h.getOrDefault("reads", List.of()));
            Model.checkReads(file, reads, definition.sql(), null);
            indicators.add(new Indicator(code, (String) h.get("name_zh"), (String) h.get("name_en"),
                    String.valueOf(h.get("unit")), (String) h.get("formula"),
                    List.copyOf((List<String>) h.getOrDefault("inputs", List.of())), (String) h.get("trajectory"),
                    (String) h.get("source"), definedFrom,
                    undefined == null ? null : new Indicator.NullReason(undefined.get("code"), undefined.get("reason")),
                    file, reads, definition.sql()));
        }
        return indicators;
    }
}
