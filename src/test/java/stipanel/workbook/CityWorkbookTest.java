package stipanel.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import stipanel.testing.PipelineRun;

/** The workbook as POI reads it back: its layout, its numbers against the warehouse's, its text never a formula. */
class CityWorkbookTest {


    static PipelineRun run;
    static XSSFWorkbook wb;

    @BeforeAll
    static void runAndOpen() throws Exception {
        // given every sample source and rows that look like formulas; when the nightly run writes the workbook
        run = WorkbookFixture.shared();
        try (InputStream in = Files.newInputStream(run.out.resolve(WorkbookFixture.WORKBOOK))) {
            wb = new XSSFWorkbook(in);
        }
    }

    @AfterAll
    static void close() throws Exception {
        wb.close();
    }

    @Test
    void workbookHasTheFiveSheetsInOrder() {
        // then
        List<String> names = new ArrayList<>();
        wb.forEach(s -> names.add(s.getSheetName()));
        assertThat(names).containsExactly("指标面板", "各县对比", "趋势", "数据质量", "指标说明");
    }

    @Test
    void panelSheetHasOneRowPerPlanTargetWithTheWarehousesNumbers() {
        // given
        WorkbookFixture.Panel panel = WorkbookFixture.panel(run);
        Sheet sheet = wb.getSheet("指标面板");
        List<String> header = texts(sheet.getRow(Tables.HEADER_ROW)).stream().map(h -> h.replace("\n", "")).toList();
        int latest = panel.byIndicator().get("SKILLED").keySet().stream().max(Integer::compare).orElseThrow();
        // when
        Map<String, Row> rows = new HashMap<>();
        rowsByCode(sheet, 1).forEach((name, row) -> rows.put(panel.codes().get(name), row));
        // then
        assertThat(rows.keySet()).isEqualTo(panel.targets().keySet());
        for (Map.Entry<String, Row> e : rows.entrySet()) {
            Map<Integer, Object[]> years = e.getValue() == null ? Map.of() : panel.byIndicator().get(e.getKey());
            Row row = e.getValue();
            assertNumber(row, header.indexOf("基期值（2022年）"), years.get(2022)[0], e.getKey() + " base");
            for (int y = 2023; y <= latest; y++) {
                assertNumber(row, header.indexOf(y + "年"), years.get(y)[0], e.getKey() + " " + y);
            }
            assertNumber(row, header.indexOf("2027年目标"), panel.targets().get(e.getKey()), e.getKey() + " target");
            assertNumber(row, header.indexOf(latest + "年预期值"), years.get(latest)[1], e.getKey() + " expected");
            String status = row.getCell(header.indexOf(latest + "年状态")).getStringCellValue();
            assertThat(status).as(e.getKey()).isEqualTo(Status.of((String) years.get(latest)[2]).label);
        }
    }

    @Test
    void aStatusThatCannotBeJudgedAgainstAnExpectedValueSaysWhy() {
        // given 规上工业企业研发机构覆盖率: no roster in the base year 2022 (so no expected value) nor in 2025
        Sheet sheet = wb.getSheet("指标面板");
        List<String> header = texts(sheet.getRow(Tables.HEADER_ROW));
        // when
        Row row = rowsByCode(sheet, 1).get("规上工业企业研发机构覆盖率");
        // then
        assertThat(row.getCell(header.indexOf("状态说明")).getStringCellValue())
                .startsWith("2023、2024年基期（2022年）无数据，没有预期值；2025年无数据：");
        assertThat(rowsByCode(sheet, 1).get("技能人才总量").getCell(header.indexOf("状态说明")).getStringCellValue())
                .isEmpty();
    }

