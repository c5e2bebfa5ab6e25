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
 */
public final class CsvExtractReader implements ExtractFormat.ExtractReader {

    public static final Charset GB18030 = Charset.forName("GB18030");

    private final Charset charset;
    private final char delimiter;
    private final BufferedReader reader;
    private final SheetSource sheet;

    private CsvExtractReader(Path file, Charset charset, int bomLength) throws IOException {
        this.charset = charset;
        InputStream in = Files.newInputStream(file);
        in.skipNBytes(bomLength);
        this.reader = new BufferedReader(new InputStreamReader(in, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16);
        reader.mark(1 << 16);
        String first = reader.readLine();
        reader.reset();
        this.delimiter = first != null && count(first, '\t') > count(first, ',') ? '\t' : ',';
        this.sheet = new CsvSheet();
    }

    public static CsvExtractReader open(Path file) throws IOException {
        byte[] head = new byte[4];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, 4);
        }
        if (n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return new CsvExtractReader(file, StandardCharsets.UTF_8, 3);
        }
        if (n >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return new CsvExtractReader(file, StandardCharsets.UTF_16LE, 2);
        }
        if (n >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return new CsvExtractReader(file, StandardCharsets.UTF_16BE, 2);
        }
        return new CsvExtractReader(file, isUtf8(file) ? StandardCharsets.UTF_8 : GB18030, 0);
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

    private static int count(String s, char c) {
        return (int) s.chars().filter(x -> x == c).count();
    }

    @Override
    public List<SheetSource> sheets() {
        return List.of(sheet);
    }

    @Override
    public String description() {
        return "CSV " + charset.name() + (delimiter == '\t' ? " tab-separated" : "");
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

                @Override
                public boolean hasNext() {
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
                    return new RawRow(start, cells);
                }
            };
        }
    }
}
