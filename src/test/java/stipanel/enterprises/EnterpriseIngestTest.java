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

/** What the enterprise extracts load and reject (docs/source-rules.md "Enterprises"), row by row. */
class EnterpriseIngestTest {

    @TempDir
    Path root;

    @Test
    void exactlyTheInvalidSampleRowsAreRejectedWithTheirRowNumbersAndEveryRowIsAccountedFor() {
        // given the samples
        PipelineRun run = EnterpriseInbox.withSamples(root).run();
        // then every file is recognised by its header and adds up
        assertEquals(List.of(
                List.of("2024年度浙江省创新型中小企业名单.xlsx", "certification_list", "loaded", 4L, 4L, 0L),
                List.of("企查查_嵊泗县企业_20250601.xlsx", "enterprise_registry", "loaded", 4L, 4L, 0L),
                List.of("天眼查_舟山市企业列表.xlsx", "enterprise_registry", "loaded", 2L, 2L, 0L),
                List.of("市场监管_数据共享_企业登记_20250430.csv", "enterprise_registry", "loaded", 4L, 4L, 0L),
                List.of("市场监管局_企业登记_2025-06.xlsx", "enterprise_registry", "loaded", 15L, 10L, 5L),
                List.of("市场监管局_企业登记_补报_2024-12.csv", "enterprise_registry", "loaded", 2L, 2L, 0L),
                List.of("科技局_认定名单_2024.csv", "certification_list", "loaded", 30L, 24L, 6L),
                List.of("统计局_规上工业企业名录_2023-2024.csv", "above_scale_roster", "loaded", 13L, 10L, 3L),
                List.of("附件_2024年度第二批浙江省科技型中小企业拟入库名单（舟山市）.docx", "certification_list", "loaded", 3L, 3L,
                        0L)),
                run.rows("select file_name, kind, status, rows_read, rows_loaded, rows_rejected from source_files"
                        + " where kind in ('enterprise_registry', 'certification_list', 'above_scale_roster')"
                        + " order by file_name"));
        assertEquals(0L, run.value("select count(*) from source_files where rows_read <> rows_loaded + rows_rejected"));
        assertEquals(List.of(
                List.of("市场监管局_企业登记_2025-06.xlsx", "企业登记", 12,
                        "统一社会信用代码“91330922MA2H1A0171”校验位错误：按 GB 32100，第 18 位应为“G”"),
                List.of("市场监管局_企业登记_2025-06.xlsx", "企业登记", 13,
                        "登记状态“歇业”不是存续、迁出、吊销、注销、撤销、停业、清算或其常见写法"),
                List.of("市场监管局_企业登记_2025-06.xlsx", "企业登记", 14,
                        "行业代码“A3737”：大类 37 属于门类 C，不是 A"),
                List.of("市场监管局_企业登记_2025-06.xlsx", "企业登记", 15, "注册资本“面议”不是金额"),
                List.of("市场监管局_企业登记_2025-06.xlsx", "企业登记", 16,
                        "统一社会信用代码“91330922MA2H1N131C”中的组织机构代码“MA2H1N131”"
                                + "校验位错误：按 GB 11714，第 17 位应为“5”"),
                List.of("科技局_认定名单_2024.csv", "", 26,
                        "统一社会信用代码“91330922MA2H1A0171”校验位错误：按 GB 32100，第 18 位应为“G”"),
                List.of("科技局_认定名单_2024.csv", "", 27,
                        "统一社会信用代码“91330922MA2H1N131C”中的组织机构代码“MA2H1N131”"
                                + "校验位错误：按 GB 11714，第 17 位应为“5”"),
                List.of("科技局_认定名单_2024.csv", "", 28,
                        "证书编号“GR2023330009”不是 GR + 4 位年份 + 2 位省份代码 + 6 位数字"),
                List.of("科技局_认定名单_2024.csv", "", 29, "状态“撤销”而撤销日期为空"),
                List.of("科技局_认定名单_2024.csv", "", 30, "认定类别“省级科技企业孵化器”不是已知的认定类别"),
                List.of("科技局_认定名单_2024.csv", "", 31, "地区代码“339999”不是 GB/T 2260 中的县、市或省代码"),
                List.of("统计局_规上工业企业名录_2023-2024.csv", "", 12,
                        "营业收入 1500 万元，低于 2000 万元：不是规模以上工业企业"),
                List.of("统计局_规上工业企业名录_2023-2024.csv", "", 13,
                        "统一社会信用代码“91330922MA2H1A0171”校验位错误：按 GB 32100，第 18 位应为“G”"),
                List.of("统计局_规上工业企业名录_2023-2024.csv", "", 14, "地区代码“330999”不是 GB/T 2260 中的县、市或省代码")),
                run.rows("select file_name, coalesce(sheet, ''), row_number, reason from rejected_rows"
                        + " where file_name not like '统计局_企业%' order by file_name, row_number"));
    }

