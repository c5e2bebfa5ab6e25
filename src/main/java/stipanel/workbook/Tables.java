package stipanel.workbook;

import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * The layout of a Chinese statistical table: a title naming place and period (merged across the table), a line
 * with the region and the data date on the left and 计量单位 on the right, the header row (frozen, with filters),
 * the body, and 资料来源 and 注 below. Every text goes in as a string cell, never as a formula.
 */
final class Tables {

    static final int TITLE_ROW = 0;
    static final int SUBTITLE_ROW = 1;
    static final int HEADER_ROW = 2;
    static final int FIRST_BODY_ROW = 3;

    private Tables() {
    }

    static void heading(Sheet sheet, Styles st, String title, String left, String unitNote, int columns) {
        Row t = sheet.createRow(TITLE_ROW);
        t.setHeightInPoints(28);
        text(t, 0, title, st.title);
        if (columns > 1) {
            sheet.addMergedRegion(new CellRangeAddress(TITLE_ROW, TITLE_ROW, 0, columns - 1));
        }
        Row s = sheet.createRow(SUBTITLE_ROW);
        text(s, 0, left, st.subtitle);
        if (unitNote != null) {
            text(s, Math.max(columns - 1, 1), unitNote, st.subtitleRight);
        }
    }

    static void header(Sheet sheet, Styles st, List<String> names, int[] widths) {
        Row h = sheet.createRow(HEADER_ROW);
        h.setHeightInPoints(30);
        for (int i = 0; i < names.size(); i++) {
            text(h, i, names.get(i), st.header);
            sheet.setColumnWidth(i, (i < widths.length ? widths[i] : widths[widths.length - 1]) * 256);
        }
    }

    /** Freezes the header (and the first {@code frozenColumns}), filters the body, sets up printing. */
    static void finish(Sheet sheet, int columns, int lastBodyRow, int frozenColumns) {
        sheet.createFreezePane(frozenColumns, FIRST_BODY_ROW);
        sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, Math.max(lastBodyRow, HEADER_ROW), 0, columns - 1));
        sheet.setRepeatingRows(new CellRangeAddress(HEADER_ROW, HEADER_ROW, -1, -1));
        PrintSetup print = sheet.getPrintSetup();
        print.setLandscape(true);
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
    }

    /** 资料来源 and 注 lines below the table, leaving one blank row. Returns the next free row. */
    static int notes(Sheet sheet, Styles st, int lastBodyRow, List<String> lines) {
        int r = lastBodyRow + 2;
        for (String line : lines) {
            text(sheet.createRow(r++), 0, line, st.note);
        }
        return r;
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
