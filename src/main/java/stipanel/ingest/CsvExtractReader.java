package stipanel.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A delivered CSV: encoding detected (a BOM; else strict UTF-8 if the whole file decodes as UTF-8; else GB18030,
 * the superset of GBK the Chinese offices' tools export), delimiter detected (comma or tab) from the first line.
 * A UTF-8 file damaged by a few invalid bytes stays UTF-8 (its valid multi-byte sequences far outnumber the invalid
 * ones, which GBK text never shows): its header is read, and the rows holding the damage are rejected
 * ({@link #invalidBytes()}), instead of the whole file turning into GB18030 mojibake.
 */
public final class CsvExtractReader implements ExtractFormat.ExtractReader {

    public static final Charset GB18030 = Charset.forName("GB18030");

    private final Charset charset;
    private final long invalidBytes;
    private final char delimiter;
    private final boolean endsWithLineBreak;
    private final BufferedReader reader;
    private final SheetSource sheet;

    private CsvExtractReader(Path file, Charset charset, int bomLength, long invalidBytes) throws IOException {
        this.charset = charset;
        this.invalidBytes = invalidBytes;
        InputStream in = Files.newInputStream(file);
        in.skipNBytes(bomLength);
        this.reader = new BufferedReader(new InputStreamReader(in, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16);
        this.delimiter = delimiter(file, charset, bomLength);
        this.endsWithLineBreak = endsWithLineBreak(file, charset);
        this.sheet = new CsvSheet();
    }

    public static CsvExtractReader open(Path file) throws IOException {
        byte[] head = new byte[4];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, 4);
        }
        if (n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return new CsvExtractReader(file, StandardCharsets.UTF_8, 3, invalid(file, StandardCharsets.UTF_8));
        }
        if (n >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return new CsvExtractReader(file, StandardCharsets.UTF_16LE, 2, invalid(file, StandardCharsets.UTF_16LE));
        }
        if (n >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return new CsvExtractReader(file, StandardCharsets.UTF_16BE, 2, invalid(file, StandardCharsets.UTF_16BE));
        }
        Utf8Census census = Utf8Census.of(file);
        if (census.invalid == 0 || census.mostlyUtf8()) {
            return new CsvExtractReader(file, StandardCharsets.UTF_8, 0,
                    census.invalid == 0 ? invalid(file, StandardCharsets.UTF_8) : census.invalid);
        }
        return new CsvExtractReader(file, GB18030, 0, invalid(file, GB18030));
    }

    /**
     * A reader of a file whose encoding is already known (from its first bytes, by {@link StagedCsv}), without the
     * whole-file pass: for reading the rows above and at the header.
     */
    static CsvExtractReader withEncoding(Path file, Charset charset, int bomLength) throws IOException {
        return new CsvExtractReader(file, charset, bomLength, 0);
    }

    char delimiter() {
        return delimiter;
    }

    /**
     * Bytes of the file that do not decode in the detected encoding; each row holding one is rejected. Zero for a
     * clean file.
     */
    public long invalidBytes() {
        return invalidBytes;
    }

    /** Malformed or unmappable sequences met when decoding the whole file (streamed) in {@code charset}. */
    static long invalid(Path file, Charset charset) throws IOException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        long invalid = 0;
        try (var channel = Files.newByteChannel(file)) {
            boolean end = false;
            while (true) {
                if (!end) {
                    end = channel.read(in) < 0;
                }
                in.flip();
                var result = decoder.decode(in, out, end);
                if (result.isError()) {
                    invalid++;
                    in.position(in.position() + result.length());
                } else if (end && !in.hasRemaining()) {
                    out.clear();
                    return decoder.flush(out).isError() ? invalid + 1 : invalid;
                }
                out.clear();
                in.compact();
            }
        }
    }

    /** Valid multi-byte UTF-8 sequences and invalid bytes of a file, counted in one streamed pass. */
    record Utf8Census(long multiByte, long invalid) {

        /** UTF-8 damaged here and there, not text in another encoding (GBK shows about as many invalid as valid). */
        boolean mostlyUtf8() {
            return multiByte >= 8 && multiByte >= 10 * invalid;
        }

        static Utf8Census of(Path file) throws IOException {
            try (InputStream in = Files.newInputStream(file)) {
                return of(in);
            }
        }

        static Utf8Census of(InputStream in) throws IOException {
            long multiByte = 0;
            long invalid = 0;
            int need = 0;
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    int b = buffer[i] & 0xFF;
                    if (need > 0) {
                        if ((b & 0xC0) == 0x80) {
                            if (--need == 0) {
                                multiByte++;
                            }
                            continue;
                        }
                        invalid++;
                        need = 0;
                    }
                    if (b < 0x80) {
                        continue;
                    }
                    if (b >= 0xC2 && b <= 0xDF) {
                        need = 1;
                    } else if (b >= 0xE0 && b <= 0xEF) {
                        need = 2;
                    } else if (b >= 0xF0 && b <= 0xF4) {
                        need = 3;
                    } else {
                        invalid++;
                    }
                }
            }
            return new Utf8Census(multiByte, need > 0 ? invalid + 1 : invalid);
        }
    }

    /** True when every byte of the file decodes as UTF-8 (streamed: files may be large). */
    static boolean isUtf8(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        try (var channel = Files.newByteChannel(file)) {
            while (true) {
                int read = channel.read(in);
                in.flip();
                var result = decoder.decode(in, out, read < 0);
                if (result.isError()) {
                    return false;
                }
                out.clear();
                in.compact();
                if (read < 0) {
                    return !decoder.flush(out).isError() && in.position() == 0;
                }
            }
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Text, not binary: no NUL bytes and few control characters in the first bytes (UTF-16 with a BOM allowed). */
    static boolean looksLikeText(byte[] head, int n) {
        if (n >= 2 && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
                || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF)) {
            return true;
        }
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = head[i] & 0xFF;
            if (b == 0) {
                return false;
            }
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t') {
                control++;
            }
        }
        return n == 0 || control * 100 < n;
    }

    /** Whether the last character is a line feed or carriage return (a UTF-16 character is two bytes). */
    private static boolean endsWithLineBreak(Path file, Charset charset) throws IOException {
        int width = charset.equals(StandardCharsets.UTF_16LE) || charset.equals(StandardCharsets.UTF_16BE) ? 2 : 1;
        try (var channel = Files.newByteChannel(file)) {
            if (channel.size() < width) {
                return false;
            }
            ByteBuffer last = ByteBuffer.allocate(width);
            channel.position(channel.size() - width).read(last);
            String text = new String(last.array(), charset);
            return text.equals("\n") || text.equals("\r");
        }
    }

    /** Tab when the first line (its first 64 KiB) holds more tabs than commas, else comma. */
    private static char delimiter(Path file, Charset charset, int bomLength) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(bomLength);
            head = in.readNBytes(1 << 16);
        }
        String text = new String(head, charset);
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        return count(first, '\t') > count(first, ',') ? '\t' : ',';
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(x -> x == c).count();
    }

    @Override
    public List<SheetSource> sheets() {
        return List.of(sheet);
    }

    @Override
    public String description() {
        return "CSV " + charset.name() + (delimiter == '\t' ? " tab-separated" : "")
                + (invalidBytes > 0 ? " with " + invalidBytes + " undecodable byte sequence(s)" : "");
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    private final class CsvSheet implements SheetSource {

        @Override
        public String name() {
            return "";
        }

        @Override
        public Iterator<RawRow> rows() {
            CSVParser parser;
            try {
                parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false)
                        .setMaxRows(0).get().parse(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Iterator<CSVRecord> records = parser.iterator();
            return new Iterator<>() {
                // A record starts on the line after the one the previous record ended on (header = line 1).
                private long nextStartLine = 1;
                // Met while looking past a record to know whether it was the last: thrown when the next is asked for.
                private RuntimeException unreadable;

                @Override
                public boolean hasNext() {
                    if (unreadable != null) {
                        throw unreadable;
                    }
                    return records.hasNext();
                }

                @Override
                public RawRow next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    CSVRecord record = records.next();
                    int start = (int) nextStartLine;
                    nextStartLine = parser.getCurrentLineNumber() + 1;
                    List<String> cells = new ArrayList<>(record.size());
                    record.forEach(cells::add);
                    boolean cutOff = false;
                    if (!endsWithLineBreak) {
                        try {
                            cutOff = !records.hasNext();
                        } catch (RuntimeException e) {
                            unreadable = e;
                        }
                    }
                    return new RawRow(start, cells, cutOff);
                }
            };
        }
    }
}
