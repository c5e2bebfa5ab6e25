package stipanel.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** docs/panel.md: six- and twelve-digit codes, names within the city or province a title names. */
class RegionsTest {

    static final Region ZHOUSHAN = Regions.byCode("330900").orElseThrow();

    @ParameterizedTest
    @CsvSource({"330922,330922,COUNTY,330900", "330922000000,330922,COUNTY,330900", "３３０９２２,330922,COUNTY,330900",
            "330900,330900,CITY,330900", "330000,330000,PROVINCE,"})
    void codesResolveToTheirRegionAndCity(String raw, String code, Region.Level level, String city) {
        Region r = Regions.resolveCode(raw, "地区代码");
        assertEquals(code, r.code());
        assertEquals(level, r.level());
        assertEquals(city, r.cityCode());
    }

    @Test
    void aCodeInNoListRejects() {
        RowRejectedException unknown = assertThrows(RowRejectedException.class,
                () -> Regions.resolveCode("330999", "地区代码"));
        assertEquals("地区代码“330999”不是 GB/T 2260 中的县、市或省代码", unknown.reason());
        assertEquals("region_code_unknown", unknown.code());
        RowRejectedException invalid = assertThrows(RowRejectedException.class,
                () -> Regions.resolveCode(" 33092 ", "地区代码"));
        assertEquals("地区代码“33092”不是行政区划代码（应为 6 位数字，如 330922，或 12 位统计用区划代码）", invalid.reason());
        assertEquals("region_code_invalid", invalid.code());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"嵊泗县|330922", "嵊泗|330922", "　　嵊泗|330922", "其中：普陀区|330903",
            "其中:岱山|330921", "全市|330900", "舟山市|330900", "定海区|330902"})
    void namesResolveWithinTheTitlesCity(String raw, String code) {
        assertEquals(code, Regions.resolveName(raw, ZHOUSHAN, "地区").code());
    }

    @Test
    void putuoIsAmbiguousNationallyButNotWithinZhoushan() {
        assertEquals("330903", Regions.resolveName("普陀区", ZHOUSHAN, "地区").code());
        assertEquals("310107", Regions.resolveName("普陀区", Regions.byCode("310000").orElseThrow(), "地区").code());
        RowRejectedException e = assertThrows(RowRejectedException.class,
                () -> Regions.resolveName("普陀区", null, "地区"));
        assertEquals("地区“普陀区”在全国有 2 个同名地区，无法确定是哪一个：310107 上海市普陀区、330903 舟山市普陀区", e.reason());
        assertEquals("region_name_ambiguous", e.code());
    }

    @Test
    void aNameOutsideTheTitlesCityOrNoNameRejects() {
        RowRejectedException unknown = assertThrows(RowRejectedException.class,
                () -> Regions.resolveName("新城", ZHOUSHAN, "地区"));
        assertEquals("地区“新城”不是舟山市所辖地区的名称", unknown.reason());
        assertEquals("region_name_unknown", unknown.code());
        RowRejectedException empty = assertThrows(RowRejectedException.class,
                () -> Regions.resolveName("其中：", ZHOUSHAN, "地区"));
        assertEquals("地区为空", empty.reason());
        assertEquals("value_missing", empty.code());
    }

    @Test
    void aTitleNamesItsCity() {
        assertEquals("330900", Regions.namedIn("表7-3 2023年舟山市各县（区）主要科技指标").orElseThrow().code());
        assertEquals("330000", Regions.namedIn("2023年浙江省各市主要指标").orElseThrow().code());
    }
}
