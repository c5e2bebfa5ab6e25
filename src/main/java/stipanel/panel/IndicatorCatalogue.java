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

    private IndicatorCatalogue() {
    }

    @SuppressWarnings("unchecked")
    public static List<Indicator> load() {
        Map<String, Object> yaml = new Yaml().load(SqlScript.read(DIRECTORY + "indicators.yml"));
        List<Indicator> indicators = new ArrayList<>();
        for (Map<String, Object> entry : (List<Map<String, Object>>) yaml.get("indicators")) {
            String code = (String) entry.get("code");
            String file = code.toLowerCase(Locale.ROOT) + ".sql";
            indicators.add(new Indicator(code, (String) entry.get("name_zh"), (String) entry.get("name_en"),
                    String.valueOf(entry.get("unit")), (String) entry.get("formula"),
                    (List<String>) entry.getOrDefault("inputs", List.of()), (String) entry.get("trajectory"),
                    (String) entry.get("source"), (String) entry.get("undefined_when"), DIRECTORY + file,
                    SqlScript.read(DIRECTORY + file)));
        }
        return indicators;
    }
}
