package stipanel.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * GB18030 (GBK's superset) to UTF-8, strictly, for DuckDB's reader, which reads UTF-8 only. The JDK's decoder runs
 * at about 50 MB/s here, slower than DuckDB parses the result; this one looks the two-byte characters up in a table
 * made from the JDK's own decoder, so it gives the same characters, and asks the JDK only for the rare four-byte
 * ones.
 */
final class Gb18030Transcoder {

    /** UTF-8 of each two-byte character, indexed by (lead − 0x81) × 256 + trail; empty where the pair is invalid. */
    private static final byte[][] TWO_BYTE = new byte[126 * 256][];

    static {
        CharsetDecoder decoder = decoder();
        for (int lead = 0x81; lead <= 0xFE; lead++) {
            for (int trail = 0x40; trail <= 0xFE; trail++) {
                if (trail == 0x7F) {
                    continue;
                }
                String decoded = decode(decoder, new byte[] {(byte) lead, (byte) trail});
                if (decoded != null) {
                    TWO_BYTE[(lead - 0x81) * 256 + trail] = decoded.getBytes(StandardCharsets.UTF_8);
                }
            }
        }
    }

    private Gb18030Transcoder() {
    }

    /**
     * Writes {@code from} as UTF-8 to {@code target}; false at the first byte sequence that is not GB18030 (the row
     * path then decides what to do with the file).
     */
    static boolean transcode(Path from, OutputStream target) throws IOException {
        CharsetDecoder decoder = decoder();
        byte[] in = new byte[1 << 20];
        byte[] out = new byte[3 * in.length + 16];
        try (InputStream source = Files.newInputStream(from)) {
            int carried = 0;
            while (true) {
                int read = source.read(in, carried, in.length - carried);
                boolean end = read < 0;
                int n = carried + Math.max(read, 0);
                int i = 0;
                int o = 0;
                while (i < n) {
                    int b = in[i] & 0xFF;
                    if (b < 0x80) {
                        out[o++] = (byte) b;
                        i++;
                        continue;
                    }
                    if (b == 0x80 || b == 0xFF) {
                        return false;
                    }
                    if (i + 1 >= n) {
                        break;
                    }
                    int second = in[i + 1] & 0xFF;
                    if (second >= 0x30 && second <= 0x39) {
                        if (i + 3 >= n) {
                            break;
                        }
                        String decoded = decode(decoder, new byte[] {in[i], in[i + 1], in[i + 2], in[i + 3]});
                        if (decoded == null) {
                            return false;
                        }
                        byte[] utf8 = decoded.getBytes(StandardCharsets.UTF_8);
                        System.arraycopy(utf8, 0, out, o, utf8.length);
                        o += utf8.length;
                        i += 4;
                        continue;
                    }
                    byte[] utf8 = TWO_BYTE[(b - 0x81) * 256 + second];
                    if (utf8 == null) {
                        return false;
                    }
                    System.arraycopy(utf8, 0, out, o, utf8.length);
                    o += utf8.length;
                    i += 2;
                }
                target.write(out, 0, o);
                carried = n - i;
                if (end) {
                    if (carried > 0) {
                        return false;
                    }
                    break;
                }
                System.arraycopy(in, i, in, 0, carried);
            }
        }
        return true;
    }

    private static CharsetDecoder decoder() {
        return CsvExtractReader.GB18030.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** One character's bytes decoded by the JDK, or null when they are not one valid GB18030 character. */
    private static String decode(CharsetDecoder decoder, byte[] bytes) {
        try {
            CharBuffer chars = decoder.reset().decode(ByteBuffer.wrap(bytes));
            return chars.length() == 0 ? null : chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