    @Test
    void tablesHaveTitleFrozenHeaderFiltersExplicitWidthsAndACjkFont() {
        for (String name : List.of("指标面板", "各县对比", "数据质量", "指标说明")) {
            // given
            XSSFSheet sheet = wb.getSheet(name);
            // then
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).as(name).isEqualTo((short) 3);
            assertThat(sheet.getCTWorksheet().isSetAutoFilter()).as(name).isTrue();
            assertThat(sheet.getColumnWidth(1)).as(name).isGreaterThan(12 * 256);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).as(name).isNotBlank();
            assertThat(wb.getFontAt(sheet.getRow(Tables.HEADER_ROW).getCell(0).getCellStyle().getFontIndex())
                    .getFontName()).isEqualTo("宋体");
        }
        Object latest = run.value("select max(year) from marts.panel_years");
        assertThat(wb.getSheet("指标面板").getRow(0).getCell(0).getStringCellValue())
                .isEqualTo("嵊泗县科技创新体系建设主要指标监测表（2022—" + latest + "年）");
        assertThat(texts(wb.getSheet("指标面板"))).anyMatch(t -> t.startsWith("资料来源："))
                .anyMatch(t -> t.startsWith("注：")).anyMatch(t -> t.startsWith("计量单位"));
    }

    @Test
    void comparisonSheetPutsTheCountiesAndTheCitySideBySide() {
        // given
        Sheet sheet = wb.getSheet("各县对比");
        // then
        assertThat(texts(sheet.getRow(Tables.HEADER_ROW)))
                .containsExactly("序号", "指标", "指标代码", "计量单位", "定海区", "普陀区", "岱山县", "嵊泗县", "舟山市");
        Row ratio = rowsByCode(sheet, 2).get("RD_INTENSITY");
        Object city = run.value("select value from indicator_panel where region_code = '330900'"
                + " and indicator_code = 'RD_INTENSITY' and year = (select max(year) from marts.panel_years)");
        assertNumber(ratio, 8, city, "RD_INTENSITY 舟山市");
        assertThat(rowsByCode(sheet, 2)).containsKey("STI_INDEX");
    }

    @Test
    void trendSheetHasAChartPerTargetWithValuesAndTheIndex() {
        // given
        long withValues = (Long) run.value("select count(distinct indicator_code) from indicator_panel"
                + " where region_code = '330922' and target_value is not null and value is not null");
        // when
        int charts = wb.getSheet("趋势").getDrawingPatriarch().getCharts().size();
        // then
        assertThat(charts).isEqualTo(withValues + 1);
    }

    @Test
    void rejectedRowsThatLookLikeFormulasAreWrittenAsText() {
        // given
        Sheet sheet = wb.getSheet("数据质量");
        // when
        Map<String, Cell> cells = new HashMap<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING) {
                    cells.put(cell.getStringCellValue(), cell);
                }
            }
        }
        // then
        assertThat(cells).containsKeys(WorkbookFixture.FORMULA_ROWS.toArray(String[]::new));
        assertThat(cells).containsKeys(WorkbookFixture.FORMULA_FILE, WorkbookFixture.REFUSED_FILE);
        assertThat(cells.get("=1+2,330922,嵊泗县,技能人才总量,1,人,最终核实,2025-03-01").getCellStyle().getQuotePrefixed()).isTrue();
    }

    @Test
    void aFileRejectedManyTimesForOneReasonShowsAHundredRowsAndCountsTheRest() {
        // given
        Sheet sheet = wb.getSheet("数据质量");
        // when: that file's lines as 文件状态 | 行号 | 原因代码, and every text of the sheet
        List<String> lines = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING) {
                    texts.add(cell.getStringCellValue());
                }
            }
            if (row.getRowNum() >= Tables.FIRST_BODY_ROW && row.getCell(1) != null
                    && WorkbookFixture.MANY_REJECTED_FILE.equals(row.getCell(1).getStringCellValue())) {
                Cell number = row.getCell(4);
                String rowNumber = number == null || number.getCellType() == CellType.BLANK ? ""
                        : String.valueOf((int) number.getNumericCellValue());
                lines.add(row.getCell(2).getStringCellValue() + " | " + rowNumber + " | "
                        + row.getCell(5).getStringCellValue());
            }
        }
        // then: rows 2..101 of the 103 without a year, both rows of the unknown code, then the 3 others counted
        assertThat(lines).hasSize(103);
        assertThat(lines.get(0)).isEqualTo("行被拒绝 | 2 | year_invalid");
        assertThat(lines.get(99)).isEqualTo("行被拒绝 | 101 | year_invalid");
        assertThat(lines.subList(100, 103)).containsExactly("行被拒绝 | 105 | region_code_unknown",
                "行被拒绝 | 106 | region_code_unknown", "未列出 |  | year_invalid");
        assertThat(texts).contains("该文件另有 3 行因此原因被拒绝，本表只列出前 100 行");
        assertThat(texts).anyMatch(t -> t.contains("3. 同一文件因同一原因被拒绝的行超过 100 行时，本表列出前 100 行"));
    }

    @Test
    void noCellInTheWorkbookIsAFormula() {
        // then
        for (Sheet sheet : wb) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).as(sheet.getSheetName() + "!" + cell.getAddress())
                            .isNotEqualTo(CellType.FORMULA);
                }
            }
        }
    }

    @Test
    void definitionsSheetExplainsEveryIndicatorAndTheUnofficialIndex() {
        // given
        Sheet sheet = wb.getSheet("指标说明");
        // when
        Map<String, Row> rows = rowsByCode(sheet, 1);
        // then
        List<List<Object>> catalogue = run.rows("select code from ref.indicators");
        assertThat(rows).containsKeys(catalogue.stream().map(r -> (String) r.get(0)).toArray(String[]::new));
        assertThat(rows.get("STI_INDEX").getCell(2).getStringCellValue()).contains("非官方");
        assertThat(texts(sheet)).anyMatch(t -> t.contains("min–max") && t.contains("60＋40×"));
    }

    private static void assertNumber(Row row, int column, Object expected, String what) {
        Cell cell = row.getCell(column);
        if (expected == null) {
            assertThat(cell == null || cell.getCellType() == CellType.BLANK).as(what).isTrue();
        } else {
            assertThat(cell.getCellType()).as(what).isEqualTo(CellType.NUMERIC);
            assertThat(cell.getNumericCellValue()).as(what).isCloseTo(((Number) expected).doubleValue(), within(1e-12));
        }
    }

    static Map<String, Row> rowsByCode(Sheet sheet, int codeColumn) {
        Map<String, Row> rows = new HashMap<>();
        for (int r = Tables.FIRST_BODY_ROW; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null || row.getCell(codeColumn) == null) {
                break;
            }
            rows.put(row.getCell(codeColumn).getStringCellValue(), row);
        }
        return rows;
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        row.forEach(c -> texts.add(c.getStringCellValue()));
        return texts;
    }

    private static List<String> texts(Sheet sheet) {
        List<String> texts = new ArrayList<>();
        sheet.forEach(r -> r.forEach(c -> {
            if (c.getCellType() == CellType.STRING) {
                texts.add(c.getStringCellValue());
            }
        }));
        return texts;
    }
}
