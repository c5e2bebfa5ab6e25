package stipanel.enterprises;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import stipanel.testing.PipelineRun;

/**
 * Registry exports and certification lists as offices receive them (docs/sources.md "Enterprise registry" and
 * "Certification lists as published"), each rule over a small extract of its own; the panel's years are 2022–2025.
 */
class RealExportsTest {

    @TempDir
    Path root;

    static String firm(int n, String region) {
        return EnterpriseSamples.code("91", region, "MA8R%04d".formatted(n));
    }

    @Test
    void theDataSharingExtractDatesEachEndingByItsOwnColumnKeepsAnUndatedOneAndReadsTheCurrencyColumn() {
        // given the 市场监管 data-sharing extract: 开业日期, 经营状态, 注册资本(万元) with 币种, 注销日期, 吊销日期, 登记机关;
        // its cut-off only in the file name
        String r1 = firm(1, "330922");
        String r2 = firm(2, "330922");
        String r3 = firm(3, "330922");
        String r4 = firm(4, "330922");
        String r5 = firm(5, "330922");
        String r6 = firm(6, "330900");
        PipelineRun run = EnterpriseInbox.withYears(root).deliverText("数据共享_企业登记_20250106.csv", """
                统一社会信用代码,企业(机构)名称,经营状态,开业日期,注册资本(万元),币种,注销日期,吊销日期,登记机关,行政区划代码,国民经济行业代码
                %s,嵊泗甲科技有限公司,在营,2015-03-02,500,美元,,,嵊泗县市场监督管理局,330922,C3731
                %s,嵊泗乙有限公司,注销,2012-08-15,100,人民币,2024-05-06,,嵊泗县市场监督管理局,330922,
                %s,嵊泗丙有限公司,吊销,2012-08-15,100,,,2023-07-01,嵊泗县市场监督管理局,330922,
                %s,嵊泗丁有限公司,注销,2012-08-15,100,CNY,,,嵊泗县市场监督管理局,330922,
                %s,嵊泗戊有限公司,在营,2012-08-15,100,积分,,,嵊泗县市场监督管理局,330922,
                %s,嵊泗己有限公司,在营,2012-08-15,80,港元,,,嵊泗县市场监督管理局,,
                """.formatted(r1, r2, r3, r4, r5, r6), StandardCharsets.UTF_8).run();
        // then 500 in 万元 of US dollars stays dollars; 注销 without a date is inactive from the cut-off 2025-01-06,
        // flagged; the county comes from 登记机关 where the code is missing (r6's credit code names the city only; 913309000…
        // sorts first)
        assertEquals(List.of(
                        Arrays.asList(r6, "存续", null, false, null, 80.0, "HKD", "330922", "登记机关"),
                        Arrays.asList(r1, "存续", null, false, null, 500.0, "USD", "330922", "行政区划代码"),
                        Arrays.asList(r2, "注销", LocalDate.of(2024, 5, 6), false, null, 100.0, "CNY", "330922", "行政区划代码"),
                        Arrays.asList(r3, "吊销", LocalDate.of(2023, 7, 1), false, null, 100.0, "CNY", "330922", "行政区划代码"),
                        Arrays.asList(r4, "注销", LocalDate.of(2025, 1, 6), true, "变更日期不详", 100.0, "CNY", "330922",
                                "行政区划代码")),
                run.rows("""
                        select uscc, registration_status, status_changed_on, change_date_unknown, status_change_note,
                            registered_capital_wan, capital_currency, region_code, region_source
                        from staging.registry_current order by uscc"""));
        assertEquals(List.of(List.of(6, "currency_unknown",
                        "币种“积分”不是币种（应为人民币、美元、港元、欧元、日元等，或 ISO 代码如 USD），注册资本无法确定币种")),
                run.rows("select row_number, reason_code, reason from rejected_rows"
                        + " where file_name = '数据共享_企业登记_20250106.csv'"));
    }

    @Test
    void aQichachaExportIsPlacedByItsDistrictNameWithinItsCityAndADistrictOfTwoCitiesWithoutOneIsRejected() {
        // given a 企查查 export: 所属省份/所属城市/所属区县, industry as names, `-` for empty, 曾用名
        String p1 = firm(11, "330903");
        String p2 = firm(12, "310107");
        String p3 = firm(13, "330922");
        PipelineRun run = EnterpriseInbox.withYears(root).deliverText("企查查_导出.csv", """
                企业名称,登记状态,法定代表人,注册资本,成立日期,统一社会信用代码,所属省份,所属城市,所属区县,国标行业门类,国标行业大类,国标行业中类,曾用名
                舟山普陀庚有限公司,存续,张三,1000万元人民币,2016-05-20,%s,浙江省,舟山市,普陀区,制造业,铁路、船舶、航空航天和其他运输设备制造业,船舶及相关装置制造,舟山庚船舶有限公司
                上海普陀辛有限公司,存续,李四,200万美元,2016-05-20,%s,-,-,普陀区,-,-,-,-
                嵊泗壬有限公司,存续,王五,-,2016-05-20,%s,-,-,-,-,-,-,-
                """.formatted(p1, p2, p3), StandardCharsets.UTF_8).run();
        // then 普陀区 in 舟山市 is 330903 (91330903… sorts before 91330922…); p3 has no district: its credit code names 嵊泗县
        assertEquals(List.of(
                        Arrays.asList(p1, "330903", "所属区县", 1000.0, "CNY", "舟山庚船舶有限公司"),
                        Arrays.asList(p3, "330922", "信用代码", null, null, null)),
                run.rows("select uscc, region_code, region_source, registered_capital_wan, capital_currency,"
                        + " former_name_keys from staging.registry_current order by uscc"));
        assertEquals(List.of(List.of(3, "region_name_ambiguous",
                        "所属区县“普陀区”在全国有 2 个同名区县：310107 上海市普陀区、330903 舟山市普陀区（请提供所属城市）")),
                run.rows("select row_number, reason_code, reason from rejected_rows where file_name = '企查查_导出.csv'"));
    }

