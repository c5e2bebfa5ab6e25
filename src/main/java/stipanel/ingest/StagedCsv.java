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
 * {@link SetBasedKind}): the rows below the header are staged part by part into a table {@link #table()}, as text
 * ({@code c1 … cN}), in file order, {@link #ordinal()} giving each row's position. DuckDB reads UTF-8 only, so a GBK
 * file is first transcoded.
 * <p>
 * The row path ({@link CsvExtractReader}) stays the reference: a file this class cannot stage exactly as that path
 * would read it is left to it. DuckDB's reader skips empty lines and lets a quoted cell span lines, and either
 * would shift the row numbers every rejection and every fact cites, so a part is staged only when its rows equal
 * its lines: each data row is then exactly one line. Bytes DuckDB finds invalid, ragged rows, stray quotes, a file
 * cut off mid-row and lines over its {@code max_line_size} make its reader fail, and the row path, which handles all
 * of them, takes the file.
 * <p>
 * That failure must not touch the file's transaction (its facts, ledger row and the step's progress): in DuckDB any
 * error aborts the transaction it happens in, and the job would then fail on the same file every night. So DuckDB's
 * reader never runs in it. A second connection to the same database ({@link DuckDBConnection#duplicate()}, in
 * auto-commit) stages each part into an in-memory database attached for it; the job's connection reads the
 * committed table. It sees it although its transaction began earlier, because DuckDB begins a transaction's
 * snapshot of an attached database when a statement first reads it ({@code PatentFastLaneTest} stages files whole
 * and in many parts: a part not seen would fail its query).
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
    private String ordinal;

    /** Names each part's database anew: the job's transaction may still hold the detached one of the part before. */
    private static final AtomicLong DATABASES = new AtomicLong();

    /**
     * A part of the rows below the header: {@code skip} lines to pass over, then {@code rows} rows, one per line, the
     * first of them {@code firstOrdinal} rows below the header.
     */
    record Part(Path path, int skip, long rows, long firstOrdinal) {
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
     * Where the rows below the header (on line {@code headerLine}) are, in parts DuckDB stages one at a time so that
     * memory stays flat as files grow: the file itself when it is UTF-8 and small, else copies (GBK: transcoded)
     * of about {@link #partBytes()} each, cut at line ends. Empty when a GBK file holds a byte sequence that is not
     * GB18030.
     */
    Optional<List<Part>> split(int headerLine) throws IOException {
        if (charset.equals(StandardCharsets.UTF_8) && Files.size(file) <= partBytes()) {
            return Optional.of(List.of(new Part(file, headerLine, lines(file) - headerLine, 0)));
        }
        parts = Files.createTempDirectory("sti-panel-stage-");
        try (PartWriter writer = new PartWriter(parts, headerLine, partBytes())) {
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
     * Stages one part ({@code width} columns) into {@link #table()}, in place of the part before. False, the job
     * connection's transaction untouched, when DuckDB's reader refuses it or its rows are not one per line.
     */
    boolean stage(DuckDBConnection connection, Part part, int width) throws SQLException {
        detach();
        if (reader == null) {
            reader = connection.duplicate();
            reader.setAutoCommit(true);
        }
        StringJoiner columns = new StringJoiner(", ", "{", "}");
        for (int c = 1; c <= width; c++) {
            columns.add("'c" + c + "': 'VARCHAR'");
        }
        String name = "staged_csv_" + DATABASES.incrementAndGet();
        try (Statement s = reader.createStatement()) {
            s.execute("attach ':memory:' as " + name);
            database = name;
            s.execute("create table " + table() + " as select * from read_csv("
                    + literal(part.path().toAbsolutePath().toString()) + ", auto_detect = false, header = false, skip = "
                    + part.skip() + ", delim = " + literal(String.valueOf(delimiter))
                    + ", quote = '\"', escape = '\"', columns = " + columns + ")");
        } catch (SQLException e) {
            return false;
        }
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("select count(*), coalesce(min(rowid), 0) from " + table())) {
            r.next();
            if (r.getLong(1) != part.rows()) {
                return false;
            }
            ordinal = "(stage.rowid - " + r.getLong(2) + " + " + part.firstOrdinal() + ")";
        }
        return true;
    }

    /** The staged part's table, named {@code stage} within its database. */
    String table() {
        return database + ".stage";
    }

    /**
     * SQL for a staged row's position below the header, from 0: DuckDB's reader appends in file order, so it is the
     * rowid's distance from the part's first, plus the rows before the part. (Counting with
     * {@code row_number() over ()} doubles the time of staging.)
     */
    String ordinal() {
        return ordinal;
    }

    /** The rows of a query that returns a staged row's position and its cells, numbered as lines of the file. */
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
                    List<String> cells = new ArrayList<>(width);
                    for (int c = 2; c <= width + 1; c++) {
                        String cell = r.getString(c);
                        cells.add(cell == null ? "" : cell);
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

    /** Lines of a file: its line feeds, and one more when the last line has none. */
    static long lines(Path file) throws IOException {
        long lines = 0;
        byte last = '\n';
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.readNBytes(buffer, 0, buffer.length)) > 0; ) {
                lines += lineFeeds(buffer, 0, n);
                last = buffer[n - 1];
            }
        }
        return last == '\n' ? lines : lines + 1;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW_SEVEN = 0x7F7F7F7F7F7F7F7FL;

    /**
     * The bytes 0x0A in {@code bytes[from, to)}, eight at a time (a byte at a time took a sixth of the time DuckDB
     * takes to read the file): each 0x0A becomes a zero byte, the only byte whose high bit the sum leaves clear.
     */
    static int lineFeeds(byte[] bytes, int from, int to) {
        int count = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(bytes, i) ^ 0x0A0A0A0A0A0A0A0AL;
            count += Long.bitCount(~(((x & LOW_SEVEN) + LOW_SEVEN) | x | LOW_SEVEN));
        }
        for (; i < to; i++) {
            if (bytes[i] == '\n') {
                count++;
            }
        }
        return count;
    }

    /**
     * Writes the bytes it is given, less the first {@code dropLines} lines, into part files of about
     * {@code partBytes} each, cut after a line feed, counting each part's lines.
     */
    private static final class PartWriter extends OutputStream {

        private final Path dir;
        private final long partBytes;
        private final List<Part> parts = new ArrayList<>();
        private long dropLines;
        private OutputStream current;
        private Path currentPath;
        private long bytes;
        private long rows;
        private long firstOrdinal;
        private byte last = '\n';

        PartWriter(Path dir, long dropLines, long partBytes) {
            this.dir = dir;
            this.dropLines = dropLines;
            this.partBytes = partBytes;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0 && dropLines > 0) {
                if (b[off] == '\n') {
                    dropLines--;
                }
                off++;
                len--;
            }
            while (len > 0) {
                if (current == null) {
                    currentPath = dir.resolve("part-" + parts.size() + ".csv");
                    current = new BufferedOutputStream(Files.newOutputStream(currentPath), 1 << 20);
                }
                int take = len;
                if (bytes + len >= partBytes) {
                    int from = off + (int) Math.max(0, partBytes - bytes);
                    int end = from;
                    while (end < off + len && b[end] != '\n') {
                        end++;
                    }
                    take = end < off + len ? end - off + 1 : len;
                }
                current.write(b, off, take);
                rows += lineFeeds(b, off, off + take);
                bytes += take;
                last = b[off + take - 1];
                off += take;
                len -= take;
                if (bytes >= partBytes && last == '\n') {
                    closePart();
                }
            }
        }

        List<Part> finish() throws IOException {
            if (current != null) {
                if (last != '\n') {
                    rows++;
                }
                closePart();
            }
            return parts;
        }

        private void closePart() throws IOException {
            current.close();
            current = null;
            parts.add(new Part(currentPath, 0, rows, firstOrdinal));
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
