package stipanel.patents;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes {@code data-samples/patents/2025年二季度专利导出.xlsx}, the workbook delivery of the patent samples, as the
 * patent office's search system exports it: a title row, full-width brackets in the header, Excel date cells, the
 * pledge in 元, a notes row and a second sheet that is no extract. Run it to regenerate the committed file:
 * {@code java -cp "$(cat target/classpath)" src/test/java/stipanel/patents/PatentSampleWorkbook.java}.
 */
public final class PatentSampleWorkbook {

    static final String[] HEADER = {"申请号", "专利类型", "申请日", "授权公告日", "名称", "主分类号", "申请（专利权）人",
            "专利权人统一社会信用代码", "地区代码", "法律状态", "失效日期", "海外同族", "质押融资金额（元）", "获奖情况", "数据截止日期"};

    // 申请号, 类型, 申请日, 授权公告日, 名称, 主分类号, 申请人, USCC, 地区代码, 法律状态, 失效日期, 海外同族, 质押（元）, 获奖, 截止
    static final Object[][] ROWS = {
            {"202310789012.6", "发明", d("2023-03-03"), d("2025-03-18"), "一种海洋乳酸菌菌株及其应用", "C12N 1/20",
                    "嵊泗贻贝生物科技有限公司", "91330922MA29X2R65P", 330922, "有效", null, "否", null, null, d("2025-06-30")},
            {"202310789013.0", "发明", d("2023-05-05"), null, "一种手工编织渔网的改进方法", "D04G 1/00",
                    "陈海生", null, null, "审中", null, "否", null, null, d("2025-06-30")},
            {"201610777888.9", "发明", d("2016-06-16"), d("2019-06-18"), "一种船舶电力推进系统的控制方法", "B63H 21/17",
                    "岱山县船用电池有限公司", "91330921MA2H0W4T6R", 330921, "失效", d("2025-01-01"), "1", null, null,
                    d("2025-06-30")},
            {"202110888999.8", "发明", d("2021-01-20"), d("2023-10-10"), "一种一次锂电池正极片", "H01M4/06",
                    "岱山储能材料有限公司", "91330921MA2C4B7Q0D", 330921, "有效", null, "否", null, null, d("2025-06-30")},
            {"200510999001.2", "发明", d("2005-12-31"), d("2009-07-08"), "一种水产品保鲜包装盒", "B65D 81/26",
                    "舟山市定海包装材料有限公司", "91330902704712364K", 330902, "有效", null, "否", null, null,
                    d("2025-06-30")},
            {"202110567890.4", "发明", d("2021-09-09"), d("2024-05-14"), "一种远洋渔获物超低温速冻方法", "A23B 4/06",
                    "舟山普陀水产品加工有限公司", "91330903MA2K8L3M9F", 330903, "有效", null, "否", null,
                    "国家科学技术进步奖二等奖（2024年度）", d("2025-06-30")},
            {"201810246810.3", "发明", d("2018-02-02"), d("2021-03-03"), "一种鱿鱼丝加工设备", "A22C 25/00",
                    "舟山普陀水产品加工有限公司", "91330903MA2K8L3M9F", 330903, "有效", null, "否", 9_999_900, null,
                    d("2025-06-30")},
            {"202110246802.5", "发明", d("2021-08-08"), d("2024-02-02"), "一种海参自动分级装置", "B07C 5/00",
                    "普陀智能渔业装备有限公司", "91330903MA2J5N8D5U", 330903, "有效", null, "否", null, null,
                    d("2025-06-30")},
    };

    private PatentSampleWorkbook() {
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "data-samples/patents/2025年二季度专利导出.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(target)) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Sheet sheet = wb.createSheet("专利检索结果");
            sheet.createRow(0).createCell(0).setCellValue("舟山市专利检索导出（数据截止2025年6月30日）");
            Row header = sheet.createRow(2);
            for (int c = 0; c < HEADER.length; c++) {
                header.createCell(c).setCellValue(HEADER[c]);
            }
            for (int r = 0; r < ROWS.length; r++) {
                Row row = sheet.createRow(3 + r);
                for (int c = 0; c < ROWS[r].length; c++) {
                    Object v = ROWS[r][c];
                    if (v == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (v instanceof LocalDate ld) {
                        cell.setCellValue(ld);
                        cell.setCellStyle(date);
                    } else if (v instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else {
                        cell.setCellValue(v.toString());
                    }
                }
            }
            sheet.createRow(3 + ROWS.length + 1).createCell(0)
                    .setCellValue("注：数据来源：舟山市知识产权局专利检索系统；质押融资金额单位为元。");
            for (int c = 0; c < HEADER.length; c++) {
                sheet.setColumnWidth(c, c == 4 ? 40 * 256 : 18 * 256);
            }
            Sheet about = wb.createSheet("说明");
            about.createRow(0).createCell(0).setCellValue("本表由专利检索系统导出，仅供统计分析使用。");
            wb.write(out);
        }
    }
}
