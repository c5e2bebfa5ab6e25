package stipanel.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What a delivered file is, told from its first bytes rather than its name, and how to read its tables. */
public enum ExtractFormat {
    WORKBOOK, CSV, OTHER;

    private static final int SNIFF = 8192;

    public static ExtractFormat of(Path file) throws IOException {
        byte[] head = new byte[SNIFF];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, SNIFF);
        }
        if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return WORKBOOK;
        }
        if (n >= 4 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11
                && (head[3] & 0xFF) == 0xE0) {
            return WORKBOOK;
        }
        return CsvExtractReader.looksLikeText(head, n) ? CSV : OTHER;
    }

    /** Opens the tables of {@code file}; the caller closes the returned reader. */
    public static ExtractReader open(Path file, ExtractFormat format) throws IOException {
        return switch (format) {
            case WORKBOOK -> WorkbookExtractReader.open(file);
            case CSV -> CsvExtractReader.open(file);
            case OTHER -> throw new IOException("neither a CSV text file nor an Excel workbook");
        };
    }

    /** The readable tables of a file, closed together. */
    public interface ExtractReader extends AutoCloseable {
        List<SheetSource> sheets();

        /** What was detected, for the ledger: "CSV UTF-8", "CSV GB18030", "xlsx". */
        String description();

        @Override
        void close() throws IOException;
    }
}
