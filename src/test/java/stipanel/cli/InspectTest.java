package stipanel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import stipanel.testing.OfficeFiles;

/** {@code inspect FILE…}: how a file would be read, printed without loading anything (issue 11, item 5). */
class InspectTest {

    @Test
    void inspectPrintsTheFormatTheHeaderTheBindingsTheMetadataAndTheFirstRows(@TempDir Path dir) throws IOException {
        // given a roster whose title gives its year and its money unit
        Path roster = Files.writeString(dir.resolve("名录.csv"), "2024年嵊泗县规模以上工业企业名录\n金额单位：千元\n"
                + "统一社会信用代码,企业名称,地区代码,营业收入,研发费用,备注\n"
                + "91330922MA2H1A017G,浙江嵊泗海洋科技有限公司,330922,125000,3600,\n"
                + "91330922MA2H1A0172,嵊泗县远洋渔业装备有限公司,330922,19000,120,\n", StandardCharsets.UTF_8);
        // when it is inspected
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = Cli.run(new String[] {"inspect", roster.toString(), "--rows", "3"},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        // then
        assertEquals(ExitCode.COMPLETED, exit);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(List.of(
                "文件：" + roster,
                "  格式：CSV UTF-8",
                "  结果：可装载（above_scale_roster）：读取 2 行，装载 1 行，拒绝 1 行",
                "  说明：规上工业企业名录（above_scale_roster）未读取的列：备注",
                "  说明：年份取自标题：2024",
                "  表：（CSV）",
                "    表头：第 3 行：统一社会信用代码 | 企业名称 | 地区代码 | 营业收入 | 研发费用 | 备注",
                "    种类：规上工业企业名录（above_scale_roster）",
                "    列（交付的列名 → 标准列名）：",
                "      统一社会信用代码 → 统一社会信用代码",
                "      企业名称 → 企业名称",
                "      地区代码 → 地区代码",
                "      营业收入 → 营业收入（单位：千元）",
                "      研发费用 → 研发费用（单位：千元）",
                "      （标题）2024 → 年份",
                "    未读取的列：备注",
                "    标题行：2024年嵊泗县规模以上工业企业名录 / 金额单位:千元",
                "    标题与文件名给出：金额单位 千元；年份 2024",
                "    前 3 行：",
                "      第 4 行 装载为 year=2024，uscc=91330922MA2H1A017G，enterprise_name=浙江嵊泗海洋科技有限公司，"
                        + "region_code=330922，revenue_wan=12500，rd_expense_wan=360"),
                lines.subList(0, 20));
        // the second firm's credit code fails its check character: the reason is shown with its code
        assertTrue(lines.get(20).startsWith("      第 5 行 拒绝 ["), lines.get(20));
        assertTrue(lines.get(20).contains("91330922MA2H1A0172"), lines.get(20));
    }

    @Test
    void inspectLoadsNothingIntoAnyWarehouse(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("x.csv"), "年份,地区代码,指标名称,数值\n2024,330922,地区生产总值,140\n",
                StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(ExitCode.COMPLETED, Cli.run(new String[] {"inspect", file.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err));
        try (var files = Files.list(dir)) {
            assertEquals(List.of("x.csv"), files.map(p -> p.getFileName().toString()).toList());
        }
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("装载为 stat_code=GDP，region_code=330922，year=2024，"
                + "value=140，"), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anUnknownOptionOrNoFileIsABadArgument() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(ExitCode.BAD_ARGUMENTS, Cli.run(new String[] {"inspect"}, System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertEquals(ExitCode.BAD_ARGUMENTS, Cli.run(new String[] {"inspect", "x.csv", "--frobnicate"}, System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown option '--frobnicate' of inspect"));
    }

    @Test
    void inspectShowsAWordTableWithItsTitleParagraphAndARefusedPdf(@TempDir Path dir) throws IOException {
        // given a list published as a Word attachment, and a PDF
        Path docx = new OfficeFiles.Document()
                .paragraph("2024年度浙江省科技型中小企业拟入库名单")
                .table(List.of(List.of("序号", "企业名称", "统一社会信用代码", "认定类别"),
                        List.of("1", "浙江嵊泗海洋科技有限公司", "91330922MA2H1A017G", "科技型中小企业")))
                .writeTo(dir.resolve("名单.docx"));
        Path pdf = Files.write(dir.resolve("名单.pdf"), "%PDF-1.7\n1 0 obj\n".getBytes(StandardCharsets.US_ASCII));
        // when both are inspected
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = Cli.run(new String[] {"inspect", docx.toString(), pdf.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        // then
        assertEquals(ExitCode.COMPLETED, exit);
        assertEquals(List.of(
                "文件：" + docx,
                "  格式：docx",
                "  结果：可装载（certification_list）：读取 1 行，装载 1 行，拒绝 0 行",
                "  说明：表格“表格1”：科技认定名单（certification_list）未读取的列：序号",
                "  说明：表格“表格1”：认定年度取自标题：2024",
                "  表：Word 文档中的“表格1”",
                "    表头：第 1 行：序号 | 企业名称 | 统一社会信用代码 | 认定类别",
                "    种类：科技认定名单（certification_list）",
                "    列（交付的列名 → 标准列名）：",
                "      统一社会信用代码 → 统一社会信用代码",
                "      企业名称 → 企业名称",
                "      认定类别 → 认定类别",
                "      （标题）2024 → 认定年度",
                "    未读取的列：序号",
                "    标题行：2024年度浙江省科技型中小企业拟入库名单",
                "    标题与文件名给出：年份 2024；地区范围 浙江省；拟认定/公示名单",
                "    前 5 行：",
                "      第 2 行 装载为 uscc=91330922MA2H1A017G，enterprise_name=浙江嵊泗海洋科技有限公司，"
                        + "category=科技型中小企业，reported_category=科技型中小企业，component_code=TECH_SME_COUNT，"
                        + "valid_until_is_default=false，certification_year=2024，list_status=有效",
                "",
                "文件：" + pdf,
                "  格式：PDF",
                "  结果：拒收 [file_pdf]",
                "  说明：PDF 文件：请导出为 Excel 或 CSV",
                ""), out.toString(StandardCharsets.UTF_8).lines().toList());
    }
}
