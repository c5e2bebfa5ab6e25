package stipanel.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * What a delivered file is, told from its content rather than its name (docs/sources.md "Delivered formats"): an .xlsx renamed
 * .xls, or a .XLSX, is a workbook; a Word file is a document, never a corrupt workbook. The formats that hold no table
 * this project can read (PDF, images, archives, legacy Word, password-protected files, web pages saved as .xls, OFD)
 * are told apart so that their refusal says what the file is and what to deliver instead.
 */
public enum ExtractFormat {
    /** .xlsx (OOXML) or .xls (BIFF8 in an OLE2 container), whatever the name. */
    WORKBOOK,
    /** .docx: its tables are read as sheets ({@link DocumentExtractReader}). */
    DOCUMENT,
    CSV,
    PDF,
    IMAGE,
    /** A ZIP that is no Office file, RAR, 7z, gzip, tar. */
    ARCHIVE,
    /** Word 97–2003 (.doc, also WPS .wps): an OLE2 file with a WordDocument stream. */
    LEGACY_WORD,
    /** An OOXML file saved with a password: Office wraps it in OLE2 as an EncryptedPackage stream. */
    ENCRYPTED,
    /** A web page (HTML or MHT), as many systems export a table under the name .xls. */
    HTML,
    /** Excel 2003 XML (SpreadsheetML), also often named .xls. */
    XML_SPREADSHEET,
    /** OFD (GB/T 33190), the Chinese fixed-layout e-document: a ZIP with OFD.xml. */
    OFD,
    /** PowerPoint (.pptx, .ppt). */
    PRESENTATION,
    /** OpenDocument (.ods, .odt), which POI does not read. */
    OPEN_DOCUMENT,
    OTHER;

    private static final int SNIFF = 8192;
    /** How far into a ZIP whose directory is unreadable (cut off) its part names are looked for. */
    private static final int SCAN_BYTES = 16 << 20;

    /** A file's format, and in a few words what it was recognised as ("PNG", "RAR", "xlsx"). */
    public record Detected(ExtractFormat format, String what) {
    }

    public static ExtractFormat of(Path file) throws IOException {
        return detect(file).format();
    }

