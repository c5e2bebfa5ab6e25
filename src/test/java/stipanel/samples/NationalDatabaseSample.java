package stipanel.samples;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * Writes data-samples/statistics/分县年度数据_嵊泗县.xls (BIFF8, as 国家数据 exports Excel) from
 * src/test/resources/samples/national-db-shengsi.tsv, laid out as the export is: the title rows 数据库：, 地区：, 时间：
 * in column A, the header 指标 with one text cell per year, one row per indicator with numeric cells (an empty cell
 * where the database has no figure), the notes and the source below.
 * Run: java -cp "target/test-classes:target/classes:$(cat target/classpath)" stipanel.samples.NationalDatabaseSample
 */
public final class NationalDatabaseSample {

    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/samples/national-db-shengsi.tsv"),
                StandardCharsets.UTF_8);
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            Sheet s = wb.createSheet("Sheet1");
            int r = 0;
            for (String title : List.of("数据库：分县年度数据", "地区：嵊泗县", "时间：2022-2025")) {
                s.createRow(r++).createCell(0).setCellValue(title);
            }
            for (String line : lines) {
                String[] cells = line.split("\t", -1);
                Row row = s.createRow(r);
                row.createCell(0).setCellValue(cells[0]);
                for (int c = 1; c < cells.length; c++) {
                    if (r == 3) {
                        row.createCell(c).setCellValue(cells[c]);
                    } else if (!cells[c].isEmpty()) {
                        row.createCell(c).setCellValue(Double.parseDouble(cells[c]));
                    }
                }
                r++;
            }
            s.createRow(r++).createCell(0).setCellValue("注：2025年数据为初步数。");
            s.createRow(r).createCell(0).setCellValue("数据来源：国家统计局");
            try (OutputStream out = Files.newOutputStream(Path.of("data-samples/statistics/分县年度数据_嵊泗县.xls"))) {
                wb.write(out);
            }
        }
    }
}
