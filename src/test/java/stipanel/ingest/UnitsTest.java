package stipanel.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** docs/source-rules.md: money is stored in 万元; a unit that cannot convert rejects the row. */
class UnitsTest {

    @ParameterizedTest
    @CsvSource({"12.5,亿元,万元,125000", "18000000,元,万元,1800", "2500,千元,万元,250", "6.39,万人,人,63900",
            "640,万元,万元,640", "3,万元人民币,万元,3", "50,人年,人年,50", "12,（亿元）,万元,120000"})
    void convertsToTheCanonicalUnit(String value, String from, String to, String expected) {
        assertEquals(0, new BigDecimal(expected).compareTo(Units.convert(new BigDecimal(value), from, to, "计量单位")));
    }

    @Test
    void anEmptyUnitMeansTheCanonicalOne() {
        assertEquals(new BigDecimal("7"), Units.convert(new BigDecimal("7"), "", "万元", "计量单位"));
    }

    @Test
    void aUnitOfAnotherQuantityRejects() {
        RowRejectedException e = assertThrows(RowRejectedException.class,
                () -> Units.convert(BigDecimal.ONE, "人", "万元", "数值"));
        assertEquals("数值的计量单位“人”不能换算为万元（应为 元、千元、万元、百万元、亿元 之一）", e.reason());
        assertEquals("unit_not_convertible", e.code());
    }

    @Test
    void anUnknownUnitRejects() {
        RowRejectedException e = assertThrows(RowRejectedException.class,
                () -> Units.convert(BigDecimal.ONE, "千克", "人年", "数值"));
        assertEquals("数值的计量单位“千克”不是已知的单位（应为 人年、万人年 之一）", e.reason());
        assertEquals("unit_unknown", e.code());
    }
}
