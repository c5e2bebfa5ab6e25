package stipanel.enterprises;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import stipanel.ingest.Cells;
import stipanel.ingest.RowRejectedException;

/**
 * 国民经济行业代码 (GB/T 4754-2017): an optional section letter and 2–4 digits whose first two are the division.
 * The letter, when given, must be the section of the division ({@code C3921} passes, {@code A3921} rejects); when
 * absent it is derived ({@code 3921} → {@code C3921}).
 */
public final class IndustryCode {

    private static final Pattern CODE = Pattern.compile("([A-T])?(\\d{2,4})");

    /** Divisions from, per section A … T (GB/T 4754-2017). */
    private static final int[][] SECTIONS = {
            {1, 5}, {6, 12}, {13, 43}, {44, 46}, {47, 50}, {51, 52}, {53, 60}, {61, 62}, {63, 65}, {66, 69},
            {70, 70}, {71, 72}, {73, 75}, {76, 79}, {80, 82}, {83, 83}, {84, 85}, {86, 90}, {91, 96}, {97, 97}};

    private IndustryCode() {
    }

    /** The section letter of a two-digit division, or 0 when no section holds it. */
    static char sectionOf(int division) {
        for (int i = 0; i < SECTIONS.length; i++) {
            if (division >= SECTIONS[i][0] && division <= SECTIONS[i][1]) {
                return (char) ('A' + i);
            }
        }
        return 0;
    }

    /** The code with its section letter ({@code C3921}); {@code null} for a missing cell. */
    public static String of(String raw, String column) {
        if (Cells.isMissing(raw)) {
            return null;
        }
        String t = Cells.text(raw).replaceAll("\\s", "").toUpperCase(java.util.Locale.ROOT);
        Matcher m = CODE.matcher(t);
        if (!m.matches()) {
            throw new RowRejectedException("industry_code_invalid", column + "“" + Cells.text(raw)
                    + "”不是 GB/T 4754 行业代码（如 C3921 或 3921）");
        }
        int division = Integer.parseInt(m.group(2).substring(0, 2));
        char section = sectionOf(division);
        if (section == 0) {
            throw new RowRejectedException("industry_code_invalid", column + "“" + Cells.text(raw) + "”：大类 "
                    + m.group(2).substring(0, 2) + " 不属于 GB/T 4754-2017 的任何门类");
        }
        if (m.group(1) != null && m.group(1).charAt(0) != section) {
            throw new RowRejectedException("industry_code_invalid", column + "“" + Cells.text(raw) + "”：大类 "
                    + m.group(2).substring(0, 2) + " 属于门类 " + section + "，不是 " + m.group(1));
        }
        return section + m.group(2);
    }
}
