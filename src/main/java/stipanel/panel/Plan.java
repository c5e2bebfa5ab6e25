package stipanel.panel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.io.Resource;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import stipanel.shipped.Shipped;

/**
 * A county's plan (规划) as data: region, base/first/target year and its targets ({@code jobs/plans/*.yml}).
 * Another county's plan is another file, never code. README "Plans" describes the format.
 */
public record Plan(String planId, String regionCode, String regionName, String title, String document,
                   int baseYear, int firstYear, int targetYear, List<Target> targets) {

    /**
     * One target: the indicator (a code of {@code jobs/indicators/}, defined or not yet), the threshold
     * in the indicator's unit, the direction, and where and how the plan states it. {@code unit} is optional and
     * documents the threshold's unit; it must then equal the indicator's.
     */
    public record Target(String indicator, double threshold, String direction, String unit, String section,
                         String wording) {
    }

    /** The plans shipped in {@code jobs/plans/}. */
    public static List<Plan> shipped() {
        List<Plan> plans = new ArrayList<>();
        for (Resource r : Shipped.resources("jobs/plans/*.yml")) {
            plans.add(parse(Shipped.read(r), r.getFilename()));
        }
        return plans;
    }

    /** The plan in {@code file}; a file that cannot be read or is no valid plan is an IllegalArgumentException naming it. */
    public static Plan read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + "：文件不存在");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + "：无法读取规划文件（" + e + "）", e);
        }
        return parse(text, file.toString());
    }

    /** The target for an indicator, or null. */
    public Target target(String indicator) {
        return targets.stream().filter(t -> t.indicator().equals(indicator)).findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    static Plan parse(String text, String origin) {
        Object loaded;
        try {
            loaded = new Yaml().load(text);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where = mark == null ? "" : " 第 " + (mark.getLine() + 1) + " 行第 " + (mark.getColumn() + 1) + " 列";
            throw new IllegalArgumentException(origin + where + "：YAML 格式错误（" + e.getProblem() + "）", e);
        } catch (YAMLException e) {
            throw new IllegalArgumentException(origin + "：YAML 格式错误（" + e.getMessage() + "）", e);
        }
        if (!(loaded instanceof Map)) {
            throw new IllegalArgumentException(origin + "：规划文件应为 YAML 映射（plan_id、region_code 等）");
        }
        Map<String, Object> y = (Map<String, Object>) loaded;
        String planId = string(y, "plan_id", origin, true);
        String region = string(y, "region_code", origin, true);
        if (!region.matches("\\d{6}")) {
            throw new IllegalArgumentException(origin + "：region_code 应为六位 GB/T 2260 代码，而不是 " + region);
        }
        int base = year(y, "base_year", origin);
        int first = year(y, "first_year", origin);
        int target = year(y, "target_year", origin);
        if (!(base < first && first <= target)) {
            throw new IllegalArgumentException(origin + "：年份须满足 base_year < first_year <= target_year，而不是 "
                    + base + "、" + first + "、" + target);
        }
        Object list = y.get("targets");
        if (!(list instanceof List<?> entries) || entries.isEmpty()) {
            throw new IllegalArgumentException(origin + "：targets 应为非空列表");
        }
        List<Target> targets = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Object o : entries) {
            if (!(o instanceof Map)) {
                throw new IllegalArgumentException(origin + "：每个目标应为映射（indicator、threshold 等）");
            }
            Map<String, Object> t = (Map<String, Object>) o;
            String indicator = string(t, "indicator", origin, true);
            String where = origin + "，目标 " + indicator;
            if (!seen.add(indicator)) {
                throw new IllegalArgumentException(where + "：该指标有两个目标");
            }
            if (!(t.get("threshold") instanceof Number threshold)) {
                throw new IllegalArgumentException(where + "：threshold 应为数字，而不是 " + t.get("threshold"));
            }
            String direction = String.valueOf(t.getOrDefault("direction", "at_least"));
            if (!direction.equals("at_least") && !direction.equals("at_most")) {
                throw new IllegalArgumentException(where + "：direction 应为 at_least 或 at_most，而不是 " + direction);
            }
            targets.add(new Target(indicator, threshold.doubleValue(), direction, string(t, "unit", where, false),
                    string(t, "section", where, false), string(t, "wording", where, false)));
        }
        return new Plan(planId, region, string(y, "region_name", origin, false),
                string(y, "title", origin, true), string(y, "document", origin, false), base, first, target,
                List.copyOf(targets));
    }

    private static String string(Map<String, Object> map, String key, String origin, boolean required) {
        Object v = map.get(key);
        if (v == null || String.valueOf(v).isBlank()) {
            if (required) {
                throw new IllegalArgumentException(origin + "：缺少必填项 " + key);
            }
            return null;
        }
        return String.valueOf(v).strip();
    }

    private static int year(Map<String, Object> map, String key, String origin) {
        if (!(map.get(key) instanceof Integer y) || y < 1949 || y > 2100) {
            throw new IllegalArgumentException(origin + "：" + key + " 应为年份（如 2022），而不是 " + map.get(key));
        }
        return y;
    }
}
