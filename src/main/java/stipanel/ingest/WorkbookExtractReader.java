package stipanel.ingest;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * A delivered workbook (.xlsx, also legacy .xls), every sheet. Cells are rendered to text the way a person reads
 * them: numbers in plain notation, date-formatted cells as ISO dates, formulas by their cached result. A merged
 * cell's value stands in every cell it covers, so a header merged across two rows reads the same in both.
 */
public final class WorkbookExtractReader implements ExtractFormat.ExtractReader {

    /**
     * Bounds on what a delivered .xlsx may expand to, so that a zip bomb is refused before it fills the memory:
     * no part may inflate more than 100 times (POI's check while it reads), no part may exceed 256 MiB and the
     * parts together 512 MiB (checked first, from the zip's directory, and again by POI while it reads).
     */
    static final double MIN_INFLATE_RATIO = 0.01;
    static final long MAX_PART_BYTES = 256L << 20;
    static final long MAX_TOTAL_BYTES = 512L << 20;

    static {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
    }

    private final Workbook workbook;

    private WorkbookExtractReader(Workbook workbook) {
        this.workbook = workbook;
    }

    public static WorkbookExtractReader open(Path file) throws IOException {
        checkExpandedSize(file);
        return new WorkbookExtractReader(WorkbookFactory.create(file.toFile(), null, true));
    }

    /** Refuses a zip whose parts declare more than the limits (a .xls, not a zip, has nothing to expand). */
    static void checkExpandedSize(Path file) throws IOException {
        long total = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                long size = entry.getSize();
                if (size > MAX_PART_BYTES) {
                    throw new ExpandsTooFar("其中 " + entry.getName() + " 解压后 " + (size >> 20) + " MiB，超过允许的 "
                            + (MAX_PART_BYTES >> 20) + " MiB");
                }
                total += Math.max(size, 0);
            }
        } catch (java.util.zip.ZipException notAZip) {
            return;
        }
        if (total > MAX_TOTAL_BYTES) {
            throw new ExpandsTooFar("解压后共 " + (total >> 20) + " MiB，超过允许的 " + (MAX_TOTAL_BYTES >> 20) + " MiB");
        }
    }

    /** A workbook refused by {@link #checkExpandedSize} (the message is Chinese, for the office). */
    static final class ExpandsTooFar extends IOException {
        ExpandsTooFar(String message) {
            super(message);
        }
    }

    @Override
    public List<SheetSource> sheets() {
        List<SheetSource> sheets = new ArrayList<>();
        for (Sheet sheet : workbook) {
            sheets.add(new WorkbookSheet(sheet));
        }
        return sheets;
    }

    @Override
    public String description() {
        return workbook.getSpreadsheetVersion().name().equals("EXCEL97") ? "xls" : "xlsx";
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }

    /** Text of a cell as a person sees it. */
    static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE)
                    : plain(cell.getNumericCellValue());
            case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            default -> "";
        };
    }

    private static String plain(double value) {
        // Double.toString keeps the shortest decimal that round-trips: 0.1 stays 0.1, 2024.0 becomes 2024.
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    private static final class WorkbookSheet implements SheetSource {

        private final Sheet sheet;
        private final Map<Long, CellRangeAddress> mergedByCell = new HashMap<>();
        private final Map<Integer, Integer> depthByFirstRow = new HashMap<>();
        private final Map<Integer, Integer> mergedWidthByRow = new HashMap<>();

        WorkbookSheet(Sheet sheet) {
            this.sheet = sheet;
            for (CellRangeAddress range : sheet.getMergedRegions()) {
                depthByFirstRow.merge(range.getFirstRow(), range.getLastRow() - range.getFirstRow() + 1, Math::max);
                for (int r = range.getFirstRow(); r <= range.getLastRow() && r < range.getFirstRow() + 1000; r++) {
                    mergedWidthByRow.merge(r, range.getLastColumn() + 1, Math::max);
                }
                if ((long) range.getNumberOfCells() <= 10_000) {
                    for (int r = range.getFirstRow(); r <= range.getLastRow(); r++) {
                        for (int c = range.getFirstColumn(); c <= range.getLastColumn(); c++) {
                            mergedByCell.put(key(r, c), range);
                        }
                    }
                }
            }
        }

        private static long key(int row, int column) {
            return ((long) row << 20) | column;
        }

        @Override
        public String name() {
            return sheet.getSheetName();
        }

        @Override
        public int headerDepth(int rowNumber) {
            return depthByFirstRow.getOrDefault(rowNumber - 1, 1);
        }

        @Override
        public Iterator<RawRow> rows() {
            Iterator<Row> rows = sheet.rowIterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public RawRow next() {
                    Row row = rows.next();
                    // A merged cell reaches further right than the cells POI stores for the row.
                    int width = Math.max(Math.max(row.getLastCellNum(), 0),
                            mergedWidthByRow.getOrDefault(row.getRowNum(), 0));
                    List<String> cells = new ArrayList<>(width);
                    for (int c = 0; c < width; c++) {
                        cells.add(valueAt(row.getRowNum(), c, row.getCell(c)));
                    }
                    return new RawRow(row.getRowNum() + 1, cells);
                }
            };
        }

        private String valueAt(int rowIndex, int column, Cell cell) {
            CellRangeAddress range = mergedByCell.get(key(rowIndex, column));
            if (range == null || (range.getFirstRow() == rowIndex && range.getFirstColumn() == column)) {
                return text(cell);
            }
            Row first = sheet.getRow(range.getFirstRow());
            return first == null ? "" : text(first.getCell(range.getFirstColumn()));
        }
    }
}
