package stipanel.workbook;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Set;

/**
 * How many decimals a plan target's numbers are shown with, so that a shown value never reads as meeting a target
 * or an expected value it does not meet: 0.395 against a target of 0.4 shows as 0.395 and 0.400, not 0.40 and 0.40;
 * a count of 4 against an expected 4.4 shows the 4.4. Money and ratios start at two decimals, counts at none; a row
 * gets more decimals only where two numbers that differ would otherwise look the same. Rounding is half up, as
 * Excel, WPS and LibreOffice round for display.
 */
public record Precision(int values, int expected, int target) {

    /** Units of things counted: whole numbers unless a value is not. */
    static final Set<String> COUNTS = Set.of("人", "家", "件", "项", "人次", "个");
    private static final int MOST = 8;

    public static Precision of(WorkbookData.Target t) {
        boolean counts = t.unit() != null && COUNTS.contains(t.unit()) && t.byYear().values().stream()
                .allMatch(p -> p.value() == null || p.value() == Math.rint(p.value()));
        boolean wholeExpected = t.byYear().values().stream()
                .allMatch(p -> p.expected() == null || p.expected() == Math.rint(p.expected()));
        int values = counts ? 0 : 2;
        int expected = counts && !wholeExpected ? 1 : values;
        Precision p = null;
        for (int extra = 0; extra <= MOST; extra++) {
            int v = counts ? values : values + extra;
            p = new Precision(v, expected + extra, Math.max(v, decimalsOf(t.threshold())));
            if (p.keepsApart(t)) {
                return p;
            }
        }
        return p;
    }

    /** Whether every value that does not meet the target or its year's expected value shows differently from it. */
    private boolean keepsApart(WorkbookData.Target t) {
        boolean atMost = "at_most".equals(t.direction());
        for (WorkbookData.Point p : t.byYear().values()) {
            Double v = p.value();
            if (v == null) {
                continue;
            }
            if (!meets(v, t.threshold(), atMost) && sameShown(v, values, t.threshold(), target)) {
                return false;
            }
            if (p.expected() != null && !meets(v, p.expected(), atMost)
                    && sameShown(v, values, p.expected(), expected)) {
                return false;
            }
        }
        return true;
    }

    private static boolean meets(double value, double reference, boolean atMost) {
        return atMost ? value <= reference : value >= reference;
    }

    private static boolean sameShown(double a, int decimalsA, double b, int decimalsB) {
        return round(a, decimalsA).compareTo(round(b, decimalsB)) == 0;
    }

    static BigDecimal round(double v, int decimals) {
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP);
    }

    /** The decimals a plan's threshold is written with (0.4 → 1, 7.3 → 1, 16000 → 0), at most four. */
    static int decimalsOf(double v) {
        return Math.min(Math.max(BigDecimal.valueOf(v).stripTrailingZeros().scale(), 0), 4);
    }

    /** The spreadsheet number format with {@code decimals} decimals and thousands separators. */
    public static String format(int decimals) {
        return decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals);
    }

    /** A number as the workbook shows it with {@code decimals} decimals: {@code 14,700}, {@code 0.395}. */
    public static String show(double v, int decimals) {
        DecimalFormat f = new DecimalFormat(format(decimals), DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(BigDecimal.valueOf(v));
    }
}
