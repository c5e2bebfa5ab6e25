package stipanel.patents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import stipanel.ingest.RowRejectedException;
import stipanel.ingest.Uscc;

/** The row rules of docs/source-rules.md "Patents" that are decided in Java, each with literal expectations. */
class PatentRulesTest {

    @ParameterizedTest
    @CsvSource({
            "发明, INVENTION", "发明专利, INVENTION", "发明授权, INVENTION", "授权发明, INVENTION", "发明申请, INVENTION",
            "发明公开, INVENTION", "PCT发明, INVENTION",
            "实用新型, UTILITY_MODEL", "实用新型专利, UTILITY_MODEL",
            "外观设计, DESIGN", "外观设计专利, DESIGN",
    })
    void patentTypeTextsAreRecognised(String text, PatentType type) {
        assertEquals(Optional.of(type), PatentType.named(text));
    }

    @Test
    void typeDigitsMapToTypes() {
        assertEquals(Optional.of(PatentType.INVENTION), PatentType.ofDigit(1));
        assertEquals(Optional.of(PatentType.UTILITY_MODEL), PatentType.ofDigit(2));
        assertEquals(Optional.of(PatentType.DESIGN), PatentType.ofDigit(3));
        assertEquals(Optional.of(PatentType.INVENTION), PatentType.ofDigit(8));
        assertEquals(Optional.of(PatentType.UTILITY_MODEL), PatentType.ofDigit(9));
        assertEquals(Optional.empty(), PatentType.ofDigit(4));
        assertEquals(Optional.empty(), PatentType.named("商标"));
    }

    @ParameterizedTest
    @CsvSource({
            "有效, VALID", "专利权维持, VALID", "失效, LAPSED", "未缴年费专利权终止, LAPSED", "期限届满, LAPSED",
            "审中, PENDING", "实质审查, PENDING", "驳回, REJECTED", "撤回, WITHDRAWN", "视为撤回, WITHDRAWN",
    })
    void legalStatusesAreNormalised(String text, LegalStatus status) {
        assertEquals(Optional.of(status), LegalStatus.named(text));
    }

    @Test
    void anUnknownLegalStatusNamesNoState() {
        assertEquals(Optional.empty(), LegalStatus.named("未知"));
    }

    @ParameterizedTest
    @CsvSource({
            "H01M10/0525, H01M 10/0525",
            "H01M 10/0525, H01M 10/0525",
            "h01m  10/0525, H01M 10/0525",
            "H01M0010/0525, H01M 10/0525",
            "H01M 10/0525(2010.01), H01M 10/0525",
            "'H01M10/0525;H01M4/36', H01M 10/0525",
            "G06N, G06N",
            "F03D 80/40, F03D 80/40",
            "Ｆ０３Ｂ１３／１４, F03B 13/14",
    })
    void ipcSymbolsAreWrittenCanonically(String delivered, String canonical) {
        assertEquals(canonical, IpcSymbol.canonical(delivered, "主分类号"));
    }

    @Test
    void anEmptyIpcIsNullAndAnUnreadableOneRejects() {
        assertNull(IpcSymbol.canonical("", "主分类号"));
        assertNull(IpcSymbol.canonical("—", "主分类号"));
        RowRejectedException e = assertThrows(RowRejectedException.class,
                () -> IpcSymbol.canonical("渔业机械", "主分类号"));
        assertEquals("主分类号“渔业机械”不是 IPC 分类号（如 H01M 10/0525）", e.reason());
    }

    @ParameterizedTest
    @CsvSource({"是, true", "有, true", "Y, true", "y, true", "3, true", "2件, true", "１, true",
            "否, false", "无, false", "N, false", "0, false", "12345678901, true", "000件, false"})
    void overseasFamilyIsTruthyForYesOrACountAboveZero(String text, boolean expected) {
        assertEquals(expected, PatentExtractKind.overseas(text));
    }

    @Test
    void overseasFamilyNotStatedIsNullAndGibberishRejects() {
        assertNull(PatentExtractKind.overseas(null));
        RowRejectedException e = assertThrows(RowRejectedException.class, () -> PatentExtractKind.overseas("待查"));
        assertEquals("海外同族“待查”既不是是/否（有/无、Y/N），也不是件数", e.reason());
    }

    @Test
    void pledgeAmountsAreConvertedTo万元() {
        assertEquals(0, new BigDecimal("1000").compareTo(PatentExtractKind.pledgeWan("1000", "万元")));
        assertEquals(0, new BigDecimal("1000").compareTo(PatentExtractKind.pledgeWan("1,000", "")));
        assertEquals(0, new BigDecimal("999.99").compareTo(PatentExtractKind.pledgeWan("9999900", "元")));
        assertEquals(0, new BigDecimal("1500").compareTo(PatentExtractKind.pledgeWan("0.15亿元", "万元")));
        assertNull(PatentExtractKind.pledgeWan("", "万元"));
        assertNull(PatentExtractKind.pledgeWan("—", "万元"));
        assertThrows(RowRejectedException.class, () -> PatentExtractKind.pledgeWan("-5", "万元"));
        assertThrows(RowRejectedException.class, () -> PatentExtractKind.pledgeWan("1000", "件"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"91330922MA2A1B3C2J", "91330903MA2J5N8D5U", "91110000600037341L", "9152000071430580XT",
            "91310115342050446K"})
    void validCreditCodesPass(String code) {
        assertTrue(Uscc.isValid(code));
    }

    @ParameterizedTest
    @ValueSource(strings = {"91330922MA2A1B3C2K", "91330922MA2A1B3C3J", "9133092MA2A1B3C2J", "91330922MA2A1B3CIJ"})
    void corruptedCreditCodesFail(String code) {
        assertFalse(Uscc.isValid(code));
    }
}
