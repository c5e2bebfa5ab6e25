package stipanel.enterprises;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import stipanel.testing.PipelineRun;

/** The above-scale roster's sums and coverage (docs/source-rules.md "Enterprises", docs/panel.md) over small rosters of its own. */
class RosterRulesTest {

    @TempDir
    Path root;

    static final String HEADER = "年份,统一社会信用代码,企业名称,地区代码,营业收入（万元）,研发费用（万元）,工业增加值（万元）,"
            + "是否高新技术产业,是否有研发机构\n";
    static final String X1 = CertificationRulesTest.firm(21, "330921");
    static final String X2 = CertificationRulesTest.firm(22, "330921");
    static final String X3 = CertificationRulesTest.firm(23, "330921");

    @Test
    void aSumIsMissingWhenAFirmLacksItsFigureAndACorrectedRosterReplacesTheFirmsRow() {
        // given a roster for 岱山 2023 and 2024 (X2 lacks 研发费用 in 2024, the high-tech X3 lacks 工业增加值),
        // then a corrected row for X1
        PipelineRun run = EnterpriseInbox.withYears(root)
                .deliverText("a_名录.csv", HEADER
                        + "2023," + X2 + ",乙,330921,3000,30,800,否,否\n"
                        + "2024," + X1 + ",甲,330921,5000,100,1200,是,否\n"
                        + "2024," + X2 + ",乙,330921,3000,—,800,否,否\n"
                        + "2024," + X3 + ",丙,330921,2500,20,,是,是\n", StandardCharsets.UTF_8)
                .deliverText("b_名录_更正.csv", HEADER
                        + "2024," + X1 + ",甲,330921,5200,110,1250,是,是\n", StandardCharsets.UTF_8)
                .run();
        // then
        assertEquals(List.of(
                        List.of(2023, "HT_VA", 0.0), List.of(2023, "IND_RD_EXP", 30.0), List.of(2023, "IND_REVENUE", 3000.0),
                        List.of(2023, "IND_VA", 800.0), List.of(2024, "IND_REVENUE", 10700.0)),
                run.rows("select year, component_code, cast(value as double) from marts.components where region_code = '330921'"
                        + " and origin = 'roster stand-in' order by year, component_code"));
        assertEquals(0.0, run.panel("HT_VA", "330921", 2023));
        assertEquals(0.003, run.panel("IND_RD_EXP", "330921", 2023), 1e-12);
        assertEquals(null, run.panel("IND_RD_EXP", "330921", 2024));
        assertEquals(null, run.panel("HT_VA", "330921", 2024));
        // coverage 2024: X1 (corrected to 是) and X3 of three firms; 2023: none of one
        assertEquals(200.0 / 3, run.panel("RD_INST_COVERAGE", "330921", 2024), 1e-9);
        assertEquals(0.0, run.panel("RD_INST_COVERAGE", "330921", 2023));
        // a city's roster coverage needs every county: 330902, 330903 and 330922 have no roster
        assertEquals(null, run.panel("RD_INST_COVERAGE", "330900", 2024));
    }

    @Test
    void rosterRowsBreakingARuleAreRejected() {
        PipelineRun run = EnterpriseInbox.withYears(root)
                .deliverText("名录.csv", HEADER
                        + "2024," + X1 + ",甲,330921,1999.99,10,300,否,否\n"
                        + "2024," + X2 + ",乙,330900,5000,10,300,否,否\n"
                        + "2024," + X3 + ",丙,330921,5000,10,300,也许,否\n"
                        + "2024," + X3 + ",丙,,5000,10,300,否,否\n"
                        + "," + X3 + ",丙,330921,5000,10,300,否,否\n"
                        + "2024," + X3 + ",丙,330921,,10,300,否,否\n"
                        + "2024," + X3 + ",丙,330921,5000,-10,300,否,否\n", StandardCharsets.UTF_8)
                .run();
        assertEquals(List.of(
                        List.of(2, "营业收入 1999.99 万元，低于 2000 万元：不是规模以上工业企业"),
                        List.of(3, "地区代码“330900”是设区市（舟山市），不是县（市、区）"),
                        List.of(4, "是否高新技术产业“也许”既不是“是”也不是“否”"),
                        List.of(5, "地区代码为空"),
                        List.of(6, "年份为空"),
                        List.of(7, "营业收入为空"),
                        List.of(8, "研发费用“-10”为负数")),
                run.rows("select row_number, reason from rejected_rows where file_name = '名录.csv' order by row_number"));
    }
}
