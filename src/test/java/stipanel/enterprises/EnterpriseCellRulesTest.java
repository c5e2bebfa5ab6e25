package stipanel.enterprises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import stipanel.ingest.RowRejectedException;

/** Cell rules of the registry and the certification lists (docs/source-rules.md "Enterprises"), value by value. */
class EnterpriseCellRulesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            存续|存续
            在业|存续
            开业|存续
            在营|存续
            正常|存续
            登记成立|存续
            存续（在营、开业、在册）|存续
            迁出|迁出
            迁移异地|迁出
            吊销|吊销
            吊销，未注销|吊销
            吊销未注销|吊销
            注销|注销
            已注销|注销
            撤销|撤销
            停业|停业
            清算|清算
            """)
    void registrationStatusesNormaliseToSeven(String delivered, String normalised) {
        assertEquals(normalised, RegistrationStatus.of(delivered, "登记状态"));
    }

    @Test
    void anUnknownOrMissingRegistrationStatusRejects() {
        assertEquals("登记状态“歇业”不是存续、迁出、吊销、注销、撤销、停业、清算或其常见写法",
                assertThrows(RowRejectedException.class, () -> RegistrationStatus.of("歇业", "登记状态")).reason());
        assertEquals("登记状态为空",
                assertThrows(RowRejectedException.class, () -> RegistrationStatus.of("", "登记状态")).reason());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            500万元人民币|500|CNY
            500万元（认缴）|500|CNY
            6350万美元|6350|USD
            5000000元|500|CNY
            人民币300万元|300|CNY
            2,000万元|2000|CNY
            1.5亿元|15000|CNY
            120万港元|120|HKD
            """)
    void registeredCapitalSplitsIntoAmountInWanAndCurrency(String delivered, String wan, String currency) {
        assertEquals(new RegisteredCapital(new BigDecimal(wan), currency),
                RegisteredCapital.parse(delivered, "", "注册资本"));
    }

    @Test
    void aBareNumberTakesTheHeadersUnitAndWithoutOneRejects() {
        assertEquals(new RegisteredCapital(new BigDecimal("800"), "CNY"), RegisteredCapital.parse("800", "万元", "注册资本"));
        assertEquals("注册资本“800”没有单位（元、万元……），表头也未注明",
                assertThrows(RowRejectedException.class, () -> RegisteredCapital.parse("800", "", "注册资本")).reason());
    }

    @Test
    void capitalThatIsNoAmountRejectsAndAMissingOneIsNull() {
        assertEquals("注册资本“面议”不是金额",
                assertThrows(RowRejectedException.class, () -> RegisteredCapital.parse("面议", "", "注册资本")).reason());
        assertNull(RegisteredCapital.parse("—", "", "注册资本"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            C3921|C3921
            3921|C3921
            c3921|C3921
            0111|A0111
            A01|A01
            G5532|G5532
            7010|K7010
            M7320|M7320
            9700|T9700
            """)
    void industryCodesGetTheirSectionLetter(String delivered, String code) {
        assertEquals(code, IndustryCode.of(delivered, "行业代码"));
    }

    @Test
    void aSectionLetterThatDoesNotFitTheDivisionRejects() {
        assertEquals("行业代码“A3921”：大类 39 属于门类 C，不是 A",
                assertThrows(RowRejectedException.class, () -> IndustryCode.of("A3921", "行业代码")).reason());
        assertEquals("行业代码“9921”：大类 99 不属于 GB/T 4754-2017 的任何门类",
                assertThrows(RowRejectedException.class, () -> IndustryCode.of("9921", "行业代码")).reason());
        assertEquals("行业代码“C39211”不是 GB/T 4754 行业代码（如 C3921 或 3921）",
                assertThrows(RowRejectedException.class, () -> IndustryCode.of("C39211", "行业代码")).reason());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            高新技术企业|HIGH_TECH
            国家高新技术企业|HIGH_TECH
            科技型中小企业|TECH_SME
            科技型中小企业（入库）|TECH_SME
            专精特新中小企业|SRDI_PROVINCIAL
            专精特新中小企业（省级）|SRDI_PROVINCIAL
            专精特新“小巨人”企业|SRDI_NATIONAL
            专精特新"小巨人"企业（国家级）|SRDI_NATIONAL
            创新型中小企业|INNOVATIVE_SME
            科技服务机构|TECH_SERVICE_ORG
            科技中介服务机构|TECH_SERVICE_ORG
            企业研发机构|RD_INSTITUTION
            省级企业研究院|RD_INSTITUTION
            省级高新技术企业研发中心|RD_INSTITUTION
            市级企业研发中心|RD_INSTITUTION
            """)
    void everyCategoryIsKnownByItsAliases(String delivered, CertificationCategory category) {
        assertEquals(Optional.of(category), CertificationCategory.named(delivered));
    }

    @Test
    void theHighTechCertificateNumberMustBeGrYearProvinceSerial() {
        assertEquals("GR202333000505", CertificationListKind.certificate("gr202333000505", CertificationCategory.HIGH_TECH));
        assertEquals("GR202433001234", CertificationListKind.certificate("ＧＲ２０２４３３００１２３４",
                CertificationCategory.HIGH_TECH));
        assertEquals("证书编号“GR2023330009”不是 GR + 4 位年份 + 2 位省份代码 + 6 位数字",
                assertThrows(RowRejectedException.class, () -> CertificationListKind.certificate("GR2023330009",
                        CertificationCategory.HIGH_TECH)).reason());
        assertEquals("证书编号“GR202399000101”中的 99 不是省份代码",
                assertThrows(RowRejectedException.class, () -> CertificationListKind.certificate("GR202399000101",
                        CertificationCategory.HIGH_TECH)).reason());
        assertEquals("证书编号为空（高新技术企业须有证书编号：GR + 4 位年份 + 2 位省份代码 + 6 位数字）",
                assertThrows(RowRejectedException.class, () -> CertificationListKind.certificate("",
                        CertificationCategory.HIGH_TECH)).reason());
        assertEquals("2024330922000101", CertificationListKind.certificate("2024330922000101",
                CertificationCategory.TECH_SME));
    }
}
