package stipanel.workbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The workbook the city receives: the indicator panel per region and year, Chinese names and units, numbers as
 * numeric cells (never text), a blank cell where a value is missing.
 */
public final class PanelWorkbook {

    static final String PANEL_SHEET = "指标面板";
    private static final String FONT = "SimSun";

    private PanelWorkbook() {
    }

    /** Writes the workbook into {@code outDir} (atomically: a reader never sees half a file) and returns its path. */
    public static Path write(Connection c, Path outDir, LocalDate asOf, LocalDate runDate) throws SQLException,
            IOException {
        Files.createDirectories(outDir);
        String date = (asOf != null ? asOf : runDate).toString();
        Path target = outDir.resolve(fileName(c, date));
        Path temp = Files.createTempFile(outDir, ".sti-panel-", ".xlsx.part");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(temp)) {
            writePanel(wb, c, asOf != null ? "截止" + date : "数据截至" + date);
            wb.write(out);
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    /** Named after the plan's region (or the city of the data) and the as-of date. */
    static String fileName(Connection c, String date) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("""
                select coalesce(
                    (select r.name from ref.plans p join ref.regions r on r.code = p.region_code order by p.plan_id limit 1),
                    (select min(r.name) from marts.panel_regions p join ref.regions r on r.code = p.region_code
                     where p.level = 'city'),
                    '科技创新')
                """)) {
            r.next();
            return r.getString(1) + "_科技创新指标面板_" + date + ".xlsx";
        }
    }

    private record PanelRow(String regionCode, String regionName, String level, String indicatorCode,
                            String indicatorName, String unit, Map<Integer, Double> values) {
    }

    private static void writePanel(XSSFWorkbook wb, Connection c, String period) throws SQLException {
        TreeSet<Integer> years = new TreeSet<>();
        Map<String, PanelRow> rows = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("""
                select region_code, region_name, region_level, indicator_code, coalesce(indicator_name, indicator_code),
                       unit, year, value
                from indicator_panel
                order by case region_level when 'county' then 0 else 1 end, region_code, indicator_code, year
                """)) {
            while (r.next()) {
                String key = r.getString(1) + "/" + r.getString(4);
                PanelRow row = rows.computeIfAbsent(key, k -> {
                    try {
                        return new PanelRow(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                                r.getString(5), r.getString(6), new LinkedHashMap<>());
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                years.add(r.getInt(7));
                double v = r.getDouble(8);
                if (!r.wasNull()) {
                    row.values().put(r.getInt(7), v);
                }
            }
        }
        Styles st = new Styles(wb);
        Sheet sheet = wb.createSheet(PANEL_SHEET);
        String span = years.isEmpty() ? "" : "（" + years.first() + "—" + years.last() + "年）";
        title(sheet, st, "科技创新指标面板" + span, period);
        List<String> header = new ArrayList<>(List.of("地区", "地区代码", "指标", "指标代码", "计量单位"));
        years.forEach(y -> header.add(y + "年"));
        Row h = sheet.createRow(2);
        for (int i = 0; i < header.size(); i++) {
            Cell cell = h.createCell(i);
            cell.setCellValue(header.get(i));
            cell.setCellStyle(st.header);
        }
        int r = 3;
        for (PanelRow row : rows.values()) {
            Row x = sheet.createRow(r++);
            text(x, 0, row.regionName(), st.text);
            text(x, 1, row.regionCode(), st.text);
            text(x, 2, row.indicatorName(), st.text);
            text(x, 3, row.indicatorCode(), st.text);
            text(x, 4, row.unit(), st.text);
            int col = 5;
            for (int year : years) {
                Cell cell = x.createCell(col++);
                cell.setCellStyle(st.number);
                Double v = row.values().get(year);
                if (v != null) {
                    cell.setCellValue(v);
                }
            }
        }
        notes(sheet, st, r + 1, List.of(
                "资料来源：县统计局、县科技局、县知识产权局、市场监管局交付数据，经 sti-panel 汇总计算。",
                "注：空白表示输入数据缺失（不以0代替），原因见数据仓库 indicator_panel.null_reason；市级比率为所辖县之和之比。"));
        int[] widths = {12, 10, 36, 24, 8};
        for (int i = 0; i < header.size(); i++) {
            sheet.setColumnWidth(i, (i < widths.length ? widths[i] : 12) * 256);
        }
        sheet.createFreezePane(5, 3);
        if (!rows.isEmpty()) {
            sheet.setAutoFilter(new CellRangeAddress(2, r - 1, 0, header.size() - 1));
        }
    }

    static void title(Sheet sheet, Styles st, String title, String subtitle) {
        Row t = sheet.createRow(0);
        t.setHeightInPoints(24);
        text(t, 0, title, st.title);
        text(sheet.createRow(1), 0, subtitle, st.text);
    }

    static void notes(Sheet sheet, Styles st, int firstRow, List<String> notes) {
        int r = firstRow;
        for (String note : notes) {
            text(sheet.createRow(r++), 0, note, st.note);
        }
    }

    /** Delivered and computed text goes in as a string cell, never as a formula. */
    static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value == null ? "" : value);
        cell.setCellStyle(style);
    }

    static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle text;
        final CellStyle number;
        final CellStyle note;

        Styles(XSSFWorkbook wb) {
            Font base = wb.createFont();
            base.setFontName(FONT);
            base.setFontHeightInPoints((short) 10);
            Font bold = wb.createFont();
            bold.setFontName(FONT);
            bold.setBold(true);
            bold.setFontHeightInPoints((short) 10);
            Font big = wb.createFont();
            big.setFontName(FONT);
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title = wb.createCellStyle();
            title.setFont(big);
            header = wb.createCellStyle();
            header.setFont(bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setBorderBottom(BorderStyle.THIN);
            header.setBorderTop(BorderStyle.THIN);
            text = wb.createCellStyle();
            text.setFont(base);
            number = wb.createCellStyle();
            number.setFont(base);
            number.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
            note = wb.createCellStyle();
            note.setFont(base);
        }
    }
}
