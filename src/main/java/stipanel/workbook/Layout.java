package stipanel.workbook;

/**
 * How wide and how tall text is when a spreadsheet lays it out, computed here because POI does not (and its
 * {@code autoSizeColumn} depends on the fonts of the machine that writes the file, not of the one that prints it).
 * Widths are in column units, the width of '0' in the workbook's default font (宋体 10 pt): 7 px in Excel and WPS,
 * 6.35 pt in LibreOffice. A full-width character (汉字, （）、，) is one em: 1.9 units in Excel, 1.57 in LibreOffice;
 * the larger is taken, so that a column sized here holds its text in every one of them. ASCII is about one unit
 * (宋体's half-width glyphs are 0.95 in Excel; WenQuanYi's digits 1.0 in LibreOffice), M and W more.
 */
final class Layout {

    /** Column units of a full-width character at 10 pt. */
    static final double FULL_WIDTH = 1.9;
    /** What a cell's margins and border take from its column. */
    static final double CELL_PADDING = 1.2;
    /** Room for a punctuation mark that a line may not begin with (，。）、), which pulls a character along. */
    static final double KINSOKU = 1;
    /**
     * The widest sheet that prints on A4 landscape (margins 0.4 in) with 10 pt text at 9 pt or more: 784 pt of paper
     * at 6.35 pt per unit is 123 units at 100 %, and fit-to-width may shrink a sheet to 90 % (137 units); LibreOffice
     * rounds its scale down to a whole per cent, hence the margin.
     */
    static final double PAGE_WIDTH_UNITS = 130;
    /** The height of A4 landscape between the margins, in points, with room to spare. */
    static final double PAGE_HEIGHT_POINTS = 500;

    private Layout() {
    }

    /** The width of one line of text at {@code points}, in column units. */
    static double width(String text, double points) {
        double units = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            units += charWidth(c);
            i += Character.charCount(c);
        }
        return units * points / 10;
    }

    private static double charWidth(int c) {
        if (c < 0x80) {
            return c == 'M' || c == 'W' || c == 'm' || c == 'w' ? 1.4 : c >= 'a' && c <= 'z' || c == ' ' ? 0.95 : 1.0;
        }
        // Latin with accents, Greek and the like are half-width; everything from the CJK punctuation on is full-width.
        return c < 0x2000 ? 1.0 : FULL_WIDTH;
    }

    /**
     * The lines {@code text} takes when wrapped in a column {@code columnUnits} wide: CJK breaks between any two
     * characters, other text at spaces (a word longer than the line is broken), and every line feed starts a line.
     */
    static int lines(String text, double columnUnits, double points) {
        double line = Math.max(columnUnits - CELL_PADDING - KINSOKU, 1);
        int lines = 0;
        for (String paragraph : text.split("\n", -1)) {
            lines++;
            double x = 0;
            int i = 0;
            while (i < paragraph.length()) {
                int end = i + 1;
                if (isWordChar(paragraph.charAt(i))) {
                    while (end < paragraph.length() && isWordChar(paragraph.charAt(end))) {
                        end++;
                    }
                }
                String token = paragraph.substring(i, end);
                double w = width(token, points);
                if (token.equals(" ")) {
                    x += w;
                } else {
                    if (x > 0 && x + w > line) {
                        lines++;
                        x = 0;
                    }
                    while (w > line) {
                        lines++;
                        w -= line;
                    }
                    x += w;
                }
                i = end;
            }
        }
        return lines;
    }

    private static boolean isWordChar(char c) {
        return c < 0x2000 && c != ' ';
    }

    /** The width of a column that holds a line {@code textUnits} wide in one line. */
    static double column(double textUnits) {
        return textUnits + CELL_PADDING + KINSOKU;
    }

    /** The height of a row of {@code lines} lines of {@code points} text, in points. */
    static float height(int lines, double points) {
        return (float) (lines * points * 1.3 + 3);
    }
}
