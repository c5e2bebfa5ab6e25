package stipanel.ingest;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVRecord;

/**
 * Units of delivered quantities and their conversion to the warehouse's canonical unit of each quantity
 * ({@code jobs/reference/units.csv}): money in 万元, people in 人, and so on.
 */
public final class Units {

    private record Unit(String quantity, BigDecimal perCanonical) {
    }

    private static final Map<String, Unit> UNITS = new HashMap<>();
    /** Compiled once: {@code String.replaceAll} compiles its pattern on every call, and this runs on every row. */
    private static final Pattern NOT_UNIT = Pattern.compile("[\\s()\\[\\]（）]");

    static {
        for (CSVRecord r : ReferenceData.csv("reference/units.csv")) {
            UNITS.put(r.get("unit"), new Unit(r.get("quantity"), new BigDecimal(r.get("per_canonical"))));
        }
    }

    private Units() {
    }

    /** Normalised unit text: NFKC, no white space, no brackets, 人民币 dropped ("万元人民币" is 万元). */
    public static String normalise(String raw) {
        return NOT_UNIT.matcher(Cells.text(raw)).replaceAll("").replace("人民币", "");
    }

    /** A unit of money (元, 千元, 万元, 百万元, 亿元; 人民币 dropped). */
    public static boolean isMoney(String unit) {
        Unit u = UNITS.get(normalise(unit));
        return u != null && u.quantity().equals("money");
    }

    public static boolean isKnown(String unit) {
        return UNITS.containsKey(normalise(unit));
    }

    /**
     * Converts {@code value} given in {@code from} to {@code to}. An empty {@code from} means the value is already
     * in {@code to}. A unit that is unknown or measures another quantity rejects the row; {@code column} names the
     * value's column (数值的计量单位“千克”…).
     */
    public static BigDecimal convert(BigDecimal value, String from, String to, String column) {
        String source = normalise(from);
        if (source.isEmpty() || source.equals(to) || value == null) {
            return value;
        }
        Unit f = UNITS.get(source);
        Unit t = UNITS.get(to);
        String stated = column + "的计量单位“" + Cells.text(from) + "”";
        if (f == null) {
            throw new RowRejectedException("unit_unknown", stated + "不是已知的单位" + convertibleTo(t));
        }
        if (t == null || !f.quantity().equals(t.quantity())) {
            throw new RowRejectedException("unit_not_convertible", stated + "不能换算为" + to + convertibleTo(t));
        }
        return value.multiply(f.perCanonical()).divide(t.perCanonical(), MathContext.DECIMAL64);
    }

    /** "（应为 元、千元、万元、百万元、亿元 之一）": the units that convert to {@code to}, smallest first, for a reason. */
    private static String convertibleTo(Unit to) {
        if (to == null) {
            return "";
        }
        List<String> units = UNITS.entrySet().stream().filter(e -> e.getValue().quantity().equals(to.quantity()))
                .sorted(Comparator.comparing((Map.Entry<String, Unit> e) -> e.getValue().perCanonical())
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey).toList();
        return units.size() == 1 ? "（应为 " + units.get(0) + "）" : "（应为 " + String.join("、", units) + " 之一）";
    }
}
