package stipanel.workbook;

import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * The layout of a Chinese statistical table: a title naming place and period (merged across the table), a line
 * with the region and the data date on the left and 计量单位 on the right, the header row (frozen, with filters,
 * repeated on every printed page), the body, and 资料来源 and 注 below. Every text goes in as a string cell, never as
 * a formula. Column widths come from the longest label and number, row heights from the lines wrapped text takes
 * ({@link Layout}), and every sheet prints on A4 landscape, fitted to the page's width.
 */
final class Tables {

    static final int TITLE_ROW = 0;
    static final int SUBTITLE_ROW = 1;
    static final int HEADER_ROW = 2;
    static final int FIRST_BODY_ROW = 3;

    /**
     * How a column is sized: to its longest label or number, within {@code min}..{@code max} units. A wrapping column
     * holds its longest text in several lines rather than grow beyond {@code max}, and is what gives way when the
     * sheet would be wider than the page.
     */
    record Width(double min, double max, boolean wraps) {

        static Width fit() {
            return new Width(4, Double.MAX_VALUE, false);
        }

        static Width atLeast(double min) {
            return new Width(min, Double.MAX_VALUE, false);
        }

        static Width wrap(double max) {
            return new Width(10, max, true);
        }
    }

    private static final DataFormatter FORMATTER = new DataFormatter(Locale.ROOT);

    private Tables() {
    }

    static void heading(Sheet sheet, Styles st, String title, String left, String unitNote, int columns) {
        Row t = sheet.createRow(TITLE_ROW);
        text(t, 0, title, st.title);
        merge(sheet, TITLE_ROW, 0, columns - 1);
        Row s = sheet.createRow(SUBTITLE_ROW);
        text(s, 0, left, st.subtitle);
        if (unitNote != null && columns > 1) {
            text(s, columns - 1, unitNote, st.subtitleRight);
            merge(sheet, SUBTITLE_ROW, 0, columns - 2);
        } else {
            merge(sheet, SUBTITLE_ROW, 0, columns - 1);
        }
    }

    static void header(Sheet sheet, Styles st, List<String> names) {
        Row h = sheet.createRow(HEADER_ROW);
        for (int i = 0; i < names.size(); i++) {
            text(h, i, names.get(i), st.header);
        }
    }

    /**
     * Freezes the header (and the first {@code frozenColumns}), filters the body, sizes columns and rows, and sets up
     * printing with the header repeated on every page.
     */
    static void finish(Sheet sheet, int columns, int lastBodyRow, int frozenColumns, Width... widths) {
        fitRows(sheet, fitColumns(sheet, widths));
        frame(sheet, columns, lastBodyRow, frozenColumns);
    }

