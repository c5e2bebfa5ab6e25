package stipanel.statistics;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import stipanel.ingest.Cells;
import stipanel.ingest.RowRejectedException;

/**
 * 数据状态 of a published statistic, in the order in which, on the same 发布日期, a later status supersedes an
 * earlier one (docs/source-rules.md "Statistics"). An empty status ranks below all of them.
 */
public final class PublicationStatus {

    public static final List<String> IN_ORDER = List.of("初步核算", "初步核实", "最终核实", "普查修订");

    /** A status a title or a note states: 初步核算数, 最终核实数 …, or a bare 初步 (初步数, 初步统计). */
    private static final Pattern STATED = Pattern.compile("初步核算|初步核实|最终核实|普查修订|初步");

    private PublicationStatus() {
    }

    /**
     * The status a title or a note states, or {@code null} when it states none: a bare 初步 is 初步核实 (docs/source-rules.md "Statistics":
     * a yearbook whose title says 初步).
     */
    public static String statedIn(String text) {
        Matcher m = STATED.matcher(Cells.text(text));
        return !m.find() ? null : m.group().equals("初步") ? "初步核实" : m.group();
    }

    /** The normalised status, {@code null} when empty; an unknown status rejects the row. */
    public static String of(String raw) {
        String t = Cells.text(raw).replaceAll("\\s", "");
        if (Cells.isMissing(t)) {
            return null;
        }
        if (!IN_ORDER.contains(t)) {
            throw new RowRejectedException("status_unknown", "数据状态“" + Cells.text(raw) + "”不是 "
                    + String.join("、", IN_ORDER) + " 之一（或留空）");
        }
        return t;
    }
}
