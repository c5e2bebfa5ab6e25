package stipanel.ingest;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicLong;

import org.duckdb.DuckDBConnection;

/**
 * A CSV delivery read by DuckDB's own reader (the set-based path of issue #7, for kinds with a fast lane,
 * {@link SetBasedKind}), in one pass: the rows below the header are copied part by part, each line with its
 * position below the header written in front of it ({@code 0,申请号,…}), and the kind's fast lane runs straight over
 * DuckDB's reader of each part, its outcome for every row staged into a table {@link #table()} ({@code ordinal},
 * {@code fast}, the facts, and for the rows off the lane their cells). DuckDB's reader gives no line numbers, and the
 * lane's plan need not keep the file's order: the written positions number the rows. DuckDB reads UTF-8 only, so a
 * GBK file is transcoded while it is copied.
 * <p>
 * The row path ({@link CsvExtractReader}) stays the reference: a file this class cannot stage exactly as that path
 * would read it is left to it. DuckDB's reader lets a quoted cell span lines, which would shift the row numbers
 * every rejection and every fact cites, so a part is staged only when its rows are its lines, each line's position
 * once: a line inside a quoted cell takes its position with it. An empty line, bytes DuckDB finds invalid, ragged
 * rows, stray quotes, a file cut off mid-row and lines over its {@code max_line_size} make its reader fail, and the
 * row path, which handles all of them, takes the file.
 * <p>
 * That failure must not touch the file's transaction (its facts, ledger row and the step's progress): in DuckDB any
 * error aborts the transaction it happens in, and the job would then fail on the same file every night. So DuckDB's
 * reader, and the lane over it, never run in it. A second connection to the same database
 * ({@link DuckDBConnection#duplicate()}, in auto-commit, {@link #reader(DuckDBConnection)}) stages each part into
 * an in-memory database attached for it; the job's connection reads the committed table. It sees it although its
 * transaction began earlier, because DuckDB begins a transaction's snapshot of an attached database when a statement
 * first reads it ({@code PatentFastLaneTest} stages files whole and in many parts: a part not seen would fail its
 * query).
 */
final class StagedCsv implements AutoCloseable {

    /** How much of the file decides its encoding and holds the header: a header sits in the first 30 rows. */
    private static final int HEAD_BYTES = 1 << 20;

    private final Path file;
    private final Charset charset;
    private final int bomLength;
    private final char delimiter;
    /** The job connection's duplicate that runs DuckDB's reader, each part in a transaction of its own. */
    private DuckDBConnection reader;
    /** The in-memory database holding the staged part, attached by {@link #reader}. */
    private String database;
    private Path parts;

    /** Names each part's database anew: the job's transaction may still hold the detached one of the part before. */
    private static final AtomicLong DATABASES = new AtomicLong();

    /**
     * A part of the rows below the header: {@code rows} lines, each with its position in front, the first
     * {@code firstOrdinal} rows below the header.
     */
    record Part(Path path, long rows, long firstOrdinal) {
    }

    /**
     * How many bytes of a file DuckDB stages at once (it takes about 2.5 times as much memory): 128 MiB, or the
     * system property {@code stipanel.stage.part-bytes}.
     */
    static long partBytes() {
        return Long.getLong("stipanel.stage.part-bytes", 128L << 20);
    }

    private StagedCsv(Path file, Charset charset, int bomLength) throws IOException {
        this.file = file;
        this.charset = charset;
        this.bomLength = bomLength;
        try (CsvExtractReader reader = CsvExtractReader.withEncoding(file, charset, bomLength)) {
            this.delimiter = reader.delimiter();
        }
    }

