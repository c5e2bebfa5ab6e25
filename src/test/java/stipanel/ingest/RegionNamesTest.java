package stipanel.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * docs/sources.md: a county placed by a county-name column within the city and province columns beside it, or by the
 * one county an address (or a 登记机关's name) names.
 */
class RegionNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "嵊泗县|舟山市|浙江省|330922",
            "嵊泗|舟山|浙江|330922",
            "嵊泗县|null|null|330922",
            "普陀区|舟山市|null|330903",
            "普陀区|null|上海市|310107",
            "舟山市嵊泗县|null|null|330922",
            "　定海区|舟山市|浙江省|330902",
    })
    void aCountyNameIsResolvedWithinItsCityAndProvince(String county, String city, String province, String code) {
        assertEquals(code, Regions.countyNamed(county, city, province, "区县").code());
    }

    @Test
    void aNameTwoCountiesShareIsAmbiguousWithoutItsCityAndNamesBoth() {
        RowRejectedException e = assertThrows(RowRejectedException.class,
                () -> Regions.countyNamed("普陀区", "", "", "中国申请人区县"));
        assertEquals("region_name_ambiguous", e.code());
        assertEquals("中国申请人区县“普陀区”在全国有 2 个同名区县：310107 上海市普陀区、330903 舟山市普陀区（请提供所属城市）",
                e.reason());
    }

    @Test
    void anUnknownNameOrCityIsRejectedWithTheNameAndWhere() {
        assertEquals("区县“新城区”不是舟山市的区县", assertThrows(RowRejectedException.class,
                () -> Regions.countyNamed("新城区", "舟山市", "", "区县")).reason());
        assertEquals("区县：所属城市“海州市”不是浙江省的地级行政区", assertThrows(RowRejectedException.class,
                () -> Regions.countyNamed("嵊泗县", "海州市", "浙江省", "区县")).reason());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "浙江省舟山市嵊泗县菜园镇金平村|330922",
            "舟山市普陀区东港街道|330903",
            "上海市普陀区真北路|310107",
            "浙江省嵊泗县|330922",
            "天津市河西区友谊路|120103",
            "嵊泗县市场监督管理局|330922",
            "舟山市普陀区市场监督管理局|330903",
    })
    void anAddressThatNamesExactlyOneCountyPlacesIt(String address, String code) {
        assertEquals(code, Regions.countyNamedIn(address, null).orElseThrow().code());
    }

    @Test
    void anAddressNamingTwoCountiesOrNonePlacesNothing() {
        assertEquals(List.of("330922", "330921"), Regions.countiesNamedIn("嵊泗县至岱山县航线", null).stream()
                .map(Region::code).toList());
        assertTrue(Regions.countyNamedIn("嵊泗县至岱山县航线", null).isEmpty());
        assertTrue(Regions.countyNamedIn("普陀区真北路", null).isEmpty(), "普陀区 of Shanghai or of Zhoushan");
        assertTrue(Regions.countyNamedIn("舟山市临城街道", null).isEmpty());
    }
}
