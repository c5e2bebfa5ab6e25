package stipanel.ingest;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A header cell as kinds compare it: NFKC (full-width brackets become half-width), no white space, Latin letters
 * upper-cased; a trailing bracketed unit ({@code 营业收入（万元）}) split off when it is a known unit.
 */
public record HeaderCell(int index, String text, String name, String unit) {

    private static final Pattern TRAILING_BRACKET = Pattern.compile("(.+?)[(\\[]([^()\\[\\]]+)[)\\]]");

    public static HeaderCell of(int index, String raw) {
        String full = normaliseName(raw);
        Matcher m = TRAILING_BRACKET.matcher(full);
        if (m.matches() && Units.isKnown(m.group(2))) {
            return new HeaderCell(index, full, m.group(1), Units.normalise(m.group(2)));
        }
        return new HeaderCell(index, full, full, "");
    }

    static String normaliseName(String raw) {
        return Cells.text(raw).replaceAll("\\s", "").replace('【', '[').replace('】', ']').toUpperCase(Locale.ROOT);
    }

    /** True when this cell is the column, with or without its unit. */
    public boolean is(Column column) {
        return column.isNamed(text) || column.isNamed(name);
    }
}
