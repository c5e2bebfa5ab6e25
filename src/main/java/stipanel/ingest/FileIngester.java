package stipanel.ingest;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntUnaryOperator;
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

    private final boolean staging;

    public FileIngester(List<ExtractKind> kinds) {
        this(kinds, true);
    }

    private FileIngester(List<ExtractKind> kinds, boolean staging) {
        this.kinds = List.copyOf(kinds);
        this.staging = staging;
    }

    /** An ingester that reads every file row by row, never staging one: the reference the staged path must equal. */
    public static FileIngester rowByRow(List<ExtractKind> kinds) {
        return new FileIngester(kinds, false);
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
        try {
            Optional<String> staged = staging && format == ExtractFormat.CSV
                    ? ingestStaged(delivery, connection, settings, tally) : Optional.empty();
            if (staged.isPresent()) {
                description = staged.get();
            } else {
                try (DuckDBAppender rejections = connection.createAppender("ingest", "rejected_rows");
                     ExtractFormat.ExtractReader reader = ExtractFormat.open(delivery.path(), format)) {
                    description = reader.description();
                    tally.undecodable = reader instanceof CsvExtractReader csv && csv.invalidBytes() > 0;
                    for (SheetSource sheet : reader.sheets()) {
                        ingestSheet(sheet, delivery, connection, settings, rejections, tally);
                    }
                }
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
        Optional<Header> found = findHeader(head, sheet::headerDepth);
        if (found.isEmpty()) {
            if (!sheet.name().isEmpty()) {
                tally.messages.add(where + "matches no extract kind and was passed over");
            }
            return;
        }
        Header header = found.get();
        LoadContext context = header.context(connection, delivery, sheet.name(), settings, where, tally);
        ExtractKind.RowLoader loader;
        try {
            loader = header.kind().open(context);
        } catch (SheetRefusedException e) {
            tally.messages.add(where + "refused: " + e.getMessage());
            return;
        }
        tally.kinds.add(header.kind());
        try (loader) {
            loadRows(concat(head.subList(header.end(), head.size()).iterator(), rows), header.width(head), loader,
                    context, rejections, tally);
        }
    }

    /**
     * A CSV staged by DuckDB for a kind with a fast lane: the lane's rows go into the fact table in one statement,
     * the others through the kind's loader as in the row path. Empty when the file is no such CSV, or cannot be
     * staged exactly as the row path reads it; the row path then reads it.
     */
    private Optional<String> ingestStaged(Delivery delivery, DuckDBConnection connection, IngestSettings settings,
                                          Tally tally) throws SQLException, IOException {
        Optional<StagedCsv> opened = StagedCsv.open(delivery.path());
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        try (StagedCsv csv = opened.get()) {
            List<RawRow> head = csv.head(HEADER_SEARCH_ROWS);
            Optional<Header> found = findHeader(head, row -> 1);
            if (found.isEmpty() || !(found.get().kind() instanceof SetBasedKind kind)) {
                return Optional.empty();
            }
            Header header = found.get();
            RawRow headerRow = head.get(header.index());
            if (header.end() < head.size() && head.get(header.end()).number() != headerRow.number() + 1) {
                // A header cell broken over lines (an Excel header with a line break): the lines are not the rows.
                return Optional.empty();
            }
            int width = headerRow.cells().size();
            Optional<List<StagedCsv.Part>> parts = csv.split(headerRow.number());
            if (parts.isEmpty()) {
                return Optional.empty();
            }
            LoadContext context = header.context(connection, delivery, "", settings, "", tally);
            tally.kinds.add(kind);
            String lane = kind.fastLane(context);
            for (StagedCsv.Part part : parts.get()) {
                if (!csv.stage(connection, part, width)) {
                    // Not one row per line after all (or DuckDB refused a later part): the row path reads the file.
                    discard(delivery, connection, tally.kinds);
                    tally.clear();
                    return Optional.empty();
                }
                if (loadStagedPart(csv, kind, lane, headerRow.number(), width, context, tally)) {
                    break;
                }
            }
            return Optional.of(csv.description());
        }
    }

    /**
     * Loads the staged part: the rows off the fast lane through the kind's loader, then the lane's rows in one
     * statement. True when a notes row ended the table.
     */
    private static boolean loadStagedPart(StagedCsv csv, SetBasedKind kind, String lane, int headerLine, int width,
                                          LoadContext context, Tally tally) throws SQLException {
        DuckDBConnection connection = context.connection();
        try (Statement s = connection.createStatement()) {
            s.execute(delivered(kind, context.header(), width, csv));
            s.execute("create or replace temp table slow_lane as select ordinal from (" + lane + ") where not fast");
        }
        int stoppedAt;
        try (ExtractKind.RowLoader loader = kind.open(context);
             DuckDBAppender rejections = connection.createAppender("ingest", "rejected_rows");
             Statement s = connection.createStatement();
             ResultSet slow = s.executeQuery("select " + csv.ordinal() + " as ordinal, stage.* from " + csv.table()
                     + " semi join slow_lane on slow_lane.ordinal = " + csv.ordinal() + " order by 1")) {
            stoppedAt = loadRows(StagedCsv.rows(slow, headerLine, width), width, loader, context, rejections, tally);
        }
        // Below a notes row the table is over, for the lane's rows too. The hash and the numbers are written into
        // the statement (a hexadecimal hash, numbers: nothing to escape); the lane is text spliced in anyway.
        String insert = "insert into " + kind.factTables().get(0) + " select '" + context.delivery().contentHash()
                + "', '', " + (headerLine + 1L) + " + ordinal, * exclude (ordinal, fast) from (" + lane + ") where fast"
                + (stoppedAt == Integer.MAX_VALUE ? "" : " and ordinal < " + ((long) stoppedAt - headerLine - 1));
        try (Statement s = connection.createStatement()) {
            // The facts need no order (their row numbers say where they came from); DuckDB inserts faster when its
            // threads may interleave their rows.
            s.execute("set preserve_insertion_order = false");
            int fast = s.executeUpdate(insert);
            s.execute("reset preserve_insertion_order");
            tally.read += fast;
            tally.loaded += fast;
            s.execute("drop table slow_lane");
            s.execute("drop view delivered");
        }
        return stoppedAt != Integer.MAX_VALUE;
    }

    /**
     * The view a fast lane reads: each staged row's position, whether every cell fits {@link #MAX_CELL_CHARS}, and
     * the kind's columns by name (NULL for a column the file does not have).
     */
    private static String delivered(SetBasedKind kind, HeaderBinding binding, int width, StagedCsv csv) {
        StringBuilder fit = new StringBuilder();
        for (int c = 1; c <= width; c++) {
            fit.append(c > 1 ? " and " : "").append("coalesce(length(c").append(c).append(") <= ")
                    .append(MAX_CELL_CHARS).append(", true)");
        }
        StringBuilder columns = new StringBuilder();
        for (Column column : kind.columns()) {
            HeaderCell cell = binding.columns().get(column.name());
            columns.append(",\n        ").append(cell == null ? "null::varchar" : "c" + (cell.index() + 1))
                    .append(" as \"").append(column.name()).append('"');
        }
        return "create or replace temp view delivered as\nselect " + csv.ordinal() + " as ordinal, " + fit
                + " as cells_fit" + columns + "\nfrom " + csv.table();
    }

    /**
     * Loads a table's data rows: blank rows skipped, each row loaded or rejected with its reason. Returns the number
     * of the notes row that ended the table, or {@link Integer#MAX_VALUE}.
     */
    private static int loadRows(Iterator<RawRow> data, int width, ExtractKind.RowLoader loader, LoadContext context,
                                DuckDBAppender rejections, Tally tally) throws SQLException {
        while (data.hasNext()) {
            RawRow row = data.next();
            tally.lastRow = row.number();
            if (row.isBlank()) {
                continue;
            }
            if (NOTES_ROW.matcher(row.firstText()).matches()) {
                return row.number();
            }
            tally.read++;
            try {
                checkCells(row, width, tally.undecodable);
                loader.load(row);
                tally.loaded++;
            } catch (RowRejectedException e) {
                tally.rejected++;
                rejections.beginRow().append(context.delivery().contentHash()).append(context.sheet())
                        .append(row.number()).append(e.reason()).append(raw(row)).endRow();
            }
        }
        return Integer.MAX_VALUE;
    }

    /** The first row of {@code head} that is (with the rows merged below it) the header of a known kind. */
    private Optional<Header> findHeader(List<RawRow> head, IntUnaryOperator headerDepth) {
        for (int i = 0; i < head.size(); i++) {
            if (head.get(i).isBlank()) {
                continue;
            }
            int depth = Math.min(headerDepth.applyAsInt(head.get(i).number()), head.size() - i);
            Optional<Recognised> match = recognise(combine(head.subList(i, i + depth)));
            if (match.isPresent()) {
                List<String> titles = head.subList(0, i).stream()
                        .flatMap(r -> r.cells().stream()).map(Cells::text).filter(t -> !t.isEmpty()).toList();
                return Optional.of(new Header(i, depth, match.get().kind(), match.get().binding(), titles));
            }
        }
        return Optional.empty();
    }

    /**
     * Rows no kind should see: the end of a file cut off in transit, a runaway cell, or bytes that did not decode. A
     * last row that no line break ends and that lacks some of the header's {@code width} cells was cut off; its
     * missing cells are not empty ones. (A file may lack the final line break; cut off after its last cell, it
     * cannot be told from one that does.)
     */
    private static void checkCells(RawRow row, int width, boolean undecodable) {
        if (row.cutOff() && row.cells().size() < width) {
            throw new RowRejectedException("the file ends inside this row (truncated?): it has " + row.cells().size()
                    + " of the header's " + width + " columns");
        }
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

    /** A header found at {@code index} of the head, {@code depth} rows deep, with the titles above it. */
    private record Header(int index, int depth, ExtractKind kind, HeaderBinding binding, List<String> titles) {

        /** The position of the first row below the header. */
        int end() {
            return index + depth;
        }

        /** How many columns the header has (its cells, with the rows merged below it). */
        int width(List<RawRow> head) {
            return combine(head.subList(index, end())).size();
        }

        /** The loader's context; the columns no kind reads are reported in the file's messages. */
        LoadContext context(DuckDBConnection connection, Delivery delivery, String sheet, IngestSettings settings,
                            String where, Tally tally) {
            List<String> unread = binding.unread();
            if (!unread.isEmpty()) {
                tally.messages.add(where + "columns not read by " + kind.code() + ": "
                        + String.join(", ", unread.subList(0, Math.min(unread.size(), MAX_LISTED_COLUMNS)))
                        + (unread.size() > MAX_LISTED_COLUMNS ? " and " + (unread.size() - MAX_LISTED_COLUMNS)
                        + " more" : ""));
            }
            return new LoadContext(connection, delivery, sheet, titles, binding, settings);
        }
    }

    private static final class Tally {
        final Set<ExtractKind> kinds = new LinkedHashSet<>();
        final List<String> messages = new ArrayList<>();
        long read;
        long loaded;
        long rejected;
        int lastRow;
        boolean undecodable;

        /** Forgets a staged attempt whose rows were discarded. */
        void clear() {
            kinds.clear();
            messages.clear();
            read = 0;
            loaded = 0;
            rejected = 0;
            lastRow = 0;
        }
    }
}
