package stipanel.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;


/** GB 32100 and its embedded GB 11714 organisation code (docs/source-rules.md "Enterprises"). */
class UsccTest {

    /** 200 real codes from python-stdnum's test suite (header of the file says where from). */
    static List<String> realCodes() throws IOException {
        try (InputStream in = UsccTest.class.getResourceAsStream("/uscc-real.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
    }

    @Test
    void everyOneOfTheTwoHundredRealCodesPassesBothChecks() throws IOException {
        // given
        List<String> codes = realCodes();
        // when
        List<String> failing = codes.stream().filter(c -> !Uscc.isValid(c)).toList();
        // then
        assertEquals(200, codes.size());
        assertEquals(List.of(), failing);
    }

    @ParameterizedTest
    @ValueSource(strings = {"91110000600037341L", "9152000071430580XT", "91310115342050446K"})
    void theCodesDomainListsAreValid(String code) {
        assertEquals(code, Uscc.valid(code, "统一社会信用代码"));
    }

    @Test
    void theCheckCharacterIsComputedOverTheFirstSeventeen() {
        assertEquals('L', Uscc.checkCharacter("91110000600037341"));
        assertEquals('T', Uscc.checkCharacter("9152000071430580X"));
        assertEquals('K', Uscc.checkCharacter("91310115342050446"));
        assertEquals('1', Uscc.organisationCheck("60003734"));
        assertEquals('X', Uscc.organisationCheck("71430580"));
        assertEquals('6', Uscc.organisationCheck("34205044"));
    }

    @Test
    void lowerCaseAndFullWidthCodesAreNormalisedBeforeChecking() {
        assertEquals("91310115MA1K3BTP2B", Uscc.valid("91310115ma1k3btp2b", "c"));
        assertEquals("9152000071430580XT", Uscc.valid("９１５２００００７１４３０５８０ｘｔ", "c"));
        assertEquals("91110000600037341L", Uscc.valid(" 91110000600037341L\u3000", "c"));
    }

    @Test
    void changingAnyOneCharacterOfARealCodeBreaksACheck() throws IOException {
        // given every real code with each position replaced by the next character of the alphabet
        int corrupted = 0;
        for (String code : realCodes()) {
            for (int i = 0; i < 18; i++) {
                char c = code.charAt(i);
                char other = Uscc.ALPHABET.charAt((Uscc.ALPHABET.indexOf(c) + 1) % 31);
                String bad = code.substring(0, i) + other + code.substring(i + 1);
                // then
                assertFalse(Uscc.isValid(bad), bad);
                corrupted++;
            }
        }
        assertEquals(3600, corrupted);
    }

    @Test
    void aWrongCheckCharacterIsRejectedNamingTheRightOne() {
        RowRejectedException e = assertThrows(RowRejectedException.class,
                () -> Uscc.valid("91110000600037341M", "统一社会信用代码"));
        assertEquals("统一社会信用代码“91110000600037341M”校验位错误：按 GB 32100，第 18 位应为“L”", e.reason());
        assertEquals("uscc_check_failed", e.code());
    }

    @Test
    void aCodeOfAnotherLengthOrWithALetterGb32100DoesNotUseIsMalformed() {
        RowRejectedException shorter = assertThrows(RowRejectedException.class,
                () -> Uscc.valid(" 9111000060003734 ", "统一社会信用代码"));
        assertEquals("统一社会信用代码“9111000060003734”有 16 位（应为 18 位）", shorter.reason());
        assertEquals("uscc_malformed", shorter.code());
        RowRejectedException letter = assertThrows(RowRejectedException.class,
                () -> Uscc.valid("91110000600037341o", "统一社会信用代码"));
        assertEquals("统一社会信用代码“91110000600037341o”含有字符“O”（应只由数字和 I、O、S、V、Z 以外的大写字母组成）",
                letter.reason());
        assertEquals("uscc_malformed", letter.code());
        RowRejectedException empty = assertThrows(RowRejectedException.class, () -> Uscc.valid("　", "统一社会信用代码"));
        assertEquals("统一社会信用代码为空", empty.reason());
        assertEquals("value_missing", empty.code());
    }

    @Test
    void anOrganisationCodeThatFailsGb11714RejectsEvenWhenTheOuterCheckPasses() {
        // given 91110000 + 60003734 + '2' (should be '1'), with the GB 32100 check character recomputed
        String first17 = "911100006000373422".substring(0, 17);
        String code = first17 + Uscc.checkCharacter(first17);
        assertEquals("91110000600037342P", code);
        // when
        RowRejectedException e = assertThrows(RowRejectedException.class, () -> Uscc.valid(code, "统一社会信用代码"));
        // then
        assertEquals("统一社会信用代码“91110000600037342P”中的组织机构代码“600037342”校验位错误：按 GB 11714，第 17 位应为“1”",
                e.reason());
        assertEquals("uscc_check_failed", e.code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"9111000060003734", "91110000600037341LL", "91110000600O37341L", "9111000060003734IL", ""})
    void wrongLengthsAndCharactersOutsideTheSetAreRejected(String code) {
        assertFalse(Uscc.isValid(code));
    }
}
