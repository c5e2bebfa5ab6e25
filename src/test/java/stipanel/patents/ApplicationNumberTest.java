package stipanel.patents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import stipanel.ingest.RowRejectedException;

/** ZC 0006-2003 application numbers: the check character on the real numbers of docs/source-rules.md and corrupted ones. */
class ApplicationNumberTest {

    @ParameterizedTest
    @CsvSource({
            "201710601862, 3",
            "201310699744, 2",
            "201220687633, 0",
            "95115608, X",
    })
    void theCheckCharacterOfRealNumbersIsTheOnePublished(String digits, char check) {
        // given the digits of a real number
        // when its check character is computed
        char computed = ApplicationNumber.checkCharacter(digits);
        // then it is the one the patent office published
        assertEquals(check, computed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"201710601862.3", "201310699744.2", "201220687633.0", "95115608.X"})
    void realNumbersPass(String number) {
        // given a real number as docs/source-rules.md lists it
        // when it is parsed
        ApplicationNumber parsed = ApplicationNumber.parse(number, "申请号");
        // then it is accepted and written back the same
        assertEquals(number, parsed.toString());
    }

    @ParameterizedTest
    @CsvSource({
            "CN201710601862.3, 201710601862.3",
            "ZL201310699744.2, 201310699744.2",
            "zl 2012 2068 7633.0, 201220687633.0",
            "2017106018623, 201710601862.3",
            "ZL95115608X, 95115608.X",
            "95115608.x, 95115608.X",
            "'２０１７１０６０１８６２．３', 201710601862.3",
            "'ＣＮ２０１３１０６９９７４４．２', 201310699744.2",
            "201710601862。3, 201710601862.3",
    })
    void prefixesMissingDotsAndFullWidthDigitsAreNormalised(String delivered, String canonical) {
        // given a number as an export writes it
        // when it is parsed
        ApplicationNumber parsed = ApplicationNumber.parse(delivered, "申请号");
        // then it is stored in the canonical form
        assertEquals(canonical, parsed.toString());
    }

    @ParameterizedTest
    @CsvSource({
            "201710601862.4, '201710601862 的校验位应为“3”，不是“4”'",
            "201710601863.3, '201710601863 的校验位应为“8”，不是“3”'",
            "201701601862.3, '201701601862 的校验位应为“4”，不是“3”'",
            "201310699744.X, '201310699744 的校验位应为“2”，不是“X”'",
            "95115608.0, '95115608 的校验位应为“X”，不是“0”'",
            "95115680.X, '95115680 的校验位应为“2”，不是“X”'",
            "CN201220687633.1, '201220687633 的校验位应为“0”，不是“1”'",
    })
    void aCorruptedNumberIsRejectedWithTheCheckCharacterItShouldHave(String corrupted, String reason) {
        // given a real number with one digit changed, two swapped, or a wrong check character
        // when it is parsed
        RowRejectedException e = assertThrows(RowRejectedException.class,
                () -> ApplicationNumber.parse(corrupted, "申请号"));
        // then the row is rejected, naming the check character that would be right
        assertTrue(e.reason().contains(reason), e.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"20171060186.3", "2017106018623X", "201710601862", "CN1234567A", "发明专利", "2017-10601862.3"})
    void textThatIsNoApplicationNumberIsRejected(String text) {
        RowRejectedException e = assertThrows(RowRejectedException.class, () -> ApplicationNumber.parse(text, "申请号"));
        assertEquals("申请号“" + text + "”不是专利申请号（应为 12 位数字或旧的 8 位数字，加校验位）", e.reason());
    }

    @Test
    void anEmptyNumberIsRejectedAsMissing() {
        RowRejectedException e = assertThrows(RowRejectedException.class, () -> ApplicationNumber.parse(" ", "申请号"));
        assertEquals("申请号为空", e.reason());
    }

    @Test
    void aTypeDigitThatIsNoPatentTypeIsRejected() {
        // given 2017 4 0601862: check character X is right, but 4 is no type
        assertEquals('X', ApplicationNumber.checkCharacter("201740601862"));
        // when it is parsed
        RowRejectedException e = assertThrows(RowRejectedException.class,
                () -> ApplicationNumber.parse("201740601862.X", "申请号"));
        // then the type digit is named
        assertTrue(e.reason().contains("专利类型位 4 不是 1（发明）、2（实用新型）、3（外观设计）、8（PCT发明）、9（PCT实用新型）之一"),
                e.reason());
    }

    @Test
    void theTypeDigitIsTheFifthDigitOfANewNumberAndTheThirdOfAnOldOne() {
        ApplicationNumber invention = ApplicationNumber.parse("201710601862.3", "申请号");
        ApplicationNumber utility = ApplicationNumber.parse("201220687633.0", "申请号");
        ApplicationNumber pct = ApplicationNumber.parse("201880012345.5", "申请号");
        ApplicationNumber old = ApplicationNumber.parse("95115608.X", "申请号");
        assertEquals(1, invention.typeDigit());
        assertEquals(2, utility.typeDigit());
        assertEquals(8, pct.typeDigit());
        assertTrue(pct.isPct());
        assertFalse(invention.isPct());
        assertEquals(1, old.typeDigit());
        assertTrue(old.isOldForm());
    }
}
