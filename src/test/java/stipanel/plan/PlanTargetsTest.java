package stipanel.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import stipanel.testing.PipelineRun;

/**
 * Target, expected value and status of docs/panel.md on a small extract whose numbers are worked out by hand:
 * the Shengsi plan (base 2022, first year 2023, target 2027) and an invented 岱山县 plan (base 2023, first year 2024,
 * target 2026) in the same run, from plan files alone.
 */
class PlanTargetsTest {

    @TempDir
    static Path root;

    static PipelineRun run;

    @BeforeAll
    static void runBothPlans() {
        // given: SKILLED, HIGH_SKILLED, NEW_GRADUATES and FISCAL_ST of two counties, 2022–2025, and both plans
        run = new PipelineRun(root)
                .deliverText(PlanStatistics.FILE, PlanStatistics.CSV, StandardCharsets.UTF_8);
        // when
        run.run(PlanStatistics.SHENGSI_PLAN, PlanStatistics.DAISHAN_PLAN);
        assertThat(run.exitCode).as(run.stderr).isZero();
    }

    /** value, target_value, expected_value, status of one panel row. */
    private static List<Object> row(String region, String indicator, int year) {
        List<List<Object>> rows = run.rows("select value, target_value, expected_value, status from indicator_panel"
                + " where region_code = '" + region + "' and indicator_code = '" + indicator + "' and year = " + year);
        assertThat(rows).as(region + " " + indicator + " " + year).hasSize(1);
        return rows.get(0);
    }

    private static void assertRow(String region, String indicator, int year, Double value, double target,
                                  Double expected, String status) {
        List<Object> r = row(region, indicator, year);
        String what = region + " " + indicator + " " + year + " " + r;
        if (value == null) {
            assertThat(r.get(0)).as(what).isNull();
        } else {
            assertThat(((Number) r.get(0)).doubleValue()).as(what).isCloseTo(value, within(1e-9));
        }
        assertThat(((Number) r.get(1)).doubleValue()).as(what).isEqualTo(target);
        if (expected == null) {
            assertThat(r.get(2)).as(what).isNull();
        } else {
            assertThat(((Number) r.get(2)).doubleValue()).as(what).isCloseTo(expected, within(1e-9));
        }
        assertThat(r.get(3)).as(what).isEqualTo(status);
    }

    @Test
    void stockRunsLinearlyFromTheBaseYearValueToTheTarget() {
        // then: 12000 + (16000 − 12000) × (Y − 2022) / 5
        assertRow("330922", "SKILLED", 2022, 12000.0, 16000, 12000.0, "on_track");
        assertRow("330922", "SKILLED", 2023, 12900.0, 16000, 12800.0, "on_track");
        assertRow("330922", "SKILLED", 2024, 13500.0, 16000, 13600.0, "behind");
        assertRow("330922", "SKILLED", 2025, 16200.0, 16000, 14400.0, "achieved");
    }

    @Test
    void valuePublishedAsNotAvailableHasNoDataButKeepsItsExpectedValue() {
        // then: 4000 + (6000 − 4000) × (Y − 2022) / 5; 2023 was published as …
        assertRow("330922", "HIGH_SKILLED", 2022, 4000.0, 6000, 4000.0, "on_track");
        assertRow("330922", "HIGH_SKILLED", 2023, null, 6000, 4400.0, "no_data");
        assertRow("330922", "HIGH_SKILLED", 2024, 5000.0, 6000, 4800.0, "on_track");
        assertRow("330922", "HIGH_SKILLED", 2025, 5100.0, 6000, 5200.0, "behind");
    }

    @Test
    void cumulativeIndicatorStartsInTheFirstPlanYearAndItsTrajectoryFromZero() {
        // then: Σ NEW_GRADUATES from 2023 (520, 450, 530); expected 2500 × (Y − 2022) / 5
        assertRow("330922", "NEW_GRADUATES_CUM", 2022, null, 2500, 0.0, "no_data");
        assertRow("330922", "NEW_GRADUATES_CUM", 2023, 520.0, 2500, 500.0, "on_track");
        assertRow("330922", "NEW_GRADUATES_CUM", 2024, 970.0, 2500, 1000.0, "behind");
        assertRow("330922", "NEW_GRADUATES_CUM", 2025, 1500.0, 2500, 1500.0, "on_track");
    }

