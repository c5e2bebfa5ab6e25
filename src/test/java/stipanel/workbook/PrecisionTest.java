package stipanel.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A shown number never reads as meeting a target or expected value it misses; no more decimals than that needs. */
class PrecisionTest {

    @Test
    void moneyJustBelowItsTargetShowsTheDecimalThatMissesIt() {
        // given 规上工业企业研发费用 0.395 亿元 in 2025 against the plan's 0.4, expected 0.336 (on track)
        WorkbookData.Target t = target("亿元", 0.4, "at_least", Map.of(2025, point(0.395, 0.336, "on_track")));
        // when
        Precision p = Precision.of(t);
        // then
        assertThat(p).isEqualTo(new Precision(3, 3, 3));
        assertThat(Precision.show(0.395, p.values())).isEqualTo("0.395");
        assertThat(Precision.show(0.4, p.target())).isEqualTo("0.400");
    }

    @Test
    void twoDecimalsWhereTheyKeepValueAndTargetApart() {
        // given a growth rate of 14.987922 % against 15 %: 14.99 and 15.00 differ
        WorkbookData.Target t = target("%", 15, "at_least", Map.of(2024, point(14.987922071068937, 15.0, "behind")));
        // then
        assertThat(Precision.of(t)).isEqualTo(new Precision(2, 2, 2));
    }

    @Test
    void aRateThatRoundsUpToItsTargetGetsAnotherDecimal() {
        // given 14.996 % behind a target and expected value of 15 %: 15.00 would read as met
        WorkbookData.Target t = target("%", 15, "at_least", Map.of(2024, point(14.996, 15.0, "behind")));
        // when
        Precision p = Precision.of(t);
        // then
        assertThat(p).isEqualTo(new Precision(3, 3, 3));
        assertThat(Precision.show(14.996, 3)).isEqualTo("14.996");
    }

    @Test
    void aCountStaysWholeAndItsFractionalExpectedValueShowsWhatItMisses() {
        // given 高新技术企业数: 4 in 2023 behind an expected 4.4, 2 in 2024 behind 5.8; target 10
        Map<Integer, WorkbookData.Point> years = new HashMap<>();
        years.put(2023, point(4.0, 4.4, "behind"));
        years.put(2024, point(2.0, 5.8, "behind"));
        WorkbookData.Target t = target("家", 10, "at_least", years);
        // when
        Precision p = Precision.of(t);
        // then
        assertThat(p).isEqualTo(new Precision(0, 1, 0));
        assertThat(Precision.show(4.0, p.values())).isEqualTo("4");
        assertThat(Precision.show(4.4, p.expected())).isEqualTo("4.4");
    }

    @Test
    void anExpectedValueJustAboveAWholeCountGetsTheDecimalsThatShowIt() {
        // given 4 people behind an expected 4.04: 4.0 would read as met
        WorkbookData.Target t = target("人", 10, "at_least", Map.of(2023, point(4.0, 4.04, "behind")));
        // then
        assertThat(Precision.of(t)).isEqualTo(new Precision(0, 2, 0));
    }

    @Test
    void wholeCountsAndWholeExpectedValuesShowNoDecimals() {
        // given 技能人才总量 14,700 behind an expected 14,720, target 16,000
        WorkbookData.Target t = target("人", 16000, "at_least", Map.of(2025, point(14700.0, 14720.0, "behind")));
        // then
        assertThat(Precision.of(t)).isEqualTo(new Precision(0, 0, 0));
        assertThat(Precision.show(14700, 0)).isEqualTo("14,700");
    }

    @Test
    void anAtMostTargetMissedFromAboveIsKeptApartToo() {
        // given a value of 5.004 against a ceiling of 5
        WorkbookData.Target t = target("%", 5, "at_most", Map.of(2024, point(5.004, 5.0, "behind")));
        // then
        assertThat(Precision.of(t).values()).isEqualTo(3);
    }

    @Test
    void aTargetWrittenWithMoreDecimalsThanItsValuesIsShownAsWritten() {
        // given 每万人高价值发明专利拥有量: a target of 7.3 件 and values like 0.62
        WorkbookData.Target t = target("件", 7.3, "at_least", Map.of(2024, point(0.47, 3.29, "behind")));
        // then
        assertThat(Precision.of(t)).isEqualTo(new Precision(2, 2, 2));
        assertThat(Precision.show(7.3, 2)).isEqualTo("7.30");
    }

    private static WorkbookData.Point point(Double value, Double expected, String status) {
        return new WorkbookData.Point(value, expected, status, null);
    }

    private static WorkbookData.Target target(String unit, double threshold, String direction,
                                              Map<Integer, WorkbookData.Point> years) {
        return new WorkbookData.Target("X", "x", unit, threshold, direction, null, null, true, "linear",
                new HashMap<>(years));
    }
}
