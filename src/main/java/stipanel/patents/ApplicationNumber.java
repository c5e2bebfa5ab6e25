package stipanel.patents;

import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import stipanel.ingest.Cells;
import stipanel.ingest.RowRejectedException;

/**
 * A Chinese patent application number (ZC 0006-2003): a 4-digit year, a type digit and a 7-digit serial, or, before
 * October 2003, a 2-digit year, a type digit and a 5-digit serial; then a dot and a check character. The check is
 * the sum of the digits weighted 2,3,4,5,6,7,8,9 repeating from the left, modulo 11, 10 written {@code X}.
 * Delivered numbers may carry a {@code CN} or {@code ZL} prefix, full-width digits, spaces or no dot; the canonical
 * form is {@code 202310123456.7}.
 */
public record ApplicationNumber(String digits, char check) {

    private static final Pattern DELIVERED = Pattern.compile("(\\d{12}|\\d{8})\\.?([0-9X])");
    private static final int[] WEIGHTS = {2, 3, 4, 5, 6, 7, 8, 9};

    /** Parses and checks a delivered number; a malformed number or a wrong check character rejects the row. */
    public static ApplicationNumber parse(String raw, String column) {
        String t = Text.compact(raw).replace('。', '.');
        if (t.isEmpty()) {
            throw new RowRejectedException("value_missing", column + "为空");
        }
        while (t.startsWith("CN") || t.startsWith("ZL")) {
            t = t.substring(2);
        }
        Matcher m = DELIVERED.matcher(t);
        if (!m.matches()) {
            throw new RowRejectedException("application_number_invalid", column + "“" + Cells.text(raw)
                    + "”不是专利申请号（应为 12 位数字或旧的 8 位数字，加校验位）");
        }
        String digits = m.group(1);
        char delivered = m.group(2).charAt(0);
        char expected = checkCharacter(digits);
        if (delivered != expected) {
            throw new RowRejectedException("application_number_check_failed", column + "“" + Cells.text(raw)
                    + "”校验位错误：按 ZC 0006-2003，" + digits + " 的校验位应为“" + expected + "”，不是“" + delivered + "”");
        }
        ApplicationNumber number = new ApplicationNumber(digits, delivered);
        if (PatentType.ofDigit(number.typeDigit()).isEmpty()) {
            throw new RowRejectedException("application_number_invalid", column + "“" + number + "”：专利类型位 "
                    + number.typeDigit() + " 不是 1（发明）、2（实用新型）、3（外观设计）、8（PCT发明）、9（PCT实用新型）之一");
        }
        return number;
    }

    /** The check character of 12 (or old 8) digits: weights 2..9 repeating from the left, sum mod 11, 10 → X. */
    public static char checkCharacter(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum += (digits.charAt(i) - '0') * WEIGHTS[i % WEIGHTS.length];
        }
        int r = sum % 11;
        return r == 10 ? 'X' : (char) ('0' + r);
    }

    /**
     * The SQL macro {@code zc_check_character(n, digits)}: {@link #checkCharacter} of a number of 12 or 8 digits,
     * in SQL, for the patent kind's fast lane, made from the same weights so that the two cannot drift apart. The
     * digits are taken from the number by integer division: DuckDB's string functions count characters, not bytes,
     * and cost ten times more.
     */
    static String sqlMacro() {
        return "create or replace temp macro zc_check_character(n, digits) as\n"
                + "    substr('0123456789X', (case digits when 12 then " + weightedSum(12) + " else " + weightedSum(8)
                + " end) % 11 + 1, 1)";
    }

    private static String weightedSum(int digits) {
        StringBuilder sum = new StringBuilder("(");
        for (int i = 0; i < digits; i++) {
            sum.append(i > 0 ? " + " : "").append("(n // ").append(BigInteger.TEN.pow(digits - 1 - i))
                    .append(" % 10) * ").append(WEIGHTS[i % WEIGHTS.length]);
        }
        return sum.append(")").toString();
    }

    /** True for a number of the old 8-digit form (applications filed before October 2003). */
    public boolean isOldForm() {
        return digits.length() == 8;
    }

    /** The type digit: the fifth digit of a 12-digit number, the third of an old 8-digit one. */
    public int typeDigit() {
        return digits.charAt(isOldForm() ? 2 : 4) - '0';
    }

    /** 8 (PCT invention) or 9 (PCT utility model): an international application entering the national phase. */
    public boolean isPct() {
        return typeDigit() == 8 || typeDigit() == 9;
    }

    @Override
    public String toString() {
        return digits + "." + check;
    }
}
