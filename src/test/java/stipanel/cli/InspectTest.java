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
}
