package stipanel.workbook;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The workbook's cell styles, made once per workbook: a CJK font (宋体, GB2312 charset, which Excel, WPS and
 * LibreOffice with a CJK font render), thin borders inside tables, and number formats by unit.
 * Text styles are quote-prefixed: a cell's text stays text even when the user edits it, whatever it starts with.
 */
final class Styles {

    static final String FONT = "宋体";
    private static final int GB2312 = 134;

    final XSSFWorkbook wb;
    final XSSFCellStyle title;
    final XSSFCellStyle subtitle;
    final XSSFCellStyle subtitleRight;
    final XSSFCellStyle header;
    final XSSFCellStyle text;
    final XSSFCellStyle textWrap;
    final XSSFCellStyle centered;
    final XSSFCellStyle centeredWrap;
    final XSSFCellStyle note;
    final XSSFCellStyle unofficial;
    private final Map<String, XSSFCellStyle> numbers = new HashMap<>();
    private final Map<Status, XSSFCellStyle> statuses = new EnumMap<>(Status.class);
    private final Map<String, XSSFCellStyle> filledNumbers = new HashMap<>();
    private final XSSFFont base;

    Styles(XSSFWorkbook wb) {
        this.wb = wb;
        // The default font sets the unit of column widths (the width of its '0'), which Layout measures in.
        XSSFFont normal = wb.getFontAt(0);
        normal.setFontName(FONT);
        normal.setCharSet(GB2312);
        normal.setFontHeightInPoints((short) 10);
        base = font(10, false);
        XSSFFont bold = font(10, true);
        title = wb.createCellStyle();
        title.setFont(font(14, true));
        title.setAlignment(HorizontalAlignment.CENTER);
        title.setVerticalAlignment(VerticalAlignment.CENTER);
        title.setWrapText(true);
        subtitle = plain(base);
        subtitle.setWrapText(true);
        subtitle.setVerticalAlignment(VerticalAlignment.CENTER);
        subtitleRight = plain(base);
        subtitleRight.setAlignment(HorizontalAlignment.RIGHT);
        subtitleRight.setVerticalAlignment(VerticalAlignment.CENTER);
        header = bordered(bold);
        header.setAlignment(HorizontalAlignment.CENTER);
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        header.setWrapText(true);
        header.setFillForegroundColor(color("F2F2F2"));
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        text = bordered(base);
        textWrap = bordered(base);
        textWrap.setWrapText(true);
        centered = bordered(base);
        centeredWrap = bordered(base);
        centeredWrap.setAlignment(HorizontalAlignment.CENTER);
        centeredWrap.setWrapText(true);
        centered.setAlignment(HorizontalAlignment.CENTER);
        note = plain(base);
        note.setWrapText(true);
        note.setVerticalAlignment(VerticalAlignment.TOP);
        unofficial = plain(font(10, true));
        unofficial.getFont().setColor(color("9C0006"));
    }

    /** A bordered numeric cell in the format that suits the unit: money and ratios with two decimals. */
    XSSFCellStyle number(String format) {
        return numbers.computeIfAbsent(format, f -> {
            XSSFCellStyle s = bordered(base);
            s.setQuotePrefixed(false);
            s.setDataFormat(wb.createDataFormat().getFormat(f));
            s.setAlignment(HorizontalAlignment.RIGHT);
            return s;
        });
    }

    /** A numeric cell filled with a status's colour. */
    XSSFCellStyle number(String format, Status status) {
        if (status == null) {
            return number(format);
        }
        return filledNumbers.computeIfAbsent(format + "/" + status, k -> {
            XSSFCellStyle s = wb.createCellStyle();
            s.cloneStyleFrom(number(format));
            s.setFillForegroundColor(color(status.fill));
            s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            return s;
        });
    }

    XSSFCellStyle status(Status status) {
        return statuses.computeIfAbsent(status, st -> {
            XSSFFont f = font(10, true);
            f.setColor(color(st.font));
            XSSFCellStyle s = bordered(f);
            s.setAlignment(HorizontalAlignment.CENTER);
            s.setFillForegroundColor(color(st.fill));
            s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            return s;
        });
    }

    /** 万元 and 亿元 with thousands separators and two decimals; % and 百分点 two decimals; counts whole numbers. */
    static String formatFor(String unit, boolean allIntegral) {
        if (unit == null) {
            return "#,##0.00";
        }
        return switch (unit) {
            case "万元", "亿元", "元" -> "#,##0.00";
            case "%", "百分点" -> "0.00";
            default -> allIntegral ? "#,##0" : "#,##0.00";
        };
    }

    private XSSFFont font(int points, boolean bold) {
        XSSFFont f = wb.createFont();
        f.setFontName(FONT);
        f.setCharSet(GB2312);
        f.setFontHeightInPoints((short) points);
        f.setBold(bold);
        return f;
    }

    private XSSFCellStyle plain(XSSFFont f) {
        XSSFCellStyle s = wb.createCellStyle();
        s.setFont(f);
        s.setQuotePrefixed(true);
        return s;
    }

    private XSSFCellStyle bordered(XSSFFont f) {
        XSSFCellStyle s = plain(f);
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
        s.setVerticalAlignment(VerticalAlignment.CENTER);
        return s;
    }

    private static XSSFColor color(String hex) {
        return new XSSFColor(HexFormat.of().parseHex(hex));
    }
}
