package stipanel.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** docs/source-rules.md: trim, NFKC, thousands separators, missing markers (never zero), every date form. */
class CellsTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "—", "——", "-", "…", "...", "/", "／", "－", "　…　"})
    void missingMarkersAreMissingNeverZero(String marker) {
        assertTrue(Cells.isMissing(marker));
        assertNull(Cells.number(marker, "数值"));
        assertNull(Cells.date(marker, "发布日期"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "１２．５|12.5", "1,250|1250", "\"1,234,567.89\"|1234567.89", "  42  |42", "-3.5|-3.5", "１，２５０|1250",
            "2.5%|2.5", "1e3|1E+3"})
    void numbersAreNormalised(String raw, String expected) {
        assertEquals(new BigDecimal(expected), Cells.number(raw.replace("\"", ""), "数值"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"约12", "12万", "1,23", "12.3.4", "N/A"})
    void textThatIsNoNumberRejectsTheRowNamingTheColumn(String raw) {
        RowRejectedException e = assertThrows(RowRejectedException.class, () -> Cells.number(raw, "数值"));
        assertEquals("数值“" + raw + "”不是数字（应为 1234.5、1,234.5 这样的数值；缺失时留空或填“—”）", e.reason());
        assertEquals("number_invalid", e.code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-05", "2024/3/5", "2024.3.5", "20240305", "2024年3月5日", "２０２４年３月５日",
            "2024-03-05 00:00:00", "45356"})
    void everyDeliveredDateFormIsRead(String raw) {
        assertEquals(LocalDate.of(2024, 3, 5), Cells.date(raw, "发布日期"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-30", "2024-13-01", "2024年2月", "上月"})
    void impossibleOrUnreadableDatesReject(String raw) {
        assertEquals("date_invalid", assertThrows(RowRejectedException.class, () -> Cells.date(raw, "发布日期")).code());
    }

    @Test
    void aDateReasonSaysWhetherTheDayDoesNotExistOrTheFormIsNoDate() {
        assertEquals("发布日期“2024-02-30”不是有效日期（日历上没有这一天）",
                assertThrows(RowRejectedException.class, () -> Cells.date("2024-02-30", "发布日期")).reason());
        assertEquals("发布日期“2024年2月31日”不是有效日期（日历上没有这一天）",
                assertThrows(RowRejectedException.class, () -> Cells.date("２０２４年２月３１日", "发布日期")).reason());
        assertEquals("发布日期“上月”不是日期（应为 2024-03-05、2024/3/5、2024.3.5、20240305 或 2024年3月5日）",
                assertThrows(RowRejectedException.class, () -> Cells.date(" 上月 ", "发布日期")).reason());
    }

    @Test
    void aYearThatIsNoYearRejectsWithTheFormsExpected() {
        RowRejectedException e = assertThrows(RowRejectedException.class, () -> Cells.year("二〇二五", "年份"));
        assertEquals("年份“二〇二五”不是年份（应为 2024 或 2024年）", e.reason());
        assertEquals("year_invalid", e.code());
    }

    @ParameterizedTest
    @CsvSource({"2024,2024", "2024年,2024", "２０２４年,2024", "2024.0,2024"})
    void yearsAreReadWithOrWithoutTheirCharacter(String raw, int expected) {
        assertEquals(expected, Cells.year(raw, "年份"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"　嵊泗县　|嵊泗县", "ＡＢＣ１２３|ABC123", "R＆D|R&D", "（万元）|(万元)"})
    void textIsTrimmedAndNfkcNormalised(String raw, String expected) {
        assertEquals(expected, Cells.text(raw));
    }
}
