package stipanel.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import stipanel.panel.Indicator;
import stipanel.panel.IndicatorCatalogue;
import stipanel.panel.Plan;

/** The plan as data: the shipped Shengsi plan holds every target of docs/panel.md, and a broken file says why. */
class PlanFileTest {

    @Test
    void shippedShengsiPlanHoldsEveryTargetOfTheDomain() {
        // given
        Map<String, Double> domain = new LinkedHashMap<>();
        domain.put("IND_RD_EXP", 0.4);
        domain.put("IND_RD_REV_RATIO", 1.5);
        domain.put("HT_VA", 0.5);
        domain.put("HT_VA_SHARE", 15.0);
        domain.put("RD_FTE_PER_10K_EMP", 15.0);
        domain.put("HV_INV_PER_10K_POP", 7.3);
        domain.put("VALID_INV_PATENTS", 48.0);
        domain.put("HTE_COUNT", 10.0);
        domain.put("TECH_SME_COUNT", 100.0);
        domain.put("SRDI_COUNT", 2.0);
        domain.put("TECH_SERVICE_ORGS", 1.0);
        domain.put("RD_INST_COVERAGE", 100.0);
        domain.put("RD_INTENSITY_GAP_CITY", 0.0);
        domain.put("FISCAL_ST_CAGR", 15.0);
        domain.put("SKILLED", 16000.0);
        domain.put("HIGH_SKILLED", 6000.0);
        domain.put("NEW_GRADUATES_CUM", 2500.0);
        domain.put("TECH_COMMISSIONERS_CUM", 30.0);
        domain.put("KEY_TECH_PROJECTS_CUM", 10.0);
        domain.put("TECH_TRANSFER_CUM", 5.0);
        // when
        Plan plan = Plan.shipped().stream().filter(p -> p.regionCode().equals("330922")).findFirst().orElseThrow();
        // then
        assertThat(plan.baseYear()).isEqualTo(2022);
        assertThat(plan.firstYear()).isEqualTo(2023);
        assertThat(plan.targetYear()).isEqualTo(2027);
        assertThat(plan.document()).isEqualTo("嵊政办发〔2023〕28号");
        assertThat(plan.targets().stream().collect(Collectors.toMap(Plan.Target::indicator, Plan.Target::threshold)))
                .isEqualTo(domain);
        assertThat(plan.targets()).allSatisfy(t -> {
            assertThat(t.direction()).isEqualTo("at_least");
            assertThat(t.section()).isNotBlank();
            assertThat(t.wording()).isNotBlank();
        });
        assertThat(plan.target("TECH_TRANSFER_CUM").section()).isEqualTo("二、重点任务 (一)6.深化科技创新体制改革");
    }

    @Test
    void unitOfEveryTargetEqualsItsIndicatorsUnit() {
        // given
        Map<String, String> units = IndicatorCatalogue.load().stream()
                .collect(Collectors.toMap(Indicator::code, Indicator::unit));
        // when
        var plans = Plan.shipped();
        // then
        assertThat(plans).allSatisfy(p -> assertThat(p.targets())
                .filteredOn(t -> t.unit() != null && units.containsKey(t.indicator()))
                .allSatisfy(t -> assertThat(t.unit()).as(t.indicator()).isEqualTo(units.get(t.indicator()))));
    }

    @Test
    void secondCountysPlanIsReadFromItsFile() {
        // when
        Plan plan = Plan.read(Path.of(PlanStatistics.DAISHAN_PLAN));
        // then
        assertThat(plan.regionCode()).isEqualTo("330921");
        assertThat(plan.baseYear()).isEqualTo(2023);
        assertThat(plan.firstYear()).isEqualTo(2024);
        assertThat(plan.targetYear()).isEqualTo(2026);
        assertThat(plan.targets()).extracting(Plan.Target::indicator)
                .containsExactly("SKILLED", "NEW_GRADUATES_CUM", "FISCAL_ST_CAGR", "MARINE_LAB_COUNT");
    }

    @Test
    void planWithYearsOutOfOrderIsRefusedWithTheReason(@TempDir Path dir) throws Exception {
        // given
        Path file = dir.resolve("broken.yml");
        Files.writeString(file, """
                plan_id: broken
                region_code: "330921"
                title: 测试
                base_year: 2024
                first_year: 2023
                target_year: 2026
                targets:
                  - indicator: SKILLED
                    threshold: 1
                """, StandardCharsets.UTF_8);
        // when / then
        assertThatThrownBy(() -> Plan.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + "：年份须满足 base_year < first_year <= target_year，而不是 2024、2023、2026");
    }

    @Test
    void targetWithoutNumericThresholdIsRefusedWithTheReason(@TempDir Path dir) throws Exception {
        // given
        Path file = dir.resolve("broken.yml");
        Files.writeString(file, """
                plan_id: broken
                region_code: "330921"
                title: 测试
                base_year: 2022
                first_year: 2023
                target_year: 2026
                targets:
                  - indicator: SKILLED
                    threshold: 1.6万
                """, StandardCharsets.UTF_8);
        // when / then
        assertThatThrownBy(() -> Plan.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + "，目标 SKILLED：threshold 应为数字，而不是 1.6万");
    }
}
