package stipanel.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import stipanel.testing.PipelineRun;

/** A run as of a date writes the workbook as the panel stood then, named by that date. */
class AsOfWorkbookTest {

    @TempDir
    Path root;

    @Test
    void asOfRunNamesTheWorkbookByThatDateAndShowsOnlyWhatWasPublishedByThen() throws Exception {
        // given: 2024 published 2025-03-01, 2025 only on 2026-03-01
        PipelineRun run = new PipelineRun(root).deliverText("人社局_技能人才.csv", """
                年份,地区代码,地区名称,指标名称,数值,计量单位,数据状态,发布日期
                2022,330922,嵊泗县,技能人才总量,12000,人,最终核实,2023-03-01
                2023,330922,嵊泗县,技能人才总量,12900,人,最终核实,2024-03-01
                2024,330922,嵊泗县,技能人才总量,13500,人,最终核实,2025-03-01
                2025,330922,嵊泗县,技能人才总量,16200,人,初步核实,2026-03-01
                """, StandardCharsets.UTF_8);
        // when
        run.runAsOf(LocalDate.of(2025, 6, 30));
        // then
        assertThat(run.exitCode).as(run.stderr).isZero();
        Path file = run.out.resolve("嵊泗县_科技创新指标面板_2025-06-30.xlsx");
        assertThat(file).isRegularFile();
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Row header = wb.getSheet("指标面板").getRow(Tables.HEADER_ROW);
            List<String> names = new ArrayList<>();
            header.forEach(c -> names.add(c.getStringCellValue().replace("\n", "")));
            assertThat(names).contains("基期值（2022年）", "2023年", "2024年", "2024年预期值", "2024年状态")
                    .doesNotContain("2025年");
            assertThat(wb.getSheet("指标面板").getRow(1).getCell(0).getStringCellValue()).endsWith("数据截至 2025-06-30");
            Row skilled = CityWorkbookTest.rowsByCode(wb.getSheet("指标面板"), 1).get("技能人才总量");
            assertThat(skilled.getCell(names.indexOf("2024年")).getNumericCellValue()).isEqualTo(13500.0);
            assertThat(skilled.getCell(names.indexOf("2024年预期值")).getNumericCellValue()).isEqualTo(13600.0);
            assertThat(skilled.getCell(names.indexOf("2024年状态")).getStringCellValue()).isEqualTo("落后");
        }
    }
}
