package stipanel.statistics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVRecord;

import stipanel.ingest.Cells;
import stipanel.ingest.ReferenceData;

/**
 * A base statistic of docs/source-rules.md "Statistics" ({@code jobs/reference/base_statistics.csv}): its canonical code, name,
 * aliases and canonical unit. Extracts name statistics in many ways; {@link #named(String)} knows them all.
 */
public record BaseStatistic(String code, String name, List<String> aliases, String unit, String kind) {

    private static final Map<String, BaseStatistic> BY_CODE = new HashMap<>();
    private static final Map<String, BaseStatistic> BY_NAME = new HashMap<>();

    static {
        for (CSVRecord r : ReferenceData.csv("reference/base_statistics.csv")) {
            List<String> aliases = r.get("aliases").isEmpty() ? List.of() : List.of(r.get("aliases").split("\\|"));
            BaseStatistic s = new BaseStatistic(r.get("code"), r.get("name"), aliases, r.get("unit"), r.get("kind"));
            BY_CODE.put(s.code(), s);
            BY_NAME.put(key(s.name()), s);
            BY_NAME.put(key(s.code()), s);
            aliases.forEach(a -> BY_NAME.put(key(a), s));
        }
    }

    public static Collection<BaseStatistic> all() {
        return new ArrayList<>(BY_CODE.values());
    }

    /** The statistic a delivered name or alias means, white space and letter case aside. */
    public static Optional<BaseStatistic> named(String delivered) {
        return Optional.ofNullable(BY_NAME.get(key(delivered)));
    }

    public static Optional<BaseStatistic> byCode(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    private static String key(String name) {
        return Cells.text(name).replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }
}
