package stipanel.ingest;

import java.util.Locale;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters, the last a check character over the first 17; characters 9–17
 * are the organisation code of GB 11714 with its own check character. A delivered code is upper-cased and
 * half-width (NFKC) before either check; either check failing rejects the row (docs/source-rules.md "Enterprises").
 */
public final class Uscc {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private Uscc() {
    }

    /** The code as checked: NFKC, white space removed, upper case. */
    public static String normalise(String raw) {
        return Cells.text(raw).replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }

    /** The normalised code, {@code null} for a missing marker: for columns that may be empty. */
    public static String optional(String raw) {
        return Cells.isMissing(raw) ? null : normalise(raw);
    }

    /** The normalised code when both checks pass; otherwise rejects the row naming {@code column}. */
    public static String valid(String raw, String column) {
        String code = normalise(raw);
        if (code.isEmpty()) {
            throw new RowRejectedException("value_missing", column + "为空");
        }
        String delivered = column + "“" + Cells.text(raw) + "”";
        if (code.length() != 18) {
            throw new RowRejectedException("uscc_malformed", delivered + "有 " + code.length() + " 位（应为 18 位）");
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                throw new RowRejectedException("uscc_malformed", delivered + "含有字符“" + code.charAt(i)
                        + "”（应只由数字和 I、O、S、V、Z 以外的大写字母组成）");
            }
        }
        char expected = checkCharacter(code.substring(0, 17));
        if (code.charAt(17) != expected) {
            throw new RowRejectedException("uscc_check_failed", delivered + "校验位错误：按 GB 32100，第 18 位应为“"
                    + expected + "”");
        }
        char orgExpected = organisationCheck(code.substring(8, 16));
        if (code.charAt(16) != orgExpected) {
            throw new RowRejectedException("uscc_check_failed", delivered + "中的组织机构代码“" + code.substring(8, 17)
                    + "”校验位错误：按 GB 11714，第 17 位应为“" + orgExpected + "”");
        }
        return code;
    }

    public static boolean isValid(String raw) {
        try {
            valid(raw, "code");
            return true;
        } catch (RowRejectedException e) {
            return false;
        }
    }

    /** GB 32100: (31 − Σ value × weight mod 31) mod 31 over the first 17 characters. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /** GB 11714: 11 − Σ value × weight mod 11 over the first 8 characters (letters A=10 … Z=35); 10 → X, 11 → 0. */
    public static char organisationCheck(String first8) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = first8.charAt(i);
            int value = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            sum += value * ORG_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }

    /**
     * The SQL macro {@code uscc_is_valid(u)}: both checks above, in SQL, for a code already normalised (for the fast
     * lanes of {@link SetBasedKind}s). Made from the same alphabet and weights, so the two cannot drift apart.
     */
    public static String sqlMacro() {
        StringBuilder sum = new StringBuilder();
        for (int i = 0; i < 17; i++) {
            sum.append(i > 0 ? " + " : "").append("(instr('").append(ALPHABET).append("', u[").append(i + 1)
                    .append("]) - 1) * ").append(WEIGHTS[i]);
        }
        StringBuilder organisation = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            // A digit counts its value, a letter A=10 … Z=35: the byte less 48 or less 55.
            organisation.append(i > 0 ? " + " : "").append("(ascii(u[").append(i + 9).append("]) - case when u[")
                    .append(i + 9).append("] <= '9' then 48 else 55 end) * ").append(ORG_WEIGHTS[i]);
        }
        return "create or replace temp macro uscc_is_valid(u) as\n"
                + "    coalesce(regexp_full_match(u, '[" + ALPHABET + "]{18}'), false)\n"
                + "    and u[18] = substr('" + ALPHABET + "', (31 - (" + sum + ") % 31) % 31 + 1, 1)\n"
                + "    and u[17] = substr('123456789X0', 11 - (" + organisation + ") % 11, 1)";
    }

    /** Characters 3–8: the region of the registration authority, the last fallback for placing an enterprise. */
    public static String regionPart(String code) {
        return code.substring(2, 8);
    }
}
