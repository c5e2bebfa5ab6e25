package stipanel.panel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;

import stipanel.warehouse.SqlScript;

/**
 * The indicators of {@code jobs/indicators/}: metadata from {@code indicators.yml}, each computed by the SQL file
 * named after its code in lower case.
 */
public final class IndicatorCatalogue {

    static final String DIRECTORY = "jobs/indicators/";

    /** The starts the panel's null reasons know (030_panel.sql, before_plan). */
    private static final List<String> DEFINED_FROM = List.of("first_year", "after_base_year");

    private IndicatorCatalogue() {
    }

    @SuppressWarnings("unchecked")
    public static List<Indicator> load() {
        Map<String, Object> yaml = new Yaml().load(SqlScript.read(DIRECTORY + "indicators.yml"));
        List<Indicator> indicators = new ArrayList<>();
        for (Map<String, Object> entry : (List<Map<String, Object>>) yaml.get("indicators")) {
            String code = (String) entry.get("code");
            String file = code.toLowerCase(Locale.ROOT) + ".sql";
            String definedFrom = (String) entry.get("defined_from");
            if (definedFrom != null && !DEFINED_FROM.contains(definedFrom)) {
                throw new IllegalStateException(DIRECTORY + "indicators.yml: " + code + " has defined_from '"
                        + definedFrom + "', none of " + DEFINED_FROM);
            }
            Map<String, String> undefined = (Map<String, String>) entry.get("undefined_when");
            if (undefined != null && (undefined.get("code") == null || undefined.get("reason") == null)) {
                throw new IllegalStateException(DIRECTORY + "indicators.yml: " + code
                        + "'s undefined_when needs a code and a reason");
            }
            indicators.add(new Indicator(code, (String) entry.get("name_zh"), (String) entry.get("name_en"),
                    String.valueOf(entry.get("unit")), (String) entry.get("formula"),
                    (List<String>) entry.getOrDefault("inputs", List.of()), (String) entry.get("trajectory"),
                    (String) entry.get("source"), definedFrom,
                    undefined == null ? null : new Indicator.NullReason(undefined.get("code"), undefined.get("reason")),
                    DIRECTORY + file, SqlScript.read(DIRECTORY + file)));
        }
        return indicators;
    }
}
