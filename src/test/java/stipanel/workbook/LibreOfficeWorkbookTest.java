package stipanel.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFGraphicFrame;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import stipanel.testing.ExternalTool;
import stipanel.testing.PdfPages;
import stipanel.testing.PipelineRun;

/**
 * Opens the workbook as the city would, with LibreOffice headless: prints it to PDF and reads the pages back with
 * poppler (what each page holds, how large its text is, whether text is cut or drawn over text), and saves every sheet
 * as CSV, once with the values and once as shown, to read back what LibreOffice computed and displayed. .ci/run
 * installs LibreOffice and poppler; without them the test fails under CI and is skipped, loudly, elsewhere.
 */
class LibreOfficeWorkbookTest {

    static final List<String> SHEETS = List.of("指标面板", "各县对比", "趋势", "数据质量", "指标说明");

    @TempDir
    static Path root;

    static PipelineRun run;
    static Path converted;
    static PdfPages pdf;
    /** The pages of each sheet, in order, by the sheet's name in the page footer. */
    static Map<String, List<PdfPages.Page>> pagesOf;

    @BeforeAll
    static void runAndConvert() throws Exception {
        Path soffice = ExternalTool.require("soffice", "libreoffice-calc-nogui fonts-wqy-zenhei");
        // given every sample source and rows that look like formulas
        run = WorkbookFixture.shared();
        converted = Files.createDirectories(root.resolve("converted"));
        Files.copy(run.out.resolve(WorkbookFixture.WORKBOOK), converted.resolve("panel.xlsx"));
        // when LibreOffice prints it to PDF and saves each sheet as CSV (UTF-8), with its values and as shown
        String profile = root.resolve("lo-profile").toUri().toString();
        convert(soffice, profile, "pdf", "panel.xlsx");
        convert(soffice, profile, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                "panel.xlsx");
        Files.copy(converted.resolve("panel.xlsx"), converted.resolve("shown.xlsx"));
        convert(soffice, profile, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
                "shown.xlsx");
        pdf = PdfPages.read(converted.resolve("panel.pdf"));
        pagesOf = new LinkedHashMap<>();
        for (PdfPages.Page page : pdf.pages()) {
            String sheet = SHEETS.stream().filter(s -> page.compact().contains(s + "第")).findFirst()
                    .orElseThrow(() -> new AssertionError("page " + page.number() + " names no sheet in its footer"));
            pagesOf.computeIfAbsent(sheet, k -> new ArrayList<>()).add(page);
        }
    }

    private static void convert(Path soffice, String profile, String filter, String file) {
        ExternalTool.run(180, soffice.toString(), "-env:UserInstallation=" + profile, "--headless", "--norestore",
                "--convert-to", filter, "--outdir", converted.toString(), converted.resolve(file).toString());
    }

