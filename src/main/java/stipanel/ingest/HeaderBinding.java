package stipanel.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which delivered column holds which of a kind's columns, with the unit its header states. */
public final class HeaderBinding {

    private final Map<String, HeaderCell> byColumn;
    private final List<String> unread;

    private HeaderBinding(Map<String, HeaderCell> byColumn, List<String> unread) {
        this.byColumn = byColumn;
        this.unread = unread;
    }

    /** Binds a header row to {@code columns}; empty when a required column is missing. */
    public static Optional<HeaderBinding> bind(List<String> header, List<Column> columns) {
        List<HeaderCell> cells = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (!Cells.text(header.get(i)).isEmpty()) {
                cells.add(HeaderCell.of(i, header.get(i)));
            }
        }
        Map<String, HeaderCell> byColumn = new LinkedHashMap<>();
        List<HeaderCell> used = new ArrayList<>();
        for (Column column : columns) {
            for (HeaderCell cell : cells) {
                if (!used.contains(cell) && cell.is(column)) {
                    byColumn.put(column.name(), cell);
                    used.add(cell);
                    break;
                }
            }
            if (column.required() && !byColumn.containsKey(column.name())) {
                return Optional.empty();
            }
        }
        List<String> unread = cells.stream().filter(c -> !used.contains(c)).map(HeaderCell::text).toList();
        return Optional.of(new HeaderBinding(byColumn, unread));
    }

    public static HeaderBinding of(Map<String, HeaderCell> byColumn, List<String> unread) {
        return new HeaderBinding(new LinkedHashMap<>(byColumn), List.copyOf(unread));
    }

    public boolean has(String column) {
        return byColumn.containsKey(column);
    }

    public int size() {
        return byColumn.size();
    }

    public Map<String, HeaderCell> columns() {
        return byColumn;
    }

    /** The delivered header texts no column reads: reported, so that nothing is dropped silently. */
    public List<String> unread() {
        return unread;
    }

    /** The raw cell of {@code column} in {@code row}; empty when the extract has no such column. */
    public String get(RawRow row, String column) {
        HeaderCell cell = byColumn.get(column);
        return cell == null ? "" : row.cell(cell.index());
    }

    /** The unit the header gives for {@code column} ({@code 营业收入（万元）} → 万元), or "". */
    public String unit(String column) {
        HeaderCell cell = byColumn.get(column);
        return cell == null ? "" : cell.unit();
    }
}
