package stipanel.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import stipanel.testing.PipelineRun;
import stipanel.workbook.WorkbookFixture;

/**
 * On an inbox with every sample source, every Shengsi plan target and panel year follows docs/panel.md: the target
 * is the plan's, the expected value runs from the base year's value (0 when cumulative; the target itself for the
 * growth rate and the gap) and the status is achieved / on_track / behind / no_data by the values.
 */
class PlanOnAllSourcesTest {

    static PipelineRun run;

    @BeforeAll
    static void runOnAllSources() {
        run = WorkbookFixture.shared();
    }

    @Test
    void everyTargetExpectedValueAndStatusFollowsTheDomainRules() {
        // given
        Map<String, Double> base = new HashMap<>();
        for (List<Object> r : run.rows("select indicator_code, value from indicator_panel"
                + " where region_code = '330922' and year = 2022 and target_value is not null and value is not null")) {
            base.put((String) r.get(0), ((Number) r.get(1)).doubleValue());
        }
        // when
        List<List<Object>> rows = run.rows("""
                select panel.indicator_code, panel.year, panel.value, panel.target_value, panel.expected_value,
                       panel.status, indicator.trajectory
                from indicator_panel as panel
                left join ref.indicators as indicator on indicator.code = panel.indicator_code
                where panel.region_code = '330922' and panel.target_value is not null
                """);
        // then
        assertThat(rows).hasSize(20 * ((Number) run.value("select count(*) from marts.panel_years")).intValue());
        for (List<Object> r : rows) {
            String code = (String) r.get(0);
            int year = (Integer) r.get(1);
            Double value = r.get(2) == null ? null : ((Number) r.get(2)).doubleValue();
            double target = ((Number) r.get(3)).doubleValue();
            String trajectory = (String) r.get(6);
            Double expected;
            if (year < 2022) {
                expected = null;
            } else if ("target".equals(trajectory)) {
                expected = target;
            } else {
                Double from = "from_zero".equals(trajectory) ? Double.valueOf(0) : base.get(code);
                expected = from == null ? null : year >= 2027 ? target : from + (target - from) * (year - 2022) / 5;
            }
            String status = value == null ? "no_data"
                    : value >= target - 1e-9 ? "achieved"
                    : expected != null && value >= expected - 1e-9 * Math.max(1, Math.abs(expected)) ? "on_track"
                    : "behind";
            String what = code + " " + year + " " + r;
            if (expected == null) {
                assertThat(r.get(4)).as(what).isNull();
            } else {
                assertThat(((Number) r.get(4)).doubleValue()).as(what).isCloseTo(expected, within(1e-9));
            }
            assertThat(r.get(5)).as(what).isEqualTo(status);
        }
    }

    @Test
    void everyTargetValueIsThePlansThreshold() {
        // then
        assertThat(run.rows("select distinct indicator_code, target_value from indicator_panel"
                + " where region_code = '330922' and target_value is not null order by indicator_code"))
                .containsExactly(
                        List.of("FISCAL_ST_CAGR", 15.0), List.of("HIGH_SKILLED", 6000.0), List.of("HTE_COUNT", 10.0),
                        List.of("HT_VA", 0.5), List.of("HT_VA_SHARE", 15.0), List.of("HV_INV_PER_10K_POP", 7.3),
                        List.of("IND_RD_EXP", 0.4), List.of("IND_RD_REV_RATIO", 1.5),
                        List.of("KEY_TECH_PROJECTS_CUM", 10.0), List.of("NEW_GRADUATES_CUM", 2500.0),
                        List.of("RD_FTE_PER_10K_EMP", 15.0), List.of("RD_INST_COVERAGE", 100.0),
                        List.of("RD_INTENSITY_GAP_CITY", 0.0), List.of("SKILLED", 16000.0),
                        List.of("SRDI_COUNT", 2.0), List.of("TECH_COMMISSIONERS_CUM", 30.0),
                        List.of("TECH_SERVICE_ORGS", 1.0), List.of("TECH_SME_COUNT", 100.0),
                        List.of("TECH_TRANSFER_CUM", 5.0), List.of("VALID_INV_PATENTS", 48.0));
    }
}