    public static Detected detect(Path file) throws IOException {
        byte[] head = new byte[SNIFF];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, SNIFF);
        }
        if (starts(head, n, 'P', 'K', 3, 4) || starts(head, n, 'P', 'K', 5, 6)) {
            return zip(file);
        }
        if (starts(head, n, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return ole2(file);
        }
        // A PDF begins %PDF; readers also accept its %PDF- header after up to 1 KiB of other bytes.
        if (starts(head, n, '%', 'P', 'D', 'F')
                || indexOf(head, Math.min(n, 1024), "%PDF-".getBytes(StandardCharsets.US_ASCII)) >= 0) {
            return new Detected(PDF, "PDF");
        }
        Detected binary = binary(head, n);
        if (binary != null) {
            return binary;
        }
        if (!CsvExtractReader.looksLikeText(head, n)) {
            return new Detected(OTHER, "");
        }
        Detected markup = markup(head, n);
        return markup != null ? markup : new Detected(CSV, "CSV");
    }

    /** Images and archives, by their magic numbers. */
    private static Detected binary(byte[] h, int n) {
        if (starts(h, n, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return new Detected(IMAGE, "PNG");
        }
        if (starts(h, n, 0xFF, 0xD8, 0xFF)) {
            return new Detected(IMAGE, "JPEG");
        }
        if (starts(h, n, 'G', 'I', 'F', '8')) {
            return new Detected(IMAGE, "GIF");
        }
        // "BM" alone could begin a text; a bitmap's reserved bytes 6–9 are zero, which no text has.
        if (starts(h, n, 'B', 'M') && n >= 10 && h[6] == 0 && h[7] == 0 && h[8] == 0 && h[9] == 0) {
            return new Detected(IMAGE, "BMP");
        }
        if (starts(h, n, 'I', 'I', 0x2A, 0) || starts(h, n, 'M', 'M', 0, 0x2A)) {
            return new Detected(IMAGE, "TIFF");
        }
        if (starts(h, n, 'R', 'I', 'F', 'F') && n >= 12 && h[8] == 'W' && h[9] == 'E' && h[10] == 'B' && h[11] == 'P') {
            return new Detected(IMAGE, "WebP");
        }
        if (starts(h, n, 'R', 'a', 'r', '!', 0x1A, 0x07)) {
            return new Detected(ARCHIVE, "RAR");
        }
        if (starts(h, n, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C)) {
            return new Detected(ARCHIVE, "7z");
        }
        if (starts(h, n, 0x1F, 0x8B)) {
            return new Detected(ARCHIVE, "gzip");
        }
        if (n >= 262 && h[257] == 'u' && h[258] == 's' && h[259] == 't' && h[260] == 'a' && h[261] == 'r') {
            return new Detected(ARCHIVE, "tar");
        }
        return null;
    }

    /** A text file that is a web page or an Excel 2003 XML workbook rather than a CSV. */
    private static Detected markup(byte[] h, int n) {
        String text;
        if (starts(h, n, 0xFF, 0xFE)) {
            text = new String(h, 2, n - 2, StandardCharsets.UTF_16LE);
        } else if (starts(h, n, 0xFE, 0xFF)) {
            text = new String(h, 2, n - 2, StandardCharsets.UTF_16BE);
        } else {
            // The markers are ASCII: whatever the encoding (UTF-8, GBK), they read the same byte for byte.
            text = new String(h, 0, n, StandardCharsets.ISO_8859_1);
        }
        String t = text.replace("\uFEFF", "").replace("ï»¿", "").strip().toLowerCase(Locale.ROOT);
        if (t.startsWith("mime-version:") || t.startsWith("content-type: multipart/related")) {
            return t.contains("text/html") ? new Detected(HTML, "MHT") : null;
        }
        if (!t.startsWith("<")) {
            return null;
        }
        if (t.contains("urn:schemas-microsoft-com:office:spreadsheet") && t.contains("<workbook")) {
            return new Detected(XML_SPREADSHEET, "Excel 2003 XML");
        }
        for (String tag : List.of("<!doctype html", "<html", "<table", "<head", "<meta", "<body", "<style")) {
            if (t.startsWith(tag)) {
                return new Detected(HTML, "HTML");
            }
        }
        if ((t.startsWith("<?xml") || t.startsWith("<!--")) && (t.contains("<html") || t.contains("<table"))) {
            return new Detected(HTML, "HTML");
        }
        return null;
    }

    /** An OLE2 (compound) file, by the streams it holds. */
    private static Detected ole2(Path file) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntryCaseInsensitive("EncryptedPackage")) {
                return new Detected(ENCRYPTED, "加密的 Office 文件");
            }
            if (root.hasEntryCaseInsensitive("WordDocument")) {
                return new Detected(LEGACY_WORD, "doc");
            }
            if (root.hasEntryCaseInsensitive("PowerPoint Document")) {
                return new Detected(PRESENTATION, "ppt");
            }
            if (root.hasEntryCaseInsensitive("Workbook")) {
                return passwordProtected(root) ? new Detected(ENCRYPTED, "加密的 xls") : new Detected(WORKBOOK, "xls");
            }
            if (root.hasEntryCaseInsensitive("Book")) {
                return new Detected(WORKBOOK, "xls");
            }
            return new Detected(OTHER, "OLE2");
        } catch (IOException | RuntimeException unreadable) {
            // A damaged .xls: the workbook reader says what is wrong with it.
            return new Detected(WORKBOOK, "xls");
        }
    }

    /**
     * Whether a BIFF8 workbook stream is encrypted: a FILEPASS record (0x002F) follows its first BOF, among the
     * records of the workbook's globals (looked for in the first 64 of them).
     */
    private static boolean passwordProtected(DirectoryNode root) throws IOException {
        String name = root.getEntryNames().stream().filter(n -> n.equalsIgnoreCase("Workbook")).findFirst()
                .orElseThrow();
        try (InputStream in = root.createDocumentInputStream(name)) {
            for (int i = 0; i < 64; i++) {
                byte[] header = in.readNBytes(4);
                if (header.length < 4) {
                    return false;
                }
                int type = (header[0] & 0xFF) | (header[1] & 0xFF) << 8;
                int length = (header[2] & 0xFF) | (header[3] & 0xFF) << 8;
                if (type == 0x002F) {
                    return true;
                }
                if (type == 0x000A) {
                    return false;
                }
                in.skipNBytes(length);
            }
        }
        return false;
    }

    /** A ZIP, by the names of its parts: an Office file, an OFD, or an archive. */
    private static Detected zip(Path file) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                names.add(entry.getName());
            }
        } catch (java.util.zip.ZipException unreadableDirectory) {
            names = localHeaderNames(file);
            if (names.isEmpty()) {
                // Cut off before its first part's name: nothing says what it was; the workbook reader refuses it.
                return new Detected(WORKBOOK, "xlsx");
            }
        }
        boolean office = false;
        for (String name : names) {
            String n = name.toLowerCase(Locale.ROOT);
            if (n.equals("word/document.xml") || n.startsWith("word/")) {
                return new Detected(DOCUMENT, "docx");
            }
            if (n.startsWith("xl/")) {
                return new Detected(WORKBOOK, "xlsx");
            }
            if (n.startsWith("ppt/")) {
                return new Detected(PRESENTATION, "pptx");
            }
            if (n.equals("ofd.xml")) {
                return new Detected(OFD, "OFD");
            }
            office |= n.equals("[content_types].xml");
        }
        if (names.contains("mimetype") && names.contains("content.xml")) {
            return new Detected(OPEN_DOCUMENT, "OpenDocument");
        }
        return office ? new Detected(OTHER, "Office") : new Detected(ARCHIVE, "ZIP");
    }

    /** The part names of a ZIP's local headers (each stands before its part's data), read from its first bytes. */
    private static List<String> localHeaderNames(Path file) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(SCAN_BYTES);
        }
        List<String> names = new ArrayList<>();
        byte[] signature = {'P', 'K', 3, 4};
        for (int at = indexOf(bytes, bytes.length, signature); at >= 0 && at + 30 <= bytes.length;
             at = indexOf(bytes, bytes.length, signature, at + 4)) {
            int length = (bytes[at + 26] & 0xFF) | (bytes[at + 27] & 0xFF) << 8;
            if (length > 0 && at + 30 + length <= bytes.length) {
                names.add(new String(bytes, at + 30, length, StandardCharsets.UTF_8));
            }
        }
        return names;
    }

    private static boolean starts(byte[] head, int n, int... magic) {
        if (n < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] bytes, int n, byte[] what) {
        return indexOf(bytes, n, what, 0);
    }

    private static int indexOf(byte[] bytes, int n, byte[] what, int from) {
        outer:
        for (int i = from; i + what.length <= n; i++) {
            for (int j = 0; j < what.length; j++) {
                if (bytes[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Opens the tables of {@code file}; the caller closes the returned reader. */
    public static ExtractReader open(Path file, ExtractFormat format) throws IOException {
        return switch (format) {
            case WORKBOOK -> WorkbookExtractReader.open(file);
            case DOCUMENT -> DocumentExtractReader.open(file);
            case CSV -> CsvExtractReader.open(file);
            default -> throw new IOException("not a format with tables to read: " + format);
        };
    }

    /** The readable tables of a file, closed together. */
    public interface ExtractReader extends AutoCloseable {
        List<SheetSource> sheets();

        /** What was detected, for the ledger: "CSV UTF-8", "CSV GB18030", "xlsx", "docx". */
        String description();

        @Override
        void close() throws IOException;
    }
}
