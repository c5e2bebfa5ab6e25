package stipanel.workbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.Units;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.PresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFPresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.DisplayBlanks;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartLegend;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import stipanel.workbook.Tables.Width;

/**
 * 趋势: for every plan target with a value, a band: a small table (年份, 实际值, 规划进度, 目标值) from the base year to
 * the target year and a line chart of it beside the table (POI XDDF); then the unofficial index of the city's
 * counties. Printed, the title repeats on every page and a page holds whole bands: a page break goes between two
 * bands, never through a chart.
 */
final class TrendSheet {

    static final String NAME = "趋势";
    /** The rows a chart spans; two bands of this height fit on an A4 landscape page under the repeated title. */
    static final int CHART_ROWS = 11;
    static final int CHART_FIRST_COLUMN = 5;
    static final int CHART_COLUMNS = 10;

    private TrendSheet() {
    }

    static void write(XSSFWorkbook wb, Styles st, WorkbookData d) {
        XSSFSheet sheet = wb.createSheet(NAME);
        sheet.setDefaultRowHeightInPoints(Layout.height(1, 10));
        WorkbookData.Plan plan = d.plan();
        int lastYear = Math.max(plan.targetYear(), d.latestYear());
        List<Integer> years = new ArrayList<>();
        for (int y = plan.baseYear(); y <= lastYear; y++) {
            years.add(y);
        }
        int columns = Math.max(CHART_FIRST_COLUMN, indexCounties(d).size() + 2) + CHART_COLUMNS;
        Tables.heading(sheet, st, plan.regionName() + "科技创新主要指标趋势（" + plan.baseYear() + "—" + lastYear + "年）",
                "地区：" + plan.regionName() + "（" + plan.regionCode() + "）　实际值对照规划进度与" + plan.targetYear()
                        + "年目标　" + d.dateLabel(), null, columns);
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        List<int[]> bands = new ArrayList<>();
        int r = Tables.HEADER_ROW;
        for (WorkbookData.Target t : d.targets()) {
            if (t.byYear().values().stream().allMatch(p -> p.value() == null)) {
                continue;
            }
            Precision precision = Precision.of(t);
            String title = t.name() + "（" + t.unit() + "）";
            bandTitle(sheet, st, r, title, 4);
            Row h = sheet.createRow(r + 1);
            List<String> names = List.of("年份", "实际值", "规划进度", "目标值");
            for (int i = 0; i < names.size(); i++) {
                Tables.text(h, i, names.get(i), st.header);
            }
            int first = r + 2;
            for (int i = 0; i < years.size(); i++) {
                int y = years.get(i);
                WorkbookData.Point p = t.at(y);
                Row row = sheet.createRow(first + i);
                Tables.number(row, 0, (double) y, st.number("0"));
                Tables.number(row, 1, p.value(), st.number(Precision.format(precision.values())));
                Tables.number(row, 2, t.trajectory(y, plan), st.number(Precision.format(precision.expected())));
                Tables.number(row, 3, t.threshold(), st.number(Precision.format(precision.target())));
            }
            int last = first + years.size() - 1;
            chart(drawing, sheet, title, r, first, last, List.of("实际值", "规划进度", plan.targetYear() + "年目标"),
                    List.of(1, 2, 3), CHART_FIRST_COLUMN);
            int rows = Math.max(years.size() + 2, CHART_ROWS);
            bands.add(new int[] {r, r + rows - 1});
            r += rows + 1;
        }
        int[] index = stiIndex(sheet, st, drawing, d, r);
        if (index != null) {
            bands.add(index);
            r = index[1] + 2;
        }
        Tables.notes(sheet, st, r - 2, List.of(
                "资料来源：数据仓库视图 indicator_panel（实际值、规划进度）与 sti_index（科技创新指数）。",
                "注：规划进度即预期值：基期值＋（目标值－基期值）×（年份－" + plan.baseYear() + "）÷"
                        + (plan.targetYear() - plan.baseYear()) + "，累计指标自0起算；空白为数据缺失或尚未到年份。"),
                columns);
        Width[] widths = new Width[columns];
        for (int c = 0; c < columns; c++) {
            widths[c] = c == 0 ? Width.fit() : c < 4 ? Width.atLeast(8) : c == 4 ? new Width(2, 12, false)
                    : Width.atLeast(7);
        }
        Tables.fitRows(sheet, Tables.fitColumns(sheet, widths));
        breakBetweenBands(sheet, bands);
        sheet.createFreezePane(0, Tables.HEADER_ROW);
        Tables.print(sheet, Tables.TITLE_ROW, Tables.SUBTITLE_ROW);
    }

    /** A band's title across its table's columns, wrapped. */
    private static void bandTitle(XSSFSheet sheet, Styles st, int row, String title, int columns) {
        Row t = sheet.createRow(row);
        for (int c = 0; c < columns; c++) {
            Tables.text(t, c, c == 0 ? title : "", st.header);
        }
        sheet.addMergedRegion(new CellRangeAddress(row, row, 0, columns - 1));
    }

