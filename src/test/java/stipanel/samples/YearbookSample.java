package stipanel.samples;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes data-samples/statistics/舟山统计年鉴2024_科技.xlsx from src/test/resources/samples/yearbook-2023.tsv, laid out
 * as the yearbook's table is: an explanation sheet first, then title rows, a header merged across two rows with a
 * group heading (研究与试验发展 over 经费支出 and 人员折合全时当量), numeric cells, notes below.
 * Run: java -cp "target/test-classes:target/classes:$(cat target/classpath)" stipanel.samples.YearbookSample
 */
public final class YearbookSample {

    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/samples/yearbook-2023.tsv"),
                StandardCharsets.UTF_8);
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet about = wb.createSheet("说明");
            about.createRow(0).createCell(0).setCellValue("本篇资料为全市及各县（区）科技活动主要指标。");
            about.createRow(1).createCell(0).setCellValue("R&D经费为全社会口径，按执行单位所在地统计。");

            Sheet s = wb.createSheet("表7-3");
            s.createRow(0).createCell(0).setCellValue("表7-3  2023年舟山市各县（区）主要科技指标");
            s.addMergedRegion(new CellRangeAddress(0, 0, 0, 3));
            s.createRow(1).createCell(3).setCellValue("发布日期：2024-06-30");
            Row top = s.createRow(2);
            Row sub = s.createRow(3);
            top.createCell(0).setCellValue("地区");
            top.createCell(1).setCellValue("地区生产总值（亿元）");
            top.createCell(2).setCellValue("研究与试验发展");
            sub.createCell(0);
            sub.createCell(1);
            sub.createCell(2).setCellValue("经费支出（万元）");
            sub.createCell(3).setCellValue("人员折合全时当量（人年）");
            s.addMergedRegion(new CellRangeAddress(2, 3, 0, 0));
            s.addMergedRegion(new CellRangeAddress(2, 3, 1, 1));
            s.addMergedRegion(new CellRangeAddress(2, 2, 2, 3));
            int r = 4;
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split("\t");
                Row row = s.createRow(r++);
                row.createCell(0).setCellValue(cells[0]);
                for (int c = 1; c < cells.length; c++) {
                    row.createCell(c).setCellValue(Double.parseDouble(cells[c]));
                }
            }
            s.createRow(r + 1).createCell(0).setCellValue("注：全市数据含舟山新城等功能区，故大于各县（区）之和。");
            s.createRow(r + 2).createCell(0).setCellValue("资料来源：舟山市统计局《舟山统计年鉴2024》。");
            try (OutputStream out = Files.newOutputStream(Path.of("data-samples/statistics/舟山统计年鉴2024_科技.xlsx"))) {
                wb.write(out);
            }
        }
    }
}
