package stipanel.patents;


import stipanel.ingest.Cells;

/**
 * The patentee's unified social credit code (GB 32100-2015), used to place a patent when 地区代码 is empty:
 * characters 3–8 are the registration authority's region. Only a code whose two check characters hold
 * (its own, and the organisation code's in characters 9–17, GB 11714) is trusted to place it.
 */
final class CreditCode {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ORG_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private CreditCode() {
    }

    /** Upper-cased, half-width, without spaces; {@code null} for a missing marker. */
    static String normalise(String raw) {
        String t = Cells.optionalText(raw);
        return t == null ? null : Text.compact(t);
    }

    static boolean isValid(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = ALPHABET.indexOf(code.charAt(i));
            if (v < 0) {
                return false;
            }
            sum += v * WEIGHTS[i];
        }
        char check = ALPHABET.charAt((31 - sum % 31) % 31);
        return check == code.charAt(17) && organisationCodeHolds(code.substring(8, 17));
    }

    private static boolean organisationCodeHolds(String org) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            int v = ORG_ALPHABET.indexOf(org.charAt(i));
            if (v < 0) {
                return false;
            }
            sum += v * ORG_WEIGHTS[i];
        }
        int c = 11 - sum % 11;
        char expected = c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
        return org.charAt(8) == expected;
    }

    /** The region code in characters 3–8. */
    static String regionPart(String code) {
        return code.substring(2, 8);
    }
}