    @Test
    void growthRateIsExpectedToMeetTheTargetEveryYear() {
        // then: ((FISCAL_ST(Y) / 1000) ^ (1 / (Y − 2022)) − 1) × 100: 10, 15, 1.4^(1/3) − 1
        assertRow("330922", "FISCAL_ST_CAGR", 2022, null, 15, 15.0, "no_data");
        assertRow("330922", "FISCAL_ST_CAGR", 2023, 10.0, 15, 15.0, "behind");
        assertRow("330922", "FISCAL_ST_CAGR", 2024, 15.0, 15, 15.0, "achieved");
        assertRow("330922", "FISCAL_ST_CAGR", 2025, 11.868894208139679, 15, 15.0, "behind");
    }

    @Test
    void targetWithoutBaseYearValueHasNoExpectedValue() {
        // then: no IND_RD_EXP was delivered, so neither a value nor a base to run a trajectory from
        assertRow("330922", "IND_RD_EXP", 2025, null, 0.4, null, "no_data");
    }

    @Test
    void everyPlanTargetHasARowForEveryPanelYear() {
        // then: 20 targets × 2022–2025 for Shengsi, 4 × 2022–2025 for Daishan
        assertThat(run.rows("select region_code, count(*), count(distinct indicator_code), min(year), max(year)"
                + " from indicator_panel where target_value is not null group by region_code order by region_code"))
                .containsExactly(
                        Arrays.asList("330921", 16L, 4L, 2022, 2025),
                        Arrays.asList("330922", 80L, 20L, 2022, 2025));
    }

    @Test
    void secondCountysPlanUsesItsOwnBaseFirstAndTargetYears() {
        // then: SKILLED 6800 + (9200 − 6800) × (Y − 2023) / 3; no expected value before the base year
        assertRow("330921", "SKILLED", 2022, 6000.0, 9200, null, "behind");
        assertRow("330921", "SKILLED", 2023, 6800.0, 9200, 6800.0, "on_track");
        assertRow("330921", "SKILLED", 2024, 7000.0, 9200, 7600.0, "behind");
        assertRow("330921", "SKILLED", 2025, 9100.0, 9200, 8400.0, "on_track");
        // and the cumulative sum starts in its first year, 2024: 300, 300 + 520
        assertRow("330921", "NEW_GRADUATES_CUM", 2022, null, 1200, null, "no_data");
        assertRow("330921", "NEW_GRADUATES_CUM", 2023, null, 1200, 0.0, "no_data");
        assertRow("330921", "NEW_GRADUATES_CUM", 2024, 300.0, 1200, 400.0, "behind");
        assertRow("330921", "NEW_GRADUATES_CUM", 2025, 820.0, 1200, 800.0, "on_track");
        // and the growth rate runs from its base year 2023: 605 / 550 − 1, (630 / 550) ^ (1/2) − 1
        assertRow("330921", "FISCAL_ST_CAGR", 2023, null, 10, 10.0, "no_data");
        assertRow("330921", "FISCAL_ST_CAGR", 2024, 10.0, 10, 10.0, "achieved");
        assertRow("330921", "FISCAL_ST_CAGR", 2025, 7.025910201901375, 10, 10.0, "behind");
    }

    @Test
    void targetWhoseIndicatorHasNoDefinitionShowsAsNoData() {
        // then
        String undefined = "指标尚无定义（jobs/indicators/ 中没有这一指标）";
        assertThat(run.rows("select year, value, target_value, status, null_reason_code, null_reason"
                + " from indicator_panel where region_code = '330921' and indicator_code = 'MARINE_LAB_COUNT' order by year"))
                .containsExactly(
                        Arrays.asList(2022, null, 3.0, "no_data", "indicator_undefined", undefined),
                        Arrays.asList(2023, null, 3.0, "no_data", "indicator_undefined", undefined),
                        Arrays.asList(2024, null, 3.0, "no_data", "indicator_undefined", undefined),
                        Arrays.asList(2025, null, 3.0, "no_data", "indicator_undefined", undefined));
    }

    @Test
    void eachPlanGetsItsOwnWorkbookNamedAfterItsRegionAndDate() {
        // then
        assertThat(run.out.resolve("嵊泗县_科技创新指标面板_2026-11-28.xlsx")).isRegularFile();
        assertThat(run.out.resolve("岱山县_科技创新指标面板_2026-11-28.xlsx")).isRegularFile();
    }
}
