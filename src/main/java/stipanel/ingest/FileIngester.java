package stipanel.ingest;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The shared ingest mechanism: opens a delivered file, finds in each table the header row of a known kind (title
 * rows may stand above it), hands every data row to that kind's loader, and records each rejected row with its
 * reason and raw content. Blank rows are skipped; from a notes row (注：…, 资料来源：…) on, the table is over.
 * A file in which no table matches is refused as a whole; a workbook sheet that matches nothing is reported.
 */
public final class FileIngester {

    /** How far down a table its header row may stand (title rows above it). */
    static final int HEADER_SEARCH_ROWS = 30;

    /** A cell longer than this rejects its row: no field of any extract is near it; a runaway quote is. */
    static final int MAX_CELL_CHARS = 32_768;
    /** How much of a rejected row {@code rejected_rows.raw} keeps. */
    static final int MAX_RAW_CHARS = 4_096;
    /** How many unread column names the ledger's message lists. */
    static final int MAX_LISTED_COLUMNS = 20;

    private static final Pattern NOTES_ROW = Pattern.compile("^(注\\d*|资料来源|数据来源|说明|附注)\\s*[:：].*|^注[①1-9].*");

    private final List<ExtractKind> kinds;

    public FileIngester(List<ExtractKind> kinds) {
        this.kinds = List.copyOf(kinds);
    }

    public FileOutcome ingest(Delivery delivery, DuckDBConnection connection, IngestSettings settings)
            throws SQLException {
        ExtractFormat format;
        try {
            format = ExtractFormat.of(delivery.path());
        } catch (IOException e) {
            return refused("cannot be read: " + e.getMessage(), "");
        }
        if (delivery.sizeBytes() == 0) {
            return refused("empty file (0 bytes)", "");
        }
        if (format == ExtractFormat.OTHER) {
            return refused("neither a CSV text file nor an Excel workbook", "");
        }
        String named = namedAsWorkbook(delivery) && format == ExtractFormat.CSV
                ? "named like an Excel workbook but is text, read as CSV: " : "";
        Tally tally = new Tally();
        String description = format.name();
        try (DuckDBAppender rejections = connection.createAppender("ingest", "rejected_rows");
             ExtractFormat.ExtractReader reader = ExtractFormat.open(delivery.path(), format)) {
            description = reader.description();
            tally.undecodable = reader instanceof CsvExtractReader csv && csv.invalidBytes() > 0;
            for (SheetSource sheet : reader.sheets()) {
                ingestSheet(sheet, delivery, connection, settings, rejections, tally);
            }
        } catch (IOException | RuntimeException e) {
            // A file that breaks off midway (truncated, corrupt) loads nothing: what it appended is taken back.
            discard(delivery, connection, tally.kinds);
            return refused(named + "cannot be read" + (tally.lastRow > 0 ? " after row " + tally.lastRow : "") + ": "
                    + explain(e, format), description);
        } catch (OutOfMemoryError e) {
            // A workbook within the size limits can still outgrow a small heap; what it held is garbage now. Refusing
            // it lets the run go on; failing would fail every night on the same file.
            discard(delivery, connection, tally.kinds);
            return refused("too large to read with this Java heap (raise -Xmx, or deliver it as CSV): " + e.getMessage(),
                    description);
        }
        if (tally.kinds.isEmpty()) {
            tally.messages.add(0, named + "no table has the header of a known extract kind"
                    + (tally.undecodable ? " (the bytes are neither valid UTF-8 nor GB18030: not a text export?)" : ""));
            return new FileOutcome(FileOutcome.Status.REFUSED, "", description, tally.messages, 0, 0, 0);
        }
        if (tally.read == 0) {
            tally.messages.add("no data rows below the header");
        }
        return new FileOutcome(FileOutcome.Status.LOADED, String.join(",", tally.kinds.stream().map(ExtractKind::code)
                .toList()), description, tally.messages, tally.read, tally.loaded, tally.rejected);
    }

