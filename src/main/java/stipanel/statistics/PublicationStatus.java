package stipanel.statistics;

import java.util.List;

import stipanel.ingest.Cells;
import stipanel.ingest.RowRejectedException;

/**
 * 数据状态 of a published statistic, in the order in which, on the same 发布日期, a later status supersedes an
 * earlier one (DOMAIN.md §4). An empty status ranks below all of them.
 */
public final class PublicationStatus {

    public static final List<String> IN_ORDER = List.of("初步核算", "初步核实", "最终核实", "普查修订");

    private PublicationStatus() {
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
