package stipanel.ingest;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cell normalisation shared by every source (docs/source-rules.md). Delivered cells arrive as text (Excel cells are
 * rendered to text by {@link XlsxWorkbookReader}, dates as ISO); these functions turn that text into values.
 * Missing markers are never zero: they come back as {@code null}. Unparseable text throws
 * {@link RowRejectedException} with a reason naming the column and quoting the cell.
 */
public final class Cells {

    /** Markers that mean "not available" after NFKC (full-width ／ becomes /, … becomes ...). */
    private static final Set<String> MISSING_MARKERS =
            Set.of("", "—", "——", "―", "-", "--", "…", "...", "/", "－");

    private static final Pattern GROUPED_NUMBER = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern DATE_SEPARATED = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?:[ T].*)?");
    private static final Pattern DATE_CHINESE = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日");
    private static final Pattern DATE_COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern EXCEL_SERIAL = Pattern.compile("\\d{5}(\\.0+)?");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})(?:年|\\.0+)?");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private Cells() {
    }

    /** NFKC-normalised and stripped of white space at both ends (the ideographic space included). */
    public static String text(String raw) {
        if (raw == null) {
            return "";
        }
        return (isOwnNfkc(raw) ? raw : Normalizer.normalize(raw, Normalizer.Form.NFKC)).strip();
    }

    /**
     * True for text made only of ASCII and CJK unified ideographs of the basic block (U+4E00–U+9FFF): such text is
     * its own NFKC form (none of these characters decomposes or composes), so the normaliser, which costs more than
     * the rest of a cell's reading, is skipped for nearly every delivered cell. Anything else (full-width forms,
     * compatibility ideographs, punctuation such as …) takes the normaliser.
     */
    static boolean isOwnNfkc(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80 && (c < 0x4E00 || c > 0x9FFF)) {
                return false;
            }
        }
        return true;
    }

    public static boolean isMissing(String raw) {
        return MISSING_MARKERS.contains(text(raw));
    }

    /** Normalised text, or {@code null} for a missing marker. */
    public static String optionalText(String raw) {
        String t = text(raw);
        return MISSING_MARKERS.contains(t) ? null : t;
    }

    /** A number, thousands separators allowed, a trailing % tolerated; {@code null} for a missing marker. */
    public static BigDecimal number(String raw, String column) {
        String t = text(raw);
        if (MISSING_MARKERS.contains(t)) {
            return null;
        }
        if (t.endsWith("%")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        if (t.indexOf(',') >= 0) {
            if (!GROUPED_NUMBER.matcher(t).matches()) {
                throw notANumber(raw, column);
            }
            t = t.replace(",", "");
        }
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw notANumber(raw, column);
        }
    }

    private static RowRejectedException notANumber(String raw, String column) {
        return new RowRejectedException("number_invalid", column + "“" + text(raw)
                + "”不是数字（应为 1234.5、1,234.5 这样的数值；缺失时留空或填“—”）");
    }

    /** A calendar date in any delivered form (docs/source-rules.md); {@code null} for a missing marker. */
    public static LocalDate date(String raw, String column) {
        String t = text(raw);
        if (MISSING_MARKERS.contains(t)) {
            return null;
        }
        if (isIsoDate(t)) {
            // The common form, read without a regular expression: the same result as DATE_SEPARATED below.
            try {
                return LocalDate.of(digits(t, 0, 4), digits(t, 5, 7), digits(t, 8, 10));
            } catch (DateTimeException e) {
                throw noSuchDay(raw, column);
            }
        }
        Matcher m;
        if ((m = DATE_SEPARATED.matcher(t)).matches()
                || (m = DATE_CHINESE.matcher(t)).matches()
                || (m = DATE_COMPACT.matcher(t)).matches()) {
            try {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            } catch (DateTimeException e) {
                throw noSuchDay(raw, column);
            }
        }
        if (EXCEL_SERIAL.matcher(t).matches()) {
            // A date column exported without its date format: Excel's day count since 1899-12-30.
            return EXCEL_EPOCH.plusDays((long) Double.parseDouble(t));
        }
        throw new RowRejectedException("date_invalid", column + "“" + text(raw)
                + "”不是日期（应为 2024-03-05、2024/3/5、2024.3.5、20240305 或 2024年3月5日）");
    }

    /** A date in a form this reads whose month or day does not exist (2024-13-01, 2024-02-30). */
    private static RowRejectedException noSuchDay(String raw, String column) {
        return new RowRejectedException("date_invalid", column + "“" + text(raw) + "”不是有效日期（日历上没有这一天）");
    }

    /** {@code yyyy-mm-dd} in ASCII digits. */
    private static boolean isIsoDate(String t) {
        if (t.length() != 10 || t.charAt(4) != '-' || t.charAt(7) != '-') {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            char c = t.charAt(i);
            if (i != 4 && i != 7 && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    private static int digits(String t, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (t.charAt(i) - '0');
        }
        return v;
    }

    /** A year written {@code 2024} or {@code 2024年}; {@code null} for a missing marker. */
    public static Integer year(String raw, String column) {
        String t = text(raw);
        if (MISSING_MARKERS.contains(t)) {
            return null;
        }
        Matcher m = YEAR.matcher(t);
        if (!m.matches()) {
            throw new RowRejectedException("year_invalid", column + "“" + t + "”不是年份（应为 2024 或 2024年）");
        }
        return Integer.parseInt(m.group(1));
    }
}
