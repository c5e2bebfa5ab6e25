package stipanel.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import stipanel.ingest.Region;
import stipanel.ingest.Regions;
import stipanel.ingest.RowRejectedException;
import stipanel.ingest.Units;

/** Region codes are looked up by number and units cleaned with a compiled pattern: the results are the same. */
class RegionsFastPathTest {

    @Test
    void everyListedCodeResolvesToItsRegionInSixAndTwelveDigits() {
        for (Region r : Regions.all()) {
            assertThat(Regions.resolveCode(r.code(), "地区代码")).isSameAs(r);
            assertThat(Regions.resolveCode(r.code() + "000000", "地区代码")).isSameAs(r);
            assertThat(Regions.resolveCode(" " + r.code() + " ", "地区代码")).isSameAs(r);
        }
    }

    @Test
    void everyUnlistedSixDigitCodeRejectsAsBefore() {
        Set<String> listed = Regions.all().stream().map(Region::code).collect(Collectors.toSet());
        for (int n = 0; n < 1_000_000; n += 7) {
            String code = String.format("%06d", n);
            if (!listed.contains(code)) {
                assertThatThrownBy(() -> Regions.resolveCode(code, "地区代码")).isInstanceOf(RowRejectedException.class)
                        .hasMessage("地区代码“" + code + "”不是 GB/T 2260 中的县、市或省代码");
            }
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"33092|33092", "3309220|3309220", "33092200000|33092200000",
            "3309220000000|3309220000000", "33O922|33O922", "330922.0|330922.0", "+330922|+330922", "-33092|-33092",
            "３３０９２|33092", "330 922|330 922"})
    void textThatIsNoSixOrTwelveDigitCodeRejectsAsBefore(String raw, String shown) {
        assertThatThrownBy(() -> Regions.resolveCode(raw, "地区代码")).isInstanceOf(RowRejectedException.class)
                .hasMessage("地区代码“" + shown + "”不是行政区划代码（应为 6 位数字，如 330922，或 12 位统计用区划代码）");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"万元|万元", "（万元）|万元", "(万元)|万元", "[ 万 元 ]|万元", "万元人民币|万元",
            "　亿元　|亿元", "人|人", "|''"})
    void unitsAreCleanedAsBefore(String raw, String expected) {
        assertThat(Units.normalise(raw == null ? "" : raw)).isEqualTo(expected.equals("''") ? "" : expected);
    }
}
