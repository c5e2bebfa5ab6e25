package stipanel.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which delivered column holds which of a kind's columns, with the unit its header states, and what the table's
 * metadata gives for a column the table does not have (a title's year for 年份, a file name's date for
 * 数据截止日期).
 */
public final class HeaderBinding {

    private final Map<String, HeaderCell> byColumn;
    private final List<String> unread;
    private final Set<String> moneyColumns;
    private final TableMetadata metadata;
    private final Map<String, Given> fromMetadata;

    /** A column's value taken from the table's metadata, and where it was found (标题, 文件名). */
    public record Given(String value, String from) {
    }

    private HeaderBinding(Map<String, HeaderCell> byColumn, List<String> unread, Set<String> moneyColumns,
                          TableMetadata metadata, Map<String, Given> fromMetadata) {
        this.byColumn = byColumn;
        this.unread = unread;
        this.moneyColumns = moneyColumns;
        this.metadata = metadata;
        this.fromMetadata = fromMetadata;
    }

    /**
     * How a header row fits a kind: the columns it binds, the delivered names it leaves unread and the required
     * columns it lacks (a required column whose value the metadata gives is not lacking). Bound when none is lacking.
     */
    public record Assessment(KindDefinition kind, HeaderBinding binding, List<String> missing) {
        public boolean bound() {
            return missing.isEmpty();
        }
    }

    /** How {@code header}, in a table with {@code metadata}, fits {@code kind}'s columns. */
    public static Assessment assess(List<String> header, KindDefinition kind, TableMetadata metadata) {
        List<HeaderCell> cells = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (!Cells.text(header.get(i)).isEmpty()) {
                cells.add(HeaderCell.of(i, header.get(i)));
            }
        }
        Map<String, HeaderCell> byColumn = new LinkedHashMap<>();
        List<HeaderCell> used = new ArrayList<>();
        Map<String, Given> fromMetadata = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (Column column : kind.columns()) {
            for (HeaderCell cell : cells) {
                if (!used.contains(cell) && cell.is(column)) {
                    byColumn.put(column.name(), cell);
                    used.add(cell);
                    break;
                }
            }
            Given given = given(column, metadata);
            if (given != null) {
                fromMetadata.put(column.name(), given);
            }
            if (column.required() && !byColumn.containsKey(column.name()) && given == null) {
                missing.add(column.name());
            }
        }
        for (List<String> group : kind.requiredOneOf()) {
            if (group.stream().noneMatch(byColumn::containsKey)) {
                missing.add(String.join("或", group));
            }
        }
        List<String> unread = cells.stream().filter(c -> !used.contains(c)).map(HeaderCell::text).toList();
        Set<String> money = kind.columns().stream().filter(Column::isMoney).map(Column::name)
                .collect(Collectors.toSet());
        return new Assessment(kind, new HeaderBinding(byColumn, unread, money, metadata, fromMetadata),
                List.copyOf(missing));
    }

    /** A binding made by a kind whose columns depend on the header itself (a yearbook's statistics). */
    public static HeaderBinding of(Map<String, HeaderCell> byColumn, List<String> unread, Set<String> moneyColumns,
                                   TableMetadata metadata) {
        return of(byColumn, unread, moneyColumns, metadata, List.of());
    }

    /** Likewise, with what the metadata gives for those of {@code columns} that say it may stand in for them. */
    public static HeaderBinding of(Map<String, HeaderCell> byColumn, List<String> unread, Set<String> moneyColumns,
                                   TableMetadata metadata, List<Column> columns) {
        Map<String, Given> fromMetadata = new LinkedHashMap<>();
        for (Column column : columns) {
            Given given = given(column, metadata);
            if (given != null) {
                fromMetadata.put(column.name(), given);
            }
        }
        return new HeaderBinding(new LinkedHashMap<>(byColumn), List.copyOf(unread), Set.copyOf(moneyColumns),
                metadata, fromMetadata);
    }

    /** The metadata's value for a column that says what may stand in for it ({@link Column#metadata()}), as text. */
    private static Given given(Column column, TableMetadata m) {
        return switch (column.metadata()) {
            case "year" -> m.year() == null ? null : new Given(String.valueOf(m.year()), "标题");
            case "cutoff" -> m.cutoff() == null ? null : new Given(m.cutoff().toString(), m.cutoffFrom());
            case "published" -> m.published() == null ? null : new Given(m.published().toString(), "标题");
            case "title" -> {
                String labelled = m.labelled(column);
                yield labelled == null || labelled.isEmpty() ? null : new Given(labelled, "标题");
            }
            default -> null;
        };
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

    /** The columns whose value the title or file name gives, with that value ({@code 年份 → 2024, 标题}). */
    public Map<String, Given> fromMetadata() {
        return fromMetadata;
    }

    public TableMetadata metadata() {
        return metadata;
    }

    /** The delivered header texts no column reads: reported, so that nothing is dropped silently. */
    public List<String> unread() {
        return unread;
    }

    /**
     * The raw cell of {@code column} in {@code row}; where the cell is missing, what the table's metadata gives for
     * the column (the title's year, the cut-off of a title or file name); else empty.
     */
    public String get(RawRow row, String column) {
        HeaderCell cell = byColumn.get(column);
        String value = cell == null ? "" : row.cell(cell.index());
        if (Cells.isMissing(value)) {
            Given given = fromMetadata.get(column);
            return given == null ? value : given.value();
        }
        return value;
    }

    /**
     * The unit of {@code column}: its header's own ({@code 营业收入（万元）} → 万元), else for a money column the unit
     * a title line states when it converts, else "" (the canonical unit).
     */
    public String unit(String column) {
        HeaderCell cell = byColumn.get(column);
        if (cell != null && !cell.unit().isEmpty()) {
            return cell.unit();
        }
        TableMetadata.UnitStatement title = metadata.moneyUnit();
        return moneyColumns.contains(column) && title != null && title.convertible() ? title.unit() : "";
    }

    /**
     * The money columns whose values the title's unit line would give, when that line names no unit that converts
     * to 万元: a row with a value in one of them is rejected (the number cannot be read in a known unit).
     */
    public List<String> unreadableMoneyColumns() {
        TableMetadata.UnitStatement title = metadata.moneyUnit();
        if (title == null || title.convertible()) {
            return List.of();
        }
        return byColumn.entrySet().stream()
                .filter(e -> moneyColumns.contains(e.getKey()) && e.getValue().unit().isEmpty())
                .map(Map.Entry::getKey).toList();
    }

    /** Money columns whose header states a unit other than the title's: the header wins, the title's is reported. */
    public List<String> unitConflicts() {
        TableMetadata.UnitStatement title = metadata.moneyUnit();
        if (title == null) {
            return List.of();
        }
        return byColumn.entrySet().stream()
                .filter(e -> moneyColumns.contains(e.getKey()) && !e.getValue().unit().isEmpty()
                        && !e.getValue().unit().equals(title.unit()))
                .map(e -> e.getValue().text()).toList();
    }
}
