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
                        .hasMessage("地区代码 '" + code + "' is in no GB/T 2260 list");
            }
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"33092", "3309220", "33092200000", "3309220000000", "33O922", "330922.0",
            "+330922", "-33092", "３３０９２", "330 922"})
    void textThatIsNoSixOrTwelveDigitCodeRejectsAsBefore(String raw) {
        assertThatThrownBy(() -> Regions.resolveCode(raw, "地区代码")).isInstanceOf(RowRejectedException.class)
                .hasMessage("地区代码 is not a 6- or 12-digit region code: '" + raw + "'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"万元|万元", "（万元）|万元", "(万元)|万元", "[ 万 元 ]|万元", "万元人民币|万元",
            "　亿元　|亿元", "人|人", "|''"})
    void unitsAreCleanedAsBefore(String raw, String expected) {
        assertThat(Units.normalise(raw == null ? "" : raw)).isEqualTo(expected.equals("''") ? "" : expected);
    }
}
