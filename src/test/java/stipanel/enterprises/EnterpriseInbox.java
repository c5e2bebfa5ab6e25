package stipanel.enterprises;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import stipanel.testing.PipelineRun;

/**
 * An inbox for the enterprise tests: the committed samples of {@code data-samples/enterprises/} and a small statistics
 * extract of our own (so that the numbers do not depend on the statistics samples), which makes the panel's years
 * 2022–2025 and publishes, for 嵊泗 330922: IND_REVENUE 2023 = 26000 (roster 26500: 1.92% apart), IND_VA 2023 = "…"
 * (blocks the stand-in) and IND_RD_EXP 2024 = 642 published 2025-03-15 (roster 640).
 */
final class EnterpriseInbox {

    static final String STATISTICS = """
            年份,地区代码,地区名称,指标名称,数值,计量单位,数据状态,发布日期
            2022,330922,嵊泗县,地区生产总值,1200000,万元,最终核实,2023-06-30
            2024,330922,嵊泗县,地区生产总值,1350000,万元,初步核算,2025-01-25
            2025,330922,嵊泗县,地区生产总值,1500000,万元,初步核算,2026-02-10
            2023,330922,嵊泗县,规上工业企业营业收入,26000,万元,最终核实,2024-06-30
            2023,330922,嵊泗县,规上工业增加值,…,万元,最终核实,2024-06-30
            2024,330922,嵊泗县,规上工业企业研发费用,642,万元,初步核实,2025-03-15
            """;

    static final String LIST_HEADER = "统一社会信用代码,企业名称,认定类别,证书编号,认定日期,有效期至,认定年度,状态,撤销日期,地区代码\n";

    private EnterpriseInbox() {
    }

    static PipelineRun withSamples(Path root) {
        return new PipelineRun(root).deliverSamples("enterprises")
                .deliverText("统计局_企业测试用统计.csv", STATISTICS, StandardCharsets.UTF_8);
    }

    /** Statistics that only make the panel's years 2022–2025, for tests that deliver their own lists. */
    static PipelineRun withYears(Path root) {
        return new PipelineRun(root).deliverText("统计局_年份.csv", """
                年份,地区代码,地区名称,指标名称,数值,计量单位,数据状态,发布日期
                2022,330922,嵊泗县,地区生产总值,1200000,万元,最终核实,2023-06-30
                2025,330922,嵊泗县,地区生产总值,1500000,万元,初步核算,2026-02-10
                """, StandardCharsets.UTF_8);
    }
}