    @Test
    void theRealExportSamplesGiveCurrencyDatesAndCountiesAsTheirSystemsStateThem() {
        PipelineRun run = EnterpriseInbox.withSamples(root).run();
        // 企查查's 注销 without a date is inactive from its file name's 2025-06-01, the data-sharing extract's from
        // 2025-04-30; 吊销 dated by 吊销日期; 万美元 kept as dollars; counties from 区县, the code and 登记机关
        assertEquals(List.of(
                        Arrays.asList("嵊泗海岸工程有限公司", "存续", null, false, 2000.0, "CNY", "330922", "登记机关"),
                        Arrays.asList("岱山蓝海水产有限公司", "存续", null, false, 200.0, "USD", "330921", "所属区县"),
                        Arrays.asList("嵊泗县小洋山物流有限公司", "注销", LocalDate.of(2025, 6, 1), true, null, null,
                                "330922", "所属区县"),
                        Arrays.asList("嵊泗外海养殖有限公司", "存续", null, false, 1200.0, "USD", "330922", "行政区划代码"),
                        Arrays.asList("嵊泗县枸杞岛贸易有限公司", "吊销", LocalDate.of(2023, 8, 15), false, 50.0, "CNY",
                                "330922", "行政区划代码"),
                        Arrays.asList("嵊泗县嵊山渔具有限公司", "注销", LocalDate.of(2025, 4, 30), true, 30.0, "CNY", "330922",
                                "行政区划代码")),
                run.rows("""
                        select enterprise_name, registration_status, status_changed_on, change_date_unknown,
                            registered_capital_wan, capital_currency, region_code, region_source
                        from staging.registry_current
                        where uscc like '%MA2H2W%' or uscc in (select uscc from staging.registry_current
                            where enterprise_name in ('岱山蓝海水产有限公司', '嵊泗县小洋山物流有限公司'))
                        order by uscc"""));
    }

    @Test
    void registryRowsAreNormalised() {
        // given the samples
        PipelineRun run = EnterpriseInbox.withSamples(root).run();
        // then lower-case and full-width codes are stored upper-case half-width, capital split, sections derived
        assertEquals(List.of(
                List.of(EnterpriseSamples.H, "存续", "存续", 2000.0, "CNY", "C2761"),
                List.of(EnterpriseSamples.I, "存续", "存续", 1500.0, "CNY", "C3731"),
                List.of(EnterpriseSamples.E, "迁出", "迁移异地", LocalDate.of(2025, 3, 10), 800.0, "CNY", "G5532"),
                List.of(EnterpriseSamples.G, "存续", "开业", 6350.0, "USD", "C2651")),
                run.rows("""
                        select uscc, registration_status, reported_status, status_changed_on, registered_capital_wan,
                            capital_currency, industry_code
                        from facts.registry_entries
                        where uscc in ('%s', '%s', '%s', '%s') and data_cutoff_on = date '2025-06-30'
                        order by uscc
                        """.formatted(EnterpriseSamples.E, EnterpriseSamples.G, EnterpriseSamples.H,
                        EnterpriseSamples.I)).stream().map(r -> r.stream().filter(v -> v != null).toList()).toList());
        assertEquals(List.of(List.of("330903", 10)), run.rows("select region_code, row_number from facts.registry_entries"
                + " where uscc = '" + EnterpriseSamples.I + "'"));
    }

    @Test
    void theLatestDataCutoffIsCurrentWhateverTheOrderOfDelivery() {
        // given the 2025-06 extract (E 迁出) delivered BEFORE the older 补报 extract (E 存续, cut off 2024-12-31)
        PipelineRun run = EnterpriseInbox.withSamples(root).run();
        // then the row with the later 数据截止日期 is current although it was delivered first
        assertEquals(List.of(List.of("迁出", LocalDate.of(2025, 6, 30))), run.rows(
                "select registration_status, data_cutoff_on from staging.registry_current where uscc = '"
                        + EnterpriseSamples.E + "'"));
        assertEquals(2L, run.value("select count(*) from staging.registry_ranked where uscc = '" + EnterpriseSamples.E
                + "'"));
    }

    @Test
    void aCertificationListInGbkWithAliasedHeadersAndAUnitInTheRosterHeaderIsRecognised() {
        // given a GBK list whose headers use aliases and full-width brackets, and a roster in 元
        String list = "社会信用代码, 单位名称 ,认定类型,证书号,认定时间,有效期,入库年度,认定状态,取消日期,所在地区代码\n"
                + EnterpriseSamples.A + ",浙江嵊泗海洋科技有限公司,国家高新技术企业,GR202133000101,2021年12月16日,,,,,330922000000\n";
        String roster = "年度,统一社会信用代码,企业名称,地区代码,营业收入（元）,研发费用（元）,工业增加值（千元）,是否高新技术产业,是否有研发机构\n"
                + "2024," + EnterpriseSamples.A + ",浙江嵊泗海洋科技有限公司,330922,\"135,000,000\",4200000,33000,Y,有\n";
        PipelineRun run = EnterpriseInbox.withYears(root)
                .deliverText("名单.csv", list, Charset.forName("GBK"))
                .deliverText("名录.csv", roster, StandardCharsets.UTF_8).run();
        // then
        assertEquals(List.of(List.of("高新技术企业", "GR202133000101", LocalDate.of(2021, 12, 16),
                LocalDate.of(2024, 12, 16), true, 2021, "330922")), run.rows("""
                select category, certificate_no, certified_on, valid_until, valid_until_is_default, certification_year,
                    region_code from facts.certifications
                """));
        assertEquals(List.of(List.of(13500.0, 420.0, 3300.0, true, true)), run.rows(
                "select revenue_wan, rd_expense_wan, value_added_wan, is_high_tech, has_rd_institution"
                        + " from facts.roster_entries"));
    }
}
