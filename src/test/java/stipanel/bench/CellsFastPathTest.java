package stipanel.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import stipanel.ingest.Cells;
import stipanel.ingest.RowRejectedException;

/**
 * The hot-path shortcuts in {@link Cells} (no normaliser for text that is its own NFKC form, ISO dates read without a
 * regular expression) give exactly what the general path gives, which is kept here as the oracle.
 */
class CellsFastPathTest {

    private static String oracleText(String raw) {
        return raw == null ? "" : Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
    }

    @Test
    void everySingleCharacterIsNormalisedAsTheNormaliserWould() {
        // given every BMP character alone, and between ASCII letters and ideographs
        for (int c = 0; c <= 0xFFFF; c++) {
            if (Character.isSurrogate((char) c)) {
                continue;
            }
            String s = String.valueOf((char) c);
            // then
            assertThat(Cells.text(s)).as("U+%04X", c).isEqualTo(oracleText(s));
            assertThat(Cells.text("A" + s + "嵊")).as("A U+%04X 嵊", c).isEqualTo(oracleText("A" + s + "嵊"));
        }
    }

    @Test
    void mixedDeliveredTextIsNormalisedAsTheNormaliserWould() {
        // given random strings over the characters extracts are made of, combining marks included
        String alphabet = "0123456789 ,.-/:年月日嵊泗县发明有效失效ＡＢ１２　（）()…—－，。CNZLX\u0301\u3099ｶﾞ가\uF900\u2F00";
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = r.nextInt(12); k > 0; k--) {
                b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String s = b.toString();
            // then
            assertThat(Cells.text(s)).as(s).isEqualTo(oracleText(s));
        }
        assertThat(Cells.text(null)).isEmpty();
    }

    private static final Pattern DATE_SEPARATED = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?:[ T].*)?");

    /** The general path's reading of a separated date, as Cells had it before the ISO shortcut. */
    private static LocalDate oracleDate(String t) {
        Matcher m = DATE_SEPARATED.matcher(t);
        if (!m.matches()) {
            return null;
        }
        return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    @Test
    void isoDatesAreReadAsTheGeneralPathReadsThem() {
        // given every day-month combination, impossible ones included, in a few years
        for (int year : new int[] {1999, 2000, 2023, 2024, 2100}) {
            for (int month = 0; month <= 13; month++) {
                for (int day = 0; day <= 32; day++) {
                    String iso = String.format("%04d-%02d-%02d", year, month, day);
                    LocalDate expected;
                    try {
                        expected = oracleDate(iso);
                    } catch (DateTimeException e) {
                        expected = null;
                    }
                    if (expected != null) {
                        // then the same date
                        assertThat(Cells.date(iso, "申请日")).as(iso).isEqualTo(expected);
                    } else {
                        // or the same rejection
                        assertThatThrownBy(() -> Cells.date(iso, "申请日")).as(iso)
                                .isInstanceOf(RowRejectedException.class)
                                .hasMessage("申请日“" + iso + "”不是有效日期（日历上没有这一天）");
                    }
                }
            }
        }
        assertThat(Cells.date("２０２４－０３－０５", "申请日")).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(Cells.date(" 2024-03-05 ", "申请日")).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(Cells.date("2024-03-05T08:00", "申请日")).isEqualTo(LocalDate.of(2024, 3, 5));
    }
}