    @Test
    void ofTwoExtractsWithTheSameCutoffTheRowThatDatesTheChangeWinsWhateverTheOrder() {
        String d1 = firm(21, "330922");
        String d2 = firm(22, "330922");
        String header = "统一社会信用代码,企业名称,登记状态,成立日期,状态变更日期,住所行政区划代码,数据截止日期\n";
        // given the later delivery undated for d1, the earlier undated for d2; an older extract shows d2 active
        PipelineRun run = EnterpriseInbox.withYears(root)
                .deliverText("登记_1.csv", header + d1 + ",甲,注销,2010-01-01,2024-03-01,330922,2025-06-30\n"
                        + d2 + ",乙,吊销,2010-01-01,,330922,2025-06-30\n", StandardCharsets.UTF_8)
                .deliverText("登记_2.csv", header + d1 + ",甲,注销,2010-01-01,,330922,2025-06-30\n"
                        + d2 + ",乙,吊销,2010-01-01,2023-11-30,330922,2025-06-30\n"
                        + d2 + ",乙,存续,2010-01-01,,330922,2023-06-30\n", StandardCharsets.UTF_8).run();
        // then both are dated by the row that dates them
        assertEquals(List.of(
                        Arrays.asList(d1, "注销", LocalDate.of(2024, 3, 1), false),
                        Arrays.asList(d2, "吊销", LocalDate.of(2023, 11, 30), false)),
                run.rows("select uscc, registration_status, status_changed_on, change_date_unknown"
                        + " from staging.registry_current order by uscc"));
    }

    @Test
    void anUndatedEndingIsInactiveFromTheCutoffOfTheFirstExtractThatShowsItAndActiveBefore() {
        String u = firm(31, "330922");
        String header = "统一社会信用代码,企业名称,登记状态,成立日期,住所行政区划代码,数据截止日期\n";
        PipelineRun run = EnterpriseInbox.withYears(root)
                .deliverText("登记_2023.csv", header + u + ",甲,存续,2010-01-01,330922,2023-06-30\n", StandardCharsets.UTF_8)
                .deliverText("登记_2024.csv", header + u + ",甲,注销,2010-01-01,330922,2024-08-31\n", StandardCharsets.UTF_8)
                .deliverText("登记_2025.csv", header + u + ",甲,注销,2010-01-01,330922,2025-06-30\n", StandardCharsets.UTF_8)
                .deliverText("认定名单.csv", EnterpriseInbox.LIST_HEADER
                        + u + ",甲,高新技术企业,GR202233000031,2022-06-01,,,,,330922\n", Charset.forName("GBK"))
                .run();
        // then 注销 from 2024-08-31: counted at the end of 2022 and 2023, not of 2024
        assertEquals(List.of(
                        Arrays.asList(LocalDate.of(2022, 12, 31), true, null, null),
                        Arrays.asList(LocalDate.of(2023, 12, 31), true, null, null),
                        Arrays.asList(LocalDate.of(2024, 12, 31), false, "inactive", "注销 于 2024-08-31（变更日期不详，以数据截止日期计）"),
                        Arrays.asList(LocalDate.of(2025, 12, 31), false, "expired", "有效期至 2025-06-01")),
                run.rows("select year_end, counted, reason, reason_detail from certification_status order by year_end"));
    }

    /** The registry of the name-matching tests: a current name, a former name, a name two firms share. */
    static final String N1 = firm(41, "330922");
    static final String N2 = firm(42, "330922");
    static final String N3 = firm(43, "330902");
    static final String N4 = firm(44, "330922");
    static final String N5 = firm(45, "330922");

    static final String NAMES_REGISTRY = """
            统一社会信用代码,企业名称,曾用名,登记状态,成立日期,住所行政区划代码,数据截止日期
            %s,嵊泗海星科技有限公司,,存续,2015-01-01,330922,2025-06-30
            %s,嵊泗海月科技有限公司,嵊泗海韵科技有限公司,存续,2015-01-01,330922,2025-06-30
            %s,舟山海丰科技有限公司,,存续,2015-01-01,330902,2025-06-30
            %s,嵊泗海丰科技有限公司,舟山海丰科技有限公司；嵊泗海丰贸易有限公司,存续,2015-01-01,330922,2025-06-30
            %s,嵊泗海潮科技有限公司,,注销,2015-01-01,330922,2025-01-06
            """.formatted(N1, N2, N3, N4, N5);

