package stipanel.ingest;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A header cell as kinds compare it ({@code jobs/kinds/README.md}): NFKC (full-width brackets become half-width),
 * no white space, 【】 read as [], a leading [标] dropped, Latin letters upper-cased; a trailing bracketed unit
 * ({@code 营业收入（万元）}) split off when it is a known unit.
 */
public record HeaderCell(int index, String text, String name, String unit) {

    private static final Pattern TRAILING_BRACKET = Pattern.compile("(.+?)[(\\[]([^()\\[\\]]+)[)\\]]");
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s");

    public static HeaderCell of(int index, String raw) {
        String full = normaliseName(raw);
        Matcher m = TRAILING_BRACKET.matcher(full);
        if (m.matches() && Units.isKnown(m.group(2))) {
            return new HeaderCell(index, full, m.group(1), Units.normalise(m.group(2)));
        }
        return new HeaderCell(index, full, full, "");
    }

    static String normaliseName(String raw) {
        String t = WHITE_SPACE.matcher(Cells.text(raw)).replaceAll("").replace('【', '[').replace('】', ']')
                .replace('〔', '[').replace('〕', ']').toUpperCase(Locale.ROOT);
        return t.startsWith("[标]") ? t.substring(3) : t;
    }

    /** True when this cell is the column, with or without its unit. */
    public boolean is(Column column) {
        return column.isNamed(text) || column.isNamed(name);
    }
}
