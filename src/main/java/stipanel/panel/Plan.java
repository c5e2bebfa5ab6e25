package stipanel.panel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.Resource;
import org.yaml.snakeyaml.Yaml;

import stipanel.warehouse.SqlScript;

/**
 * A county's plan (规划) as data: region, base/first/target year and its targets ({@code jobs/plans/*.yml}).
 * Another county's plan is another file, never code.
 */
public record Plan(String planId, String regionCode, String regionName, String title, String document,
                   int baseYear, int firstYear, int targetYear, List<Target> targets) {

    public record Target(String indicator, double threshold, String direction, String section, String wording) {
    }

    /** The plans shipped in {@code jobs/plans/}. */
    public static List<Plan> shipped() {
        List<Plan> plans = new ArrayList<>();
        for (Resource r : SqlScript.resources("jobs/plans/*.yml")) {
            plans.add(parse(SqlScript.read(r), r.getFilename()));
        }
        return plans;
    }

    public static Plan read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    @SuppressWarnings("unchecked")
    static Plan parse(String text, String origin) {
        Map<String, Object> y = new Yaml().load(text);
        List<Target> targets = new ArrayList<>();
        for (Map<String, Object> t : (List<Map<String, Object>>) y.get("targets")) {
            String direction = (String) t.getOrDefault("direction", "at_least");
            if (!direction.equals("at_least") && !direction.equals("at_most")) {
                throw new IllegalArgumentException(origin + ": direction must be at_least or at_most, not " + direction);
            }
            targets.add(new Target((String) t.get("indicator"), ((Number) t.get("threshold")).doubleValue(),
                    direction, (String) t.get("section"), (String) t.get("wording")));
        }
        return new Plan((String) y.get("plan_id"), String.valueOf(y.get("region_code")), (String) y.get("region_name"),
                (String) y.get("title"), (String) y.get("document"), (Integer) y.get("base_year"),
                (Integer) y.get("first_year"), (Integer) y.get("target_year"), targets);
    }
}