    private void ingestSheet(SheetSource sheet, Delivery delivery, DuckDBConnection connection,
                             IngestSettings settings, DuckDBAppender rejections, Tally tally) throws SQLException {
        String where = sheet.name().isEmpty() ? "" : "sheet '" + sheet.name() + "': ";
        Iterator<RawRow> rows = sheet.rows();
        List<RawRow> head = new ArrayList<>();
        while (head.size() < HEADER_SEARCH_ROWS && rows.hasNext()) {
            head.add(rows.next());
        }
        for (int i = 0; i < head.size(); i++) {
            if (head.get(i).isBlank()) {
                continue;
            }
            int depth = Math.min(sheet.headerDepth(head.get(i).number()), head.size() - i);
            List<String> header = combine(head.subList(i, i + depth));
            Optional<Recognised> match = recognise(header);
            if (match.isEmpty()) {
                continue;
            }
            ExtractKind kind = match.get().kind();
            HeaderBinding binding = match.get().binding();
            List<String> titles = head.subList(0, i).stream()
                    .flatMap(r -> r.cells().stream()).map(Cells::text).filter(t -> !t.isEmpty()).toList();
            if (!binding.unread().isEmpty()) {
                List<String> unread = binding.unread();
                tally.messages.add(where + "columns not read by " + kind.code() + ": "
                        + String.join(", ", unread.subList(0, Math.min(unread.size(), MAX_LISTED_COLUMNS)))
                        + (unread.size() > MAX_LISTED_COLUMNS ? " and " + (unread.size() - MAX_LISTED_COLUMNS)
                        + " more" : ""));
            }
            LoadContext context = new LoadContext(connection, delivery, sheet.name(), titles, binding, settings);
            ExtractKind.RowLoader loader;
            try {
                loader = kind.open(context);
            } catch (SheetRefusedException e) {
                tally.messages.add(where + "refused: " + e.getMessage());
                return;
            }
            tally.kinds.add(kind);
            List<RawRow> rest = head.subList(i + depth, head.size());
            try (loader) {
                Iterator<RawRow> data = concat(rest.iterator(), rows);
                while (data.hasNext()) {
                    RawRow row = data.next();
                    tally.lastRow = row.number();
                    if (row.isBlank()) {
                        continue;
                    }
                    if (NOTES_ROW.matcher(row.firstText()).matches()) {
                        break;
                    }
                    tally.read++;
                    try {
                        checkCells(row, tally.undecodable);
                        loader.load(row);
                        tally.loaded++;
                    } catch (RowRejectedException e) {
                        tally.rejected++;
                        rejections.beginRow().append(delivery.contentHash()).append(sheet.name())
                                .append(row.number()).append(e.reason()).append(raw(row)).endRow();
                    }
                }
            }
            return;
        }
        if (!sheet.name().isEmpty()) {
            tally.messages.add(where + "matches no extract kind and was passed over");
        }
    }

    /** Rows no kind should see: a runaway cell, or bytes that did not decode. */
    private static void checkCells(RawRow row, boolean undecodable) {
        for (int c = 0; c < row.cells().size(); c++) {
            String cell = row.cell(c);
            if (cell.length() > MAX_CELL_CHARS) {
                throw new RowRejectedException("column " + (c + 1) + " holds " + cell.length()
                        + " characters, more than the " + MAX_CELL_CHARS + " any field may have");
            }
            if (undecodable && cell.indexOf('\uFFFD') >= 0) {
                throw new RowRejectedException("column " + (c + 1) + " holds bytes that are not valid in the file's "
                        + "encoding (shown as \uFFFD in raw)");
            }
        }
    }