    private static List<CSVRecord> sheet(String file, String name) throws IOException {
        Path csv = converted.resolve(file + "-" + name + ".csv");
        assertThat(csv).as("LibreOffice's CSV of sheet " + name).isRegularFile();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.parse(in).getRecords();
        }
    }

    @Test
    void everyPageIsA4LandscapeAndTheSheetsPrintInOrderOnTheirPages() {
        // then
        assertThat(pdf.pages()).allSatisfy(p -> {
            assertThat(p.width()).as("page " + p.number() + " width").isCloseTo(841.9, within(1.0));
            assertThat(p.height()).as("page " + p.number() + " height").isCloseTo(595.3, within(1.0));
        });
        assertThat(pagesOf.keySet()).containsExactlyElementsOf(SHEETS);
        // 20 targets and 25 indicators: a page holds at least 8 rows of each table
        assertThat(pagesOf.get("指标面板")).hasSizeBetween(2, 3);
        assertThat(pagesOf.get("各县对比")).hasSizeBetween(1, 2);
        // two bands (a table and its chart) a page: every target with a value, and the index
        long bands = (Long) run.value("select count(distinct indicator_code) from indicator_panel"
                + " where region_code = '330922' and target_value is not null and value is not null") + 1;
        assertThat(pagesOf.get("趋势")).hasSize((int) (bands + 1) / 2);
    }

    @Test
    void theHeaderIsRepeatedOnEveryPage() {
        // then
        for (String sheet : List.of("指标面板", "各县对比", "数据质量", "指标说明")) {
            String lastHeader = switch (sheet) {
                case "指标面板" -> "规划条款与原文";
                case "各县对比" -> "舟山市";
                case "数据质量" -> "原始内容";
                default -> "规划条款与原文";
            };
            assertThat(pagesOf.get(sheet)).as(sheet).allSatisfy(p -> assertThat(p.compact()).contains("序号")
                    .contains(lastHeader));
        }
        assertThat(pagesOf.get("趋势")).allSatisfy(p -> assertThat(p.compact()).contains("嵊泗县科技创新主要指标趋势"));
    }

    @Test
    void noChartIsSplitAcrossPages() throws IOException {
        // given the charts' titles, each also the title cell of the table beside the chart, in the chart's first row
        List<String> titles = new ArrayList<>();
        try (InputStream in = Files.newInputStream(converted.resolve("panel.xlsx"));
             XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFDrawing drawing = wb.getSheet("趋势").getDrawingPatriarch();
            List<XSSFChart> charts = drawing.getCharts();
            List<XSSFGraphicFrame> frames = drawing.getShapes().stream().filter(XSSFGraphicFrame.class::isInstance)
                    .map(XSSFGraphicFrame.class::cast).toList();
            assertThat(frames).hasSameSizeAs(charts);
            charts.forEach(chart -> titles.add(chart.getTitleText().getString()));
            List<String> topRows = frames.stream().map(f -> wb.getSheet("趋势").getRow(f.getAnchor().getRow1())
                    .getCell(0).getStringCellValue()).toList();
            assertThat(topRows).containsExactlyInAnyOrderElementsOf(titles);
        }
        assertThat(titles).hasSizeGreaterThan(10);
        // then each title is on one page only, twice: the cell and the chart. A chart that crosses a page break is
        // drawn on both pages, its title with it.
        for (String title : titles) {
            List<Integer> on = new ArrayList<>();
            for (PdfPages.Page p : pagesOf.get("趋势")) {
                // 技能人才总量（人） is also inside 高技能人才总量（人）
                int n = p.count(title) - titles.stream().filter(t -> !t.equals(title) && t.contains(title))
                        .mapToInt(p::count).sum();
                for (int i = 0; i < n; i++) {
                    on.add(p.number());
                }
            }
            assertThat(on).as(title).hasSize(2).containsOnly(on.get(0));
        }
    }

    @Test
    void printedTextIsAtLeastNinePoints() {
        // then: the printed size of every CJK word (one em a character) on every page
        for (PdfPages.Page p : pdf.pages()) {
            List<Double> sizes = p.cjkFontSizes();
            assertThat(sizes).as("page " + p.number()).isNotEmpty();
            assertThat(sizes.stream().mapToDouble(Double::doubleValue).min().orElseThrow())
                    .as("smallest text on page " + p.number()).isGreaterThanOrEqualTo(8.95);
        }
    }

    @Test
    void noTextIsCutOffOrDrawnOverOtherText() throws IOException {
        // given every text the workbook holds, sheet by sheet
        Map<String, List<String>> texts = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(converted.resolve("panel.xlsx"));
             XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (Sheet sheet : wb) {
                List<String> list = texts.computeIfAbsent(sheet.getSheetName(), k -> new ArrayList<>());
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.STRING && !cell.getStringCellValue().isBlank()) {
                            list.add(cell.getStringCellValue());
                        }
                    }
                }
            }
        }
        // then every text is printed whole (a cell too narrow prints only what fits), no number prints as ###,
        // and no word is drawn over another (a row too low for its wrapped text lets it run into the next)
        for (Map.Entry<String, List<String>> sheet : texts.entrySet()) {
            String printed = String.join("", pagesOf.get(sheet.getKey()).stream().map(PdfPages.Page::compact).toList());
            assertThat(printed).as(sheet.getKey()).doesNotContain("###");
            for (String text : sheet.getValue()) {
                assertThat(printed).as(sheet.getKey() + ": " + text).contains(PdfPages.compact(text));
            }
        }
        for (PdfPages.Page p : pdf.pages()) {
            assertThat(p.overlappingWords()).as("page " + p.number()).isEmpty();
        }
    }

    @Test
    void aShownValueNeverReadsAsMeetingATargetOrExpectedValueItDoesNotMeet() throws IOException {
        // given the numbers of 指标面板 as LibreOffice shows them, and the warehouse's statuses
        WorkbookFixture.Panel panel = WorkbookFixture.panel(run);
        List<CSVRecord> rows = sheet("shown", "指标面板");
        List<String> header = header(rows);
        Map<String, CSVRecord> byCode = byCode(rows, panel);
        int latest = latest(panel);
        int compared = 0;
        // then
        for (Map.Entry<String, CSVRecord> e : byCode.entrySet()) {
            Object[] now = panel.byIndicator().get(e.getKey()).get(latest);
            String value = e.getValue().get(header.indexOf(latest + "年"));
            if (now[0] == null) {
                continue;
            }
            double shown = number(value);
            double target = number(e.getValue().get(header.indexOf("2027年目标")));
            if (!"achieved".equals(now[2])) {
                assertThat(shown).as(e.getKey() + " shown " + value + ", not achieved").isLessThan(target);
                compared++;
            }
            if ("behind".equals(now[2]) && now[1] != null) {
                assertThat(shown).as(e.getKey() + " shown " + value + ", behind")
                        .isLessThan(number(e.getValue().get(header.indexOf(latest + "年预期值"))));
            }
        }
        assertThat(compared).isGreaterThan(10);
        // the case that was wrong: 0.395 against a target of 0.4, on track
        assertThat(byCode.get("IND_RD_EXP").get(header.indexOf(latest + "年"))).isEqualTo("0.395");
        assertThat(byCode.get("IND_RD_EXP").get(header.indexOf("2027年目标"))).isEqualTo("0.400");
        assertThat(byCode.get("HTE_COUNT").get(header.indexOf("2023年"))).isEqualTo("4");
    }

    @Test
    void numbersLibreOfficeReadsEqualTheWarehouses() throws IOException {
        // given
        WorkbookFixture.Panel panel = WorkbookFixture.panel(run);
        List<CSVRecord> rows = sheet("panel", "指标面板");
        List<String> header = header(rows);
        int latest = latest(panel);
        // when
        Map<String, CSVRecord> byCode = byCode(rows, panel);
        // then
        assertThat(byCode.keySet()).isEqualTo(panel.targets().keySet());
        int compared = 0;
        for (Map.Entry<String, CSVRecord> e : byCode.entrySet()) {
            Map<Integer, Object[]> years = panel.byIndicator().get(e.getKey());
            for (int y = 2023; y <= latest; y++) {
                compared += same(e.getValue().get(header.indexOf(y + "年")), years.get(y)[0], e.getKey() + " " + y);
            }
            compared += same(e.getValue().get(header.indexOf("基期值（2022年）")), years.get(2022)[0], e.getKey());
            compared += same(e.getValue().get(header.indexOf("2027年目标")), panel.targets().get(e.getKey()), e.getKey());
            compared += same(e.getValue().get(header.indexOf(latest + "年预期值")), years.get(latest)[1], e.getKey());
            assertThat(e.getValue().get(header.indexOf(latest + "年状态")))
                    .isEqualTo(Status.of((String) years.get(latest)[2]).label);
        }
        assertThat(compared).as("numbers compared").isGreaterThan(50);
    }

    @Test
    void rejectedRowsStartingWithFormulaCharactersStayTextInLibreOffice() throws IOException {
        // when
        List<String> raw = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (CSVRecord r : sheet("panel", "数据质量")) {
            if (r.size() >= 8) {
                files.add(r.get(1));
                raw.add(r.get(7));
            }
        }
        // then: had any become a formula, LibreOffice would show its result (or Err:…) instead of the text
        assertThat(raw).containsAll(WorkbookFixture.FORMULA_ROWS);
        assertThat(files).contains(WorkbookFixture.FORMULA_FILE, WorkbookFixture.REFUSED_FILE);
        assertThat(Arrays.asList(Files.readString(converted.resolve("panel-数据质量.csv")).split("\n")))
                .noneMatch(line -> line.contains("Err:") || line.contains("#NAME?"));
    }

    /** The header row, with the line breaks of its cells taken out. */
    private static List<String> header(List<CSVRecord> rows) {
        return rows.get(Tables.HEADER_ROW).toList().stream().map(h -> h.replace("\n", "")).toList();
    }

    /** 指标面板's rows by indicator code (the sheet names indicators, the warehouse knows their codes). */
    private static Map<String, CSVRecord> byCode(List<CSVRecord> rows, WorkbookFixture.Panel panel) {
        Map<String, CSVRecord> byCode = new HashMap<>();
        for (CSVRecord r : rows.subList(Tables.FIRST_BODY_ROW, rows.size())) {
            if (r.size() > 2 && panel.codes().containsKey(r.get(1))) {
                byCode.put(panel.codes().get(r.get(1)), r);
            }
        }
        return byCode;
    }

    private static int latest(WorkbookFixture.Panel panel) {
        return panel.byIndicator().get("SKILLED").keySet().stream().max(Integer::compare).orElseThrow();
    }

    private static double number(String shown) {
        return Double.parseDouble(shown.replace(",", ""));
    }

    private static int same(String shown, Object expected, String what) {
        if (expected == null) {
            assertThat(shown).as(what).isEmpty();
            return 0;
        }
        double e = ((Number) expected).doubleValue();
        assertThat(Double.parseDouble(shown)).as(what).isCloseTo(e, within(Math.max(1e-9, Math.abs(e) * 1e-12)));
        return 1;
    }
}