    /**
     * Puts a manual page break before every band that would not end on the page it starts on, counting the rows'
     * heights in points against the page's height under the repeated title. Fitting the sheet to the page's width
     * can only shrink it, so a band that fits at 100 % fits as printed.
     */
    private static void breakBetweenBands(XSSFSheet sheet, List<int[]> bands) {
        double repeated = height(sheet, Tables.TITLE_ROW) + height(sheet, Tables.SUBTITLE_ROW);
        double capacity = Layout.PAGE_HEIGHT_POINTS - repeated;
        double used = 0;
        for (int[] band : bands) {
            double h = 0;
            for (int r = band[0]; r <= band[1] + 1; r++) {
                h += height(sheet, r);
            }
            if (used > 0 && used + h > capacity) {
                sheet.setRowBreak(band[0] - 1);
                used = 0;
            }
            used += h;
        }
    }

    private static double height(XSSFSheet sheet, int r) {
        Row row = sheet.getRow(r);
        return row == null ? sheet.getDefaultRowHeightInPoints() : row.getHeightInPoints();
    }

    private static List<WorkbookData.Region> indexCounties(WorkbookData d) {
        return d.comparisonRegions().stream()
                .filter(x -> "county".equals(x.level()) && d.stiIndex().containsKey(x.code())).toList();
    }

    /** The index band: a table of the counties' index by year and its chart beside it. Returns its rows, or null. */
    private static int[] stiIndex(XSSFSheet sheet, Styles st, XSSFDrawing drawing, WorkbookData d, int r) {
        List<WorkbookData.Region> counties = indexCounties(d);
        if (counties.isEmpty() || d.years().isEmpty()) {
            return null;
        }
        String title = ComparisonSheet.STI_INDEX_NAME;
        bandTitle(sheet, st, r, title, counties.size() + 1);
        Row h = sheet.createRow(r + 1);
        Tables.text(h, 0, "年份", st.header);
        for (int i = 0; i < counties.size(); i++) {
            Tables.text(h, 1 + i, counties.get(i).name(), st.header);
        }
        int first = r + 2;
        for (int i = 0; i < d.years().size(); i++) {
            int y = d.years().get(i);
            Row row = sheet.createRow(first + i);
            Tables.number(row, 0, (double) y, st.number("0"));
            for (int k = 0; k < counties.size(); k++) {
                Map<Integer, Double> index = d.stiIndex().get(counties.get(k).code());
                Tables.number(row, 1 + k, index.get(y), st.number("0.0"));
            }
        }
        int last = first + d.years().size() - 1;
        List<Integer> columns = new ArrayList<>();
        for (int k = 0; k < counties.size(); k++) {
            columns.add(1 + k);
        }
        int chartColumn = Math.max(CHART_FIRST_COLUMN, counties.size() + 2);
        chart(drawing, sheet, title, r, first, last, counties.stream().map(WorkbookData.Region::name).toList(),
                columns, chartColumn);
        return new int[] {r, r + Math.max(d.years().size() + 2, CHART_ROWS) - 1};
    }

    static void chart(XSSFDrawing drawing, XSSFSheet sheet, String title, int top, int first, int last,
                      List<String> names, List<Integer> columns, int firstColumn) {
        // A chart whose edge lies on a page break is drawn on both pages: it starts a little below its first row.
        XSSFClientAnchor anchor = drawing.createAnchor(0, 3 * Units.EMU_PER_POINT, 0, 0, firstColumn, top,
                firstColumn + CHART_COLUMNS, top + CHART_ROWS);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(title);
        chart.getTitle().getBody().getParagraph(0).getTextRuns().forEach(run -> {
            run.setFontSize(11.0);
            run.setBold(false);
        });
        chart.setTitleOverlay(false);
        chart.displayBlanksAs(DisplayBlanks.GAP);
        XDDFChartLegend legend = chart.getOrAddLegend();
        legend.setPosition(LegendPosition.BOTTOM);
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
        x.setTitle("年份");
        XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
        y.setCrosses(AxisCrosses.AUTO_ZERO);
        XDDFDataSource<Double> categories = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                new CellRangeAddress(first, last, 0, 0));
        XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, x, y);
        data.setVaryColors(false);
        PresetColor[] colors = {PresetColor.ROYAL_BLUE, PresetColor.DARK_ORANGE, PresetColor.FIREBRICK,
                PresetColor.SEA_GREEN, PresetColor.DARK_VIOLET, PresetColor.GRAY};
        boolean planChart = names.size() == 3 && columns.equals(List.of(1, 2, 3));
        for (int i = 0; i < columns.size(); i++) {
            int column = columns.get(i);
            XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                    new CellRangeAddress(first, last, column, column));
            XDDFLineChartData.Series series = (XDDFLineChartData.Series) data.addSeries(categories, values);
            series.setTitle(names.get(i), null);
            series.setSmooth(false);
            XDDFLineProperties line = new XDDFLineProperties();
            line.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(colors[i % colors.length])));
            line.setWidth(planChart && i == 0 ? 2.25 : 1.5);
            if (planChart && i > 0) {
                line.setPresetDash(new XDDFPresetLineDash(i == 1 ? PresetLineDash.DASH : PresetLineDash.SYSTEM_DOT));
                series.setMarkerStyle(MarkerStyle.NONE);
            } else {
                series.setMarkerStyle(MarkerStyle.CIRCLE);
            }
            XDDFShapeProperties shape = new XDDFShapeProperties();
            shape.setLineProperties(line);
            series.setShapeProperties(shape);
        }
        chart.plot(data);
    }
}
