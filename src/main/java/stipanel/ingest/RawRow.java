package stipanel.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;

/**
 * One delivered row as text, before any rule is applied. {@code number} is the row as a person sees it: the line
 * of a CSV record's first line (the header being line 1) or the sheet's own row number. {@code cutOff}: a CSV's
 * last record with no line break after it, where a file cut off in transit ends.
 */
public record RawRow(int number, List<String> cells, boolean cutOff) {

    public RawRow(int number, List<String> cells) {
        this(number, cells, false);
    }

    public String cell(int index) {
        return index >= 0 && index < cells.size() && cells.get(index) != null ? cells.get(index) : "";
    }

    public boolean isBlank() {
        for (String c : cells) {
            if (c != null && !c.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The first non-empty cell, normalised: where notes rows (注：…) announce themselves. */
    public String firstText() {
        for (String c : cells) {
            String t = Cells.text(c);
            if (!t.isEmpty()) {
                return t;
            }
        }
        return "";
    }

    /** The row as delivered, re-encoded as one CSV line, for {@code rejected_rows.raw}. */
    public String raw() {
        int last = cells.size();
        while (last > 0 && (cells.get(last - 1) == null || cells.get(last - 1).isEmpty())) {
            last--;
        }
        try {
            StringBuilder out = new StringBuilder();
            CSVFormat.DEFAULT.printRecord(out, cells.subList(0, last).toArray());
            return out.toString().stripTrailing();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