    /**
     * The file, when its first bytes are clean UTF-8 (a UTF-8 BOM allowed) or GB18030; empty for UTF-16, for
     * UTF-8 with damaged bytes (the row path rejects just the rows that hold them) and for anything else.
     */
    static Optional<StagedCsv> open(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD_BYTES);
        }
        int end = head.length;
        if (end == HEAD_BYTES) {
            // Cut after the last line feed: no UTF-8 or GBK character contains the byte 0x0A, so none is cut.
            while (end > 0 && head[end - 1] != '\n') {
                end--;
            }
        }
        int bom = end >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF ? 3 : 0;
        if (end >= 2 && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
                || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF)) {
            return Optional.empty();
        }
        CsvExtractReader.Utf8Census census =
                CsvExtractReader.Utf8Census.of(new ByteArrayInputStream(head, bom, end - bom));
        if (census.invalid() == 0) {
            return Optional.of(new StagedCsv(file, StandardCharsets.UTF_8, bom));
        }
        if (bom == 0 && !census.mostlyUtf8()) {
            return Optional.of(new StagedCsv(file, CsvExtractReader.GB18030, 0));
        }
        return Optional.empty();
    }

    /** The first rows, numbered as the row path numbers them: where the header is looked for. */
    List<RawRow> head(int rows) throws IOException {
        try (CsvExtractReader reader = CsvExtractReader.withEncoding(file, charset, bomLength)) {
            List<RawRow> head = new ArrayList<>(rows);
            Iterator<RawRow> all = reader.sheets().get(0).rows();
            while (head.size() < rows && all.hasNext()) {
                head.add(all.next());
            }
            return head;
        }
    }

    /** As the row path's reader describes the file, and that DuckDB read it. */
    String description() {
        return "CSV " + charset.name() + (delimiter == '\t' ? " tab-separated" : "") + ", staged by DuckDB";
    }

    /**
     * Where the rows below the header (on line {@code headerLine}) are, in parts DuckDB reads one at a time so that
     * memory stays flat as files grow: copies (GBK: transcoded) of about {@link #partBytes()} each, cut at line ends,
     * every line numbered. Empty when a GBK file holds a byte sequence that is not GB18030.
     */
    Optional<List<Part>> split(int headerLine) throws IOException {
        parts = Files.createTempDirectory("sti-panel-stage-");
        try (PartWriter writer = new PartWriter(parts, headerLine, partBytes(), (byte) delimiter)) {
            if (charset.equals(StandardCharsets.UTF_8)) {
                try (InputStream in = Files.newInputStream(file)) {
                    in.transferTo(writer);
                }
            } else if (!Gb18030Transcoder.transcode(file, writer)) {
                return Optional.empty();
            }
            return Optional.of(writer.finish());
        }
    }

    /**
     * The connection DuckDB's reader and the fast lane run on: the job connection's duplicate, in auto-commit. A
     * kind's lane makes its macros on it ({@link SetBasedKind#fastLane}).
     */
    DuckDBConnection reader(DuckDBConnection connection) throws SQLException {
        if (reader == null) {
            reader = connection.duplicate();
            reader.setAutoCommit(true);
            try (Statement s = reader.createStatement()) {
                // The rows carry their positions, so DuckDB's threads may interleave them.
                s.execute("set preserve_insertion_order = false");
            }
        }
        return reader;
    }

    /**
     * Runs the fast lane over one part ({@code width} columns) and stages its outcome into {@link #table()}, in
     * place of the part before: {@code delivered} is the view the lane reads, {@code {{source}}} standing for the
     * part's rows ({@code c0}, the position, then {@code c1 … cN}). False, the job connection's transaction
     * untouched, when DuckDB's reader refuses the part or its rows are not its lines.
     */
    boolean stage(DuckDBConnection connection, Part part, int width, String delivered, String lane)
            throws SQLException {
        detach();
        StringJoiner columns = new StringJoiner(", ", "{", "}");
        columns.add("'c0': 'BIGINT'");
        for (int c = 1; c <= width; c++) {
            columns.add("'c" + c + "': 'VARCHAR'");
        }
        String source = "read_csv(" + literal(part.path().toAbsolutePath().toString())
                + ", auto_detect = false, header = false, delim = " + literal(String.valueOf(delimiter))
                + ", quote = '\"', escape = '\"', columns = " + columns + ")";
        String name = "staged_csv_" + DATABASES.incrementAndGet();
        try (Statement s = reader(connection).createStatement()) {
            s.execute("attach ':memory:' as " + name);
            database = name;
            s.execute(delivered.replace("{{source}}", source));
            // The cells are kept for the rows the kind's loader reads, and only for those.
            s.execute("create table " + table() + " as select * replace (case when fast then null else cells end"
                    + " as cells) from (" + lane + ")");
        } catch (SQLException e) {
            return false;
        }
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("select count(*), count(distinct ordinal), coalesce(min(ordinal), 0),"
                     + " coalesce(max(ordinal), -1) from " + table())) {
            r.next();
            // Every line's position once, and no other: each row is one line, its own.
            return r.getLong(1) == part.rows() && r.getLong(2) == part.rows()
                    && r.getLong(3) == part.firstOrdinal() && r.getLong(4) == part.firstOrdinal() + part.rows() - 1
                    || part.rows() == 0 && r.getLong(1) == 0;
        }
    }

    /** The staged part's table, named {@code lane} within its database. */
    String table() {
        return database + ".lane";
    }

    /**
     * The rows of a query that returns a staged row's {@code ordinal} and its {@code cells}, numbered as lines of the
     * file.
     */
    static Iterator<RawRow> rows(ResultSet r, int headerLine, int width) {
        return new Iterator<>() {
            private Boolean ahead;

            @Override
            public boolean hasNext() {
                if (ahead == null) {
                    try {
                        ahead = r.next();
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
                return ahead;
            }

            @Override
            public RawRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ahead = null;
                try {
                    Object[] given = (Object[]) r.getArray(2).getArray();
                    List<String> cells = new ArrayList<>(width);
                    for (int c = 0; c < width; c++) {
                        Object cell = c < given.length ? given[c] : null;
                        cells.add(cell == null ? "" : cell.toString());
                    }
                    return new RawRow(headerLine + 1 + (int) r.getLong(1), cells);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    @Override
    public void close() throws IOException, SQLException {
        if (reader != null) {
            detach();
            reader.close();
        }
        if (parts != null) {
            try (var files = Files.list(parts)) {
                for (Path part : files.toList()) {
                    Files.delete(part);
                }
            }
            Files.delete(parts);
        }
    }

    /**
     * Detaches the staged part's database. The job connection's transaction, if it read the part, still holds it
     * until it ends: DuckDB frees it then, as it frees a dropped table's rows once no transaction can see them.
     */
    private void detach() throws SQLException {
        if (database != null) {
            try (Statement s = reader.createStatement()) {
                s.execute("detach " + database);
            }
            database = null;
        }
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW_SEVEN = 0x7F7F7F7F7F7F7F7FL;

    /**
     * The index of the first byte 0x0A in {@code bytes[from, to)}, or -1; eight bytes at a time (a byte at a time
     * took a sixth of the time DuckDB takes to read the file): each 0x0A becomes a zero byte, the only byte whose
     * high bit the sum leaves clear.
     */
    static int nextLineFeed(byte[] bytes, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(bytes, i) ^ 0x0A0A0A0A0A0A0A0AL;
            long zeros = ~(((x & LOW_SEVEN) + LOW_SEVEN) | x | LOW_SEVEN);
            if (zeros != 0) {
                return i + Long.numberOfTrailingZeros(zeros) / 8;
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /**
     * Writes the bytes it is given, less the first {@code dropLines} lines, into part files of about
     * {@code partBytes} each, cut after a line feed, each line with its position (from 0) and the delimiter in
     * front.
     */
    private static final class PartWriter extends OutputStream {

        private final Path dir;
        private final long partBytes;
        private final byte delimiter;
        private final List<Part> parts = new ArrayList<>();
        private long dropLines;
        private OutputStream current;
        private Path currentPath;
        private long bytes;
        private long rows;
        private long firstOrdinal;
        private boolean lineStarted;

        PartWriter(Path dir, long dropLines, long partBytes, byte delimiter) {
            this.dir = dir;
            this.dropLines = dropLines;
            this.partBytes = partBytes;
            this.delimiter = delimiter;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int end = off + len;
            while (off < end && dropLines > 0) {
                int feed = nextLineFeed(b, off, end);
                if (feed < 0) {
                    return;
                }
                dropLines--;
                off = feed + 1;
            }
            while (off < end) {
                if (current == null) {
                    currentPath = dir.resolve("part-" + parts.size() + ".csv");
                    current = new BufferedOutputStream(Files.newOutputStream(currentPath), 1 << 20);
                }
                if (!lineStarted) {
                    // The position goes in front of a line when its first byte comes: a file's last line feed
                    // starts no line.
                    byte[] position = Long.toString(firstOrdinal + rows).getBytes(StandardCharsets.US_ASCII);
                    current.write(position);
                    current.write(delimiter);
                    bytes += position.length + 1;
                    lineStarted = true;
                }
                int feed = nextLineFeed(b, off, end);
                int take = (feed < 0 ? end : feed + 1) - off;
                current.write(b, off, take);
                bytes += take;
                off += take;
                if (feed >= 0) {
                    rows++;
                    lineStarted = false;
                    if (bytes >= partBytes) {
                        closePart();
                    }
                }
            }
        }

        List<Part> finish() throws IOException {
            if (current != null) {
                if (lineStarted) {
                    rows++;
                }
                closePart();
            }
            return parts;
        }

        private void closePart() throws IOException {
            current.close();
            current = null;
            parts.add(new Part(currentPath, rows, firstOrdinal));
            firstOrdinal += rows;
            bytes = 0;
            rows = 0;
        }

        @Override
        public void close() throws IOException {
            if (current != null) {
                current.close();
            }
        }
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