    @Test
    void aPublishedListWithoutCreditCodesIsMatchedByNameCurrentOrFormerAndCountedByItsOwnCountyWhenUnmatched() {
        // given a list as published: the category and year in the title, 县（市、区） names, no credit code; and a
        // proposed list (拟认定 … 公示), and one with 年度 and 设区市
        PipelineRun run = EnterpriseInbox.withYears(root)
                .deliverText("登记_名称.csv", NAMES_REGISTRY, StandardCharsets.UTF_8)
                .deliverText("2023年高企名单.csv", """
                        2023年度舟山市高新技术企业名单
                        序号,企业名称,证书编号,县（市、区）
                        1,嵊泗海星科技有限公司,GR202333000111,嵊泗县
                        2,嵊泗海韵科技 有限公司,GR202333000112,嵊泗县
                        3,舟山海丰科技有限公司,GR202333000113,定海区
                        4,嵊泗海蓝科技（舟山）有限公司,GR202333000114,嵊泗县
                        5,嵊泗海潮科技有限公司,GR202333000115,嵊泗县
                        6,嵊泗海云科技有限公司,GR202233000116,某某县
                        """, StandardCharsets.UTF_8)
                .deliverText("拟认定名单.csv", """
                        关于2024年拟认定高新技术企业名单的公示
                        序号,企业名称,证书编号,县（市、区）
                        1,嵊泗海光科技有限公司,GR202433000121,嵊泗县
                        """, StandardCharsets.UTF_8)
                .deliverText("2024年高企名单_补充.csv", """
                        舟山市高新技术企业名单（补充）
                        序号,企业名称,证书编号,年度,设区市,县（市、区）
                        1,普陀海鸥船舶有限公司,GR202433000132,2023,舟山市,普陀区
                        """, StandardCharsets.UTF_8)
                .run();
        // then at the end of 2024: N1 by its name, N2 by its former name (spaces ignored), 舟山海丰 matches N3's name
        // and N4's former name: ambiguous; 海蓝 and 海鸥 match nothing and count by the list's county; 海云's county
        // is unknown: not placed; the proposed row counts nowhere (names are stored NFKC: （舟山） is (舟山); files in
        // name order, 2024年… before 拟认定…)
        assertEquals(List.of(
                        Arrays.asList("嵊泗海星科技有限公司", "按名称匹配", N1, "330922", null, null),
                        Arrays.asList("嵊泗海韵科技 有限公司", "按名称匹配", N2, "330922", null, null),
                        Arrays.asList("舟山海丰科技有限公司", "名称匹配多家", null, null, "ambiguous name", null),
                        Arrays.asList("嵊泗海蓝科技(舟山)有限公司", "名称未匹配", null, "330922", null, null),
                        Arrays.asList("嵊泗海潮科技有限公司", "按名称匹配", N5, "330922", null, null),
                        Arrays.asList("嵊泗海云科技有限公司", "名称未匹配", null, null, "not placed",
                                "县(市、区)“某某县”不是舟山市的区县"),
                        Arrays.asList("普陀海鸥船舶有限公司", "名称未匹配", null, "330903", null,
                                "证书编号 GR202433000132 的年份 2024 与认定年度 2023 不一致，以认定年度为准"),
                        Arrays.asList("嵊泗海光科技有限公司", "名称未匹配", null, null, "proposed list", null)),
                run.rows("""
                        select enterprise_name, identified_by, uscc, counted_in, reason, row_note
                        from certification_status where year_end = date '2024-12-31'
                        order by file_name, row_number"""));
        assertEquals("名称“舟山海丰科技有限公司”匹配登记中的 2 家企业：" + N3 + "、" + N4,
                run.value("select identification_detail from certification_status where year_end = date '2024-12-31'"
                        + " and enterprise_name = '舟山海丰科技有限公司'"));
        // 2022: only 海云 (GR2022…: its year from the certificate number), not placed; 2025: 海潮 注销 since 2025-01-06
        assertEquals(Arrays.asList(0.0, 4.0, 4.0, 3.0), Arrays.asList(run.panel("HTE_COUNT", "330922", 2022),
                run.panel("HTE_COUNT", "330922", 2023), run.panel("HTE_COUNT", "330922", 2024),
                run.panel("HTE_COUNT", "330922", 2025)));
        assertEquals(Arrays.asList(1.0, 1.0, 1.0), Arrays.asList(run.panel("HTE_COUNT", "330903", 2023),
                run.panel("HTE_COUNT", "330903", 2024), run.panel("HTE_COUNT", "330903", 2025)));
        assertEquals(List.of(List.of(true)), run.rows("select distinct proposed from facts.certifications"
                + " where content_hash = (select content_hash from source_files where file_name = '拟认定名单.csv')"));
    }
}
