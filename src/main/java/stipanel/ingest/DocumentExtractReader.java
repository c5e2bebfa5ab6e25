package stipanel.ingest;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDecimalNumber;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTrPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * A delivered Word document (.docx), as certification lists are published as announcement attachments (docs/sources.md
 * "Formats"): every table of the document body is a sheet, named 表格1, 表格2 … in document order, and the non-empty
 * paragraphs above it, since the previous table (at most the {@value #MAX_TITLES} nearest), are its title rows, so
 * that {@code 2024年度浙江省科技型中小企业拟入库名单} gives its year, category and proposed status as a workbook's title
 * row does. Merged cells stand in every grid column and row they cover, as in {@link WorkbookExtractReader}: a cell
 * spanning two columns (gridSpan, or the older hMerge) or continuing the cell above (vMerge) never shifts the columns
 * to its right. Tables nested in a cell, and those in headers and footers, are not read.
 */
public final class DocumentExtractReader implements ExtractFormat.ExtractReader {

    /** How many paragraphs above a table are its titles: a table's title stands just above it, not pages earlier. */
    static final int MAX_TITLES = 10;

    private final XWPFDocument document;

    private DocumentExtractReader(XWPFDocument document) {
        this.document = document;
    }

    public static DocumentExtractReader open(Path file) throws IOException {
        // The same bounds as a workbook's (a zip bomb is refused before it fills the memory).
        WorkbookExtractReader.checkExpandedSize(file);
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (InvalidFormatException e) {
            throw new IOException(e.getMessage(), e);
        }
        try {
            return new DocumentExtractReader(new XWPFDocument(pkg));
        } catch (IOException | RuntimeException e) {
            pkg.revert();
            throw e;
        }
    }

    @Override
    public List<SheetSource> sheets() {
        List<SheetSource> sheets = new ArrayList<>();
        Deque<String> above = new ArrayDeque<>();
        for (IBodyElement element : document.getBodyElements()) {
            if (element instanceof XWPFParagraph paragraph) {
                String text = paragraph.getText().strip();
                if (!text.isEmpty()) {
                    above.addLast(text);
                    if (above.size() > MAX_TITLES) {
                        above.removeFirst();
                    }
                }
            } else if (element instanceof XWPFTable table) {
                sheets.add(new DocumentTable("表格" + (sheets.size() + 1), List.copyOf(above), Grid.of(table)));
                above.clear();
            }
        }
        return sheets;
    }

    @Override
    public String description() {
        return "docx";
    }

    @Override
    public void close() throws IOException {
        // Opened read-only: reverting closes the package without writing to the delivered file.
        document.getPackage().revert();
    }

    /**
     * A table as a grid: each cell's text in every grid column (and, continued, every row) it covers; {@code continued}
     * holds, per row, the grid columns whose cell continues the one above (vMerge).
     */
    record Grid(List<List<String>> rows, List<Set<Integer>> continued) {

        static Grid of(XWPFTable table) {
            List<List<String>> rows = new ArrayList<>();
            List<Set<Integer>> continued = new ArrayList<>();
            List<String> above = List.of();
            for (XWPFTableRow row : table.getRows()) {
                List<String> cells = new ArrayList<>();
                Set<Integer> down = new HashSet<>();
                for (int i = 0; i < gridBefore(row); i++) {
                    cells.add("");
                }
                for (XWPFTableCell cell : row.getTableCells()) {
                    CTTcPr pr = cell.getCTTc().getTcPr();
                    boolean vertical = pr != null && pr.isSetVMerge() && pr.getVMerge().getVal() != STMerge.RESTART;
                    String text;
                    if (vertical) {
                        // A continuation (vMerge without val, or val="continue") repeats the cell above it.
                        text = cells.size() < above.size() ? above.get(cells.size()) : "";
                    } else if (pr != null && pr.isSetHMerge() && pr.getHMerge().getVal() != STMerge.RESTART
                            && !cells.isEmpty()) {
                        text = cells.get(cells.size() - 1);
                    } else {
                        text = text(cell);
                    }
                    int span = pr != null && pr.isSetGridSpan() ? Math.max(1, Math.min(positive(pr.getGridSpan()), 1000))
                            : 1;
                    for (int i = 0; i < span; i++) {
                        if (vertical) {
                            down.add(cells.size());
                        }
                        cells.add(text);
                    }
                }
                rows.add(cells);
                continued.add(down);
                above = cells;
            }
            return new Grid(rows, continued);
        }

        /** 1 + how many rows below row {@code index} continue a cell that starts in it. */
        int depth(int index) {
            if (index < 0 || index >= rows.size()) {
                return 1;
            }
            int depth = 1;
            for (int c = 0; c < rows.get(index).size(); c++) {
                if (continued.get(index).contains(c)) {
                    continue;
                }
                int r = index + 1;
                while (r < rows.size() && continued.get(r).contains(c)) {
                    r++;
                }
                depth = Math.max(depth, r - index);
            }
            return depth;
        }
    }

    /** A cell's paragraphs, one a line (as a line break in an Excel cell). */
    private static String text(XWPFTableCell cell) {
        return cell.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n")).strip();
    }

    private static int gridBefore(XWPFTableRow row) {
        CTTrPr pr = row.getCtRow().getTrPr();
        if (pr == null || pr.sizeOfGridBeforeArray() == 0) {
            return 0;
        }
        return Math.min(positive(pr.getGridBeforeArray(0)), 1000);
    }

    private static int positive(CTDecimalNumber number) {
        BigInteger value = number == null ? null : number.getVal();
        return value == null || value.signum() <= 0 || value.bitLength() > 31 ? 0 : value.intValue();
    }

    private static final class DocumentTable implements SheetSource {

        private final String name;
        private final List<String> titles;
        private final Grid grid;

        DocumentTable(String name, List<String> titles, Grid grid) {
            this.name = name;
            this.titles = titles;
            this.grid = grid;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String place() {
            return "表格“" + name + "”";
        }

        @Override
        public List<String> titles() {
            return titles;
        }

        @Override
        public int headerDepth(int rowNumber) {
            return grid.depth(rowNumber - 1);
        }

        @Override
        public Iterator<RawRow> rows() {
            Iterator<List<String>> rows = grid.rows().iterator();
            return new Iterator<>() {
                private int number;

                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public RawRow next() {
                    return new RawRow(++number, rows.next());
                }
            };
        }
    }
}