    /** The header frozen (with the first {@code frozenColumns}), the body filtered, the header on every printed page. */
    static void frame(Sheet sheet, int columns, int lastBodyRow, int frozenColumns) {
        sheet.createFreezePane(frozenColumns, FIRST_BODY_ROW);
        sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, Math.max(lastBodyRow, HEADER_ROW), 0, columns - 1));
        print(sheet, HEADER_ROW, HEADER_ROW);
    }

    /** 资料来源 and 注 lines below the table, leaving one blank row, each across the table. Returns the next free row. */
    static int notes(Sheet sheet, Styles st, int lastBodyRow, List<String> lines, int columns) {
        int r = lastBodyRow + 2;
        for (String line : lines) {
            text(sheet.createRow(r), 0, line, st.note);
            merge(sheet, r++, 0, columns - 1);
        }
        return r;
    }

    private static void merge(Sheet sheet, int row, int first, int last) {
        if (last > first) {
            sheet.addMergedRegion(new CellRangeAddress(row, row, first, last));
        }
    }

    /**
     * Sets every column's width from its longest label or number (a header may wrap into two lines, a wrapping
     * column into as many as it needs), then narrows the wrapping columns, down to their minimum, until the sheet
     * fits the page's width. Returns the widths in units.
     */
    static double[] fitColumns(Sheet sheet, Width... spec) {
        double[] natural = new double[spec.length];
        List<CellRangeAddress> merged = sheet.getMergedRegions();
        for (Row row : sheet) {
            for (Cell cell : row) {
                int c = cell.getColumnIndex();
                if (c >= spec.length || spansColumns(merged, cell)) {
                    continue;
                }
                String text = shown(cell);
                double w = 0;
                for (String line : text.split("\n")) {
                    w = Math.max(w, Layout.width(line, points(sheet, cell)));
                }
                if (cell.getCellStyle().getWrapText() && !spec[c].wraps() && !text.contains("\n") && w > 8) {
                    w = Math.max(8, w / 2 + 1);
                }
                natural[c] = Math.max(natural[c], Layout.column(w));
            }
        }
        double[] widths = new double[spec.length];
        double total = 0;
        for (int c = 0; c < spec.length; c++) {
            widths[c] = Math.min(Math.max(natural[c], spec[c].min()), spec[c].max());
            total += widths[c];
        }
        double give = 0;
        for (int c = 0; c < spec.length; c++) {
            give += spec[c].wraps() ? widths[c] - spec[c].min() : 0;
        }
        double excess = total - Layout.PAGE_WIDTH_UNITS;
        if (excess > 0 && give > 0) {
            double share = Math.min(1, excess / give);
            for (int c = 0; c < spec.length; c++) {
                if (spec[c].wraps()) {
                    widths[c] -= (widths[c] - spec[c].min()) * share;
                }
            }
        }
        setWidths(sheet, widths);
        return widths;
    }

    static void setWidths(Sheet sheet, double[] widths) {
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, (int) Math.ceil(widths[c] * 256));
        }
    }

    /** Sets every row's height to the lines its tallest cell takes. */
    static void fitRows(Sheet sheet, double[] widths) {
        List<CellRangeAddress> merged = sheet.getMergedRegions();
        for (Row row : sheet) {
            fitRow(sheet, row, widths, merged);
        }
    }

    /**
     * Sets a row's height to the lines its tallest cell takes in its column (or its merged columns). Spreadsheets do
     * not grow a row for wrapped text written by POI: without this, the text overlaps the next row or is cut off.
     */
    static void fitRow(Sheet sheet, Row row, double[] widths, List<CellRangeAddress> merged) {
        float height = Layout.height(1, 10);
        for (Cell cell : row) {
            double points = points(sheet, cell);
            int lines = 1;
            if (cell.getCellStyle().getWrapText()) {
                double width = 0;
                CellRangeAddress region = regionOf(merged, cell);
                int first = region == null ? cell.getColumnIndex() : region.getFirstColumn();
                int last = region == null ? cell.getColumnIndex() : region.getLastColumn();
                for (int c = first; c <= last && c < widths.length; c++) {
                    width += widths[c];
                }
                lines = Layout.lines(shown(cell), width, points);
            }
            height = Math.max(height, Layout.height(lines, points));
        }
        row.setHeightInPoints(height);
    }

    /** A4 landscape, fitted to the page's width, rows {@code first}..{@code last} on every page, a page footer. */
    static void print(Sheet sheet, int first, int last) {
        sheet.setRepeatingRows(new CellRangeAddress(first, last, -1, -1));
        PrintSetup print = sheet.getPrintSetup();
        print.setLandscape(true);
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        print.setHeaderMargin(0.25);
        print.setFooterMargin(0.3);
        sheet.setFitToPage(true);
        sheet.setMargin(Sheet.LeftMargin, 0.4);
        sheet.setMargin(Sheet.RightMargin, 0.4);
        sheet.setMargin(Sheet.TopMargin, 0.5);
        sheet.setMargin(Sheet.BottomMargin, 0.6);
        // &P and &N are the page number and the page count
        sheet.getFooter().setCenter(sheet.getSheetName() + "　第 &P 页，共 &N 页");
    }

    private static boolean spansColumns(List<CellRangeAddress> merged, Cell cell) {
        CellRangeAddress region = regionOf(merged, cell);
        return region != null && region.getLastColumn() > region.getFirstColumn();
    }

    private static CellRangeAddress regionOf(List<CellRangeAddress> merged, Cell cell) {
        for (CellRangeAddress region : merged) {
            if (region.isInRange(cell)) {
                return region;
            }
        }
        return null;
    }

    /** The cell as a spreadsheet shows it: its text, or its number in its number format. */
    private static String shown(Cell cell) {
        return cell.getCellType() == CellType.NUMERIC ? FORMATTER.formatCellValue(cell)
                : cell.getCellType() == CellType.STRING ? cell.getStringCellValue() : "";
    }

    private static double points(Sheet sheet, Cell cell) {
        return sheet.getWorkbook().getFontAt(cell.getCellStyle().getFontIndex()).getFontHeightInPoints();
    }

    /** A string cell: delivered text stays text, never a formula, whatever it starts with (=, +, -, @). */
    static Cell text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value == null ? "" : value);
        cell.setCellStyle(style);
        return cell;
    }

    /** A numeric cell; a missing value is a blank cell (never 0). */
    static Cell number(Row row, int column, Double value, CellStyle style) {
        Cell cell = row.createCell(column);
        if (value != null && !value.isNaN() && !value.isInfinite()) {
            cell.setCellValue(value);
        }
        cell.setCellStyle(style);
        return cell;
    }

}
