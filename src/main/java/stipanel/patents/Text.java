package stipanel.patents;

import java.util.Locale;
import java.util.regex.Pattern;

import stipanel.ingest.Cells;

/** Cell text as the patent rules compare it: NFKC, no white space anywhere, Latin letters upper-cased. */
final class Text {

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    private Text() {
    }

    static String compact(String raw) {
        String t = Cells.text(raw);
        for (int i = 0; i < t.length(); i++) {
            if (Character.isWhitespace(t.charAt(i))) {
                t = WHITE_SPACE.matcher(t).replaceAll("");
                break;
            }
        }
        return t.toUpperCase(Locale.ROOT);
    }
}