    /** The row as delivered, cut to {@link #MAX_RAW_CHARS} characters (a runaway row would bloat the table). */
    private static String raw(RawRow row) {
        long length = 0;
        for (String c : row.cells()) {
            length += c == null ? 0 : c.length();
            if (length > MAX_RAW_CHARS) {
                List<String> cut = new ArrayList<>();
                long kept = 0;
                for (String d : row.cells()) {
                    String t = d == null ? "" : d;
                    if (kept + t.length() > MAX_RAW_CHARS) {
                        cut.add(t.substring(0, (int) Math.max(0, MAX_RAW_CHARS - kept)));
                        break;
                    }
                    cut.add(t);
                    kept += t.length();
                }
                return new RawRow(row.number(), cut).raw() + " …(cut; " + row.cells().size() + " cells)";
            }
        }
        return row.raw();
    }

    private static boolean namedAsWorkbook(Delivery delivery) {
        String name = delivery.fileName().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".xlsx") || name.endsWith(".xls") || name.endsWith(".xlsm");
    }

    /** The reason a file could not be read, in words an operator acts on. */
    private static String explain(Throwable e, ExtractFormat format) {
        String root = rootMessage(e);
        if (root.contains("EOF reached before encapsulated token finished")) {
            return "the file ends inside a quoted field (truncated?): " + root;
        }
        if (root.contains("Zip bomb detected")) {
            return "the workbook expands far more than a workbook does, refused as a possible zip bomb ("
                    + root.lines().findFirst().orElse("") + ")";
        }
        if (root.contains("DOCTYPE is disallowed")) {
            return "the workbook's XML declares a DOCTYPE (entities are never resolved, nothing outside the file is"
                    + " read): " + root;
        }
        if (format == ExtractFormat.WORKBOOK) {
            return "not a valid Excel workbook (corrupt, truncated, or another kind of zip file): " + root;
        }
        return root;
    }

    private Optional<Recognised> recognise(List<String> header) {
        return kinds.stream()
                .flatMap(k -> k.recognise(header).map(b -> new Recognised(k, b)).stream())
                .max(Comparator.comparingInt(r -> r.binding().size()));
    }

    /** A header spread over several rows by merged cells: per column the distinct texts, top to bottom. */
    static List<String> combine(List<RawRow> rows) {
        if (rows.size() == 1) {
            return rows.get(0).cells();
        }
        int width = rows.stream().mapToInt(r -> r.cells().size()).max().orElse(0);
        List<String> header = new ArrayList<>(width);
        for (int c = 0; c < width; c++) {
            Set<String> parts = new LinkedHashSet<>();
            for (RawRow r : rows) {
                String t = Cells.text(r.cell(c));
                if (!t.isEmpty()) {
                    parts.add(t);
                }
            }
            header.add(String.join("", parts));
        }
        return header;
    }

    private static void discard(Delivery delivery, DuckDBConnection connection, Set<ExtractKind> kinds)
            throws SQLException {
        List<String> tables = new ArrayList<>(List.of("ingest.rejected_rows"));
        kinds.forEach(k -> tables.addAll(k.factTables()));
        for (String table : tables) {
            try (PreparedStatement delete = connection.prepareStatement(
                    "delete from " + table + " where content_hash = ?")) {
                delete.setString(1, delivery.contentHash());
                delete.executeUpdate();
            }
        }
    }

    private static FileOutcome refused(String message, String format) {
        return new FileOutcome(FileOutcome.Status.REFUSED, "", format, List.of(message), 0, 0, 0);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    private static <T> Iterator<T> concat(Iterator<T> first, Iterator<T> second) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return first.hasNext() || second.hasNext();
            }

            @Override
            public T next() {
                return first.hasNext() ? first.next() : second.next();
            }
        };
    }

    private record Recognised(ExtractKind kind, HeaderBinding binding) {
    }

    private static final class Tally {
        final Set<ExtractKind> kinds = new LinkedHashSet<>();
        final List<String> messages = new ArrayList<>();
        long read;
        long loaded;
        long rejected;
        int lastRow;
        boolean undecodable;
    }
}
