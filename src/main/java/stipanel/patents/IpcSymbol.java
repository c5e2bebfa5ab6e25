package stipanel.patents;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import stipanel.ingest.Cells;
import stipanel.ingest.RowRejectedException;

/**
 * An IPC symbol as {@code 主分类号} gives it ({@code H01M10/0525}, {@code H01M 10/0525}, {@code H01M0010/0525},
 * {@code H01M 10/0525(2010.01)}), written canonically as {@code H01M 10/0525}: subclass, a space, the main group
 * without leading zeros, a slash, the subgroup. The concordance's prefixes ({@code H01M 10/}, {@code G06N}) match
 * this form with {@code starts_with}.
 */
public final class IpcSymbol {

    private static final Pattern SYMBOL =
            Pattern.compile("([A-H]\\d{2}[A-Z])(?:0*(\\d{1,4})(?:/(\\d{1,6}))?)?(?:\\(\\d{4}\\.\\d{2}\\))?");
    /** A concordance prefix: a subclass, a main group ({@code H01M 10/}) or a subgroup ({@code H01M 4/06}). */
    private static final Pattern SEPARATORS = Pattern.compile("[;；,，]");
    static final Pattern PREFIX = Pattern.compile("[A-H]\\d{2}[A-Z](?: [1-9]\\d{0,3}/(?:\\d{2,6})?)?");

    private IpcSymbol() {
    }

    /** The canonical symbol, or {@code null} when the cell is empty; an unreadable symbol rejects the row. */
    public static String canonical(String raw, String column) {
        String t = Cells.optionalText(raw);
        if (t == null) {
            return null;
        }
        // Several symbols in one cell (H01M10/0525;H01M4/36): the first is the main one.
        String first = Text.compact(SEPARATORS.split(t, 2)[0]);
        Matcher m = SYMBOL.matcher(first);
        if (!m.matches()) {
            throw new RowRejectedException("ipc_invalid", column + "“" + t + "”不是 IPC 分类号（如 H01M 10/0525）");
        }
        if (m.group(2) == null) {
            return m.group(1);
        }
        String group = String.valueOf(Integer.parseInt(m.group(2)));
        String subgroup = m.group(3) == null ? "00" : m.group(3);
        return m.group(1) + " " + group + "/" + subgroup;
    }
}
