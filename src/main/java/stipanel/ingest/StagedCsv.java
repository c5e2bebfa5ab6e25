package stipanel.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
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

import org.duckdb.DuckDBConnection;

/**
 * A CSV delivery read by DuckDB's own reader into the temporary table {@code stage} (the cells {@code c1 … cN} as
 * text, the rows in file order; {@link #ordinal()} gives each row's position): the set-based path of issue #7, for kinds with a fast lane
 * ({@link SetBasedKind}). DuckDB reads UTF-8 only, so a GBK file is first transcoded to a temporary UTF-8 file.
 * <p>
 * The row path ({@link CsvExtractReader}) stays the reference: a file this class cannot stage exactly as that path
 * would read it is left to it. DuckDB's reader skips empty lines and lets a quoted cell span lines, and either
 * would shift the row numbers every rejection and every fact cites, so a file is staged only when its line count
 * equals the header's line plus the staged rows: each data row is then exactly one line. Bytes DuckDB finds
 * invalid, ragged rows and stray quotes make its reader fail, and the row path, which handles all of them, takes
 * the file.
 */
final class StagedCsv implements AutoCloseable {

    /** How much of the file decides its encoding and holds the header: a header sits in the first 30 rows. */
    private static final int HEAD_BYTES = 1 << 20;

    private final Path file;
    private final Charset charset;
    private final int bomLength;
    private final char delimiter;
    private DuckDBConnection staged;
    private Path transcoded;
    private long firstRowid;

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
     * Stages the rows below the header (on line {@code headerLine}, {@code width} columns) into {@code stage}.
     * False, with nothing staged, when the file is not one data row per line or DuckDB's reader refuses it.
     */
    boolean stage(DuckDBConnection connection, int headerLine, int width) throws IOException, SQLException {
        Path source = file;
        long lines;
        if (charset.equals(StandardCharsets.UTF_8)) {
            lines = lines(file);
        } else {
            transcoded = Files.createTempFile("sti-panel-", ".utf8.csv");
            lines = Gb18030Transcoder.transcode(file, transcoded);
            if (lines < 0) {
                return false;
            }
            source = transcoded;
        }
        StringJoiner columns = new StringJoiner(", ", "{", "}");
        for (int c = 1; c <= width; c++) {
            columns.add("'c" + c + "': 'VARCHAR'");
        }
        try (Statement s = connection.createStatement()) {
            s.execute("create or replace temp table stage as select * from read_csv("
                    + literal(source.toAbsolutePath().toString()) + ", auto_detect = false, header = false, skip = "
                    + headerLine + ", delim = " + literal(String.valueOf(delimiter))
                    + ", quote = '\"', escape = '\"', columns = " + columns + ")");
        } catch (SQLException e) {
            drop(connection);
            return false;
        }
        staged = connection;
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("select count(*), coalesce(min(rowid), 0) from stage")) {
            r.next();
            if (lines != headerLine + r.getLong(1)) {
                drop(connection);
                return false;
            }
            firstRowid = r.getLong(2);
        }
        return true;
    }

    /**
     * SQL for a staged row's position from 0, from its rowid: DuckDB's reader appends in file order, and the rows of
     * a transaction not yet committed number from 2^62 on. (Counting with {@code row_number() over ()} instead
     * doubles the time of staging.)
     */
    String ordinal() {
        return "(stage.rowid - " + firstRowid + ")";
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
        if (staged != null) {
            drop(staged);
        }
        if (transcoded != null) {
            Files.deleteIfExists(transcoded);
        }
    }

    private void drop(DuckDBConnection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("drop table if exists stage");
        }
        staged = null;
    }

    /**
     * Lines of a file: its line feeds, and one more when the last line has none. Eight bytes at a time: a byte at a
     * time took a sixth of the time DuckDB takes to read the file.
     */
    static long lines(Path file) throws IOException {
        long lines = 0;
        byte last = '\n';
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.readNBytes(buffer, 0, buffer.length)) > 0; ) {
                int i = 0;
                for (; i + 8 <= n; i += 8) {
                    lines += lineFeeds((long) LONGS.get(buffer, i));
                }
                for (; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                last = buffer[n - 1];
            }
        }
        return last == '\n' ? lines : lines + 1;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW_SEVEN = 0x7F7F7F7F7F7F7F7FL;

    /** The bytes 0x0A among eight: each becomes a zero byte, the only byte whose high bit the sum leaves clear. */
    private static int lineFeeds(long word) {
        long x = word ^ 0x0A0A0A0A0A0A0A0AL;
        return Long.bitCount(~(((x & LOW_SEVEN) + LOW_SEVEN) | x | LOW_SEVEN));
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
