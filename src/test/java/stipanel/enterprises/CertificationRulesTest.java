package stipanel.enterprises;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import stipanel.testing.PipelineRun;

/**
 * Each validity rule of docs/source-rules.md "Enterprises", over a small list of its own; the panel's years are 2022–2025 and every count
 * is taken at Y-12-31.
 */
class CertificationRulesTest {

    @TempDir
    Path root;

    static String firm(int n, String region) {
        return EnterpriseSamples.code("91", region, "MA7R%04d".formatted(n));
    }

    static final String X1 = firm(1, "330922");
    static final String X2 = firm(2, "330922");
    static final String X3 = firm(3, "330922");

    private PipelineRun list(String rows) {
        return EnterpriseInbox.withYears(root)
                .deliverText("认定名单.csv", EnterpriseInbox.LIST_HEADER + rows, Charset.forName("GBK"));
    }

    /** The years at whose end {@code uscc}'s certificates counted somewhere. */
    private static List<Object> yearsCounted(PipelineRun run, String uscc) {
        return run.rows("select distinct year from staging.certification_year_ends where counted_in is not null"
                + " and uscc = '" + uscc + "' order by year").stream().map(r -> r.get(0)).toList();
    }

    @Test
    void aHighTechCertificateCountsFromItsDateToValidUntilBothDaysIncludedDefaultingToThreeYears() {
        // given certificates of 2021-12-31 (default until 2024-12-31), 2022-12-31 until 2023-12-31, 2023-01-01
        PipelineRun run = list(X1 + ",甲,高新技术企业,GR202133000001,2021-12-31,,,,,\n"
                + X2 + ",乙,高新技术企业,GR202233000002,2022-12-31,2023-12-31,,,,\n"
                + X3 + ",丙,高新技术企业,GR202333000003,2023-01-01,,,,,\n").run();
        // then
        assertEquals(List.of(2022, 2023, 2024), yearsCounted(run, X1));
        assertEquals(List.of(2022, 2023), yearsCounted(run, X2));
        assertEquals(List.of(2023, 2024, 2025), yearsCounted(run, X3));
        assertEquals(List.of(2.0, 3.0, 2.0, 1.0), List.of(run.panel("HTE_COUNT", "330922", 2022),
                run.panel("HTE_COUNT", "330922", 2023), run.panel("HTE_COUNT", "330922", 2024),
                run.panel("HTE_COUNT", "330922", 2025)));
    }

    @Test
    void srdiCountsThreeYearsFromItsDateUnlessValidUntilSaysOtherwise() {
        PipelineRun run = list(X1 + ",甲,专精特新中小企业,,2022-06-01,,,,,\n"
                + X2 + ",乙,专精特新“小巨人”企业,,2022-06-01,2025-12-31,,,,\n").run();
        assertEquals(List.of(2022, 2023, 2024), yearsCounted(run, X1));
        assertEquals(List.of(2022, 2023, 2024, 2025), yearsCounted(run, X2));
        assertEquals(1.0, run.panel("SRDI_COUNT", "330922", 2025));
    }

    @Test
    void aTechSmeCountsInItsCertificationYearOnlyElseInTheYearOfItsDate() {
        PipelineRun run = list(X1 + ",甲,科技型中小企业,,2022-11-01,,2023年,,,\n"
                + X2 + ",乙,科技型中小企业（入库）,,2024/3/1,,,,,\n"
                + X3 + ",丙,科技型中小企业,,,,,,,\n").run();
        assertEquals(List.of(2023), yearsCounted(run, X1));
        assertEquals(List.of(2024), yearsCounted(run, X2));
        assertEquals(List.of(List.of(4, "认定日期为空，认定年度、证书编号和标题也未写明年份")),
                run.rows("select row_number, reason from rejected_rows where file_name = '认定名单.csv'"));
        // the list covers 2023 and 2024; of 2022 and 2025 it says nothing: NULL, not 0 (docs/source-rules.md "Enterprises")
        assertEquals(Arrays.asList(null, 1.0, 1.0, null), Arrays.asList(run.panel("TECH_SME_COUNT", "330922", 2022),
                run.panel("TECH_SME_COUNT", "330922", 2023), run.panel("TECH_SME_COUNT", "330922", 2024),
                run.panel("TECH_SME_COUNT", "330922", 2025)));
        assertEquals("缺少输入：科技型中小企业数 TECH_SME_COUNT（未报送）", run.value("select null_reason from indicator_panel "
                + "where indicator_code = 'TECH_SME_COUNT' and region_code = '330922' and year = 2022"));
    }

    @Test
    void serviceOrganisationsAndRdInstitutionsCountUntilRevokedAndARevocationNeedsItsDate() {
        PipelineRun run = list(X1 + ",甲,科技服务机构,,2022-03-01,,,撤销,2024-12-31,\n"
                + X2 + ",乙,省级企业研究院,,2023-06-01,,,,,\n"
                + X3 + ",丙,科技中介服务机构,,2022-03-01,,,取消,,\n").run();
        // revoked on the year-end day itself: no longer counted at that year end
        assertEquals(List.of(2022, 2023), yearsCounted(run, X1));
        assertEquals(List.of(2023, 2024, 2025), yearsCounted(run, X2));
        assertEquals(List.of(List.of(4, "状态“取消”而撤销日期为空")),
                run.rows("select row_number, reason from rejected_rows where file_name = '认定名单.csv'"));
        assertEquals(List.of(1.0, 1.0, 0.0, 0.0), List.of(run.panel("TECH_SERVICE_ORGS", "330922", 2022),
                run.panel("TECH_SERVICE_ORGS", "330922", 2023), run.panel("TECH_SERVICE_ORGS", "330922", 2024),
                run.panel("TECH_SERVICE_ORGS", "330922", 2025)));
    }

    @Test
    void aReCertifiedEnterpriseWithOverlappingCertificatesCountsOnceAndSoDoesARepeatedListing() {
        // given X1 with overlapping certificates, listed again in a second file
        String rows = X1 + ",甲,高新技术企业,GR202133000001,2021-12-31,,,,,\n"
                + X1 + ",甲,高新技术企业,GR202433000011,2024-11-30,,,,,\n";
        PipelineRun run = list(rows)
                .deliverText("认定名单_再次报送.csv", EnterpriseInbox.LIST_HEADER + rows.replace("甲", "甲公司"),
                        StandardCharsets.UTF_8).run();
        // then
        assertEquals(1.0, run.panel("HTE_COUNT", "330922", 2024));
        assertEquals(2L, run.value("select count(*) from staging.certification_year_ends where year = 2024"
                + " and counted_in is not null"));
    }

    @Test
    void aRevocationInACorrectedListStopsTheCertificateTheOlderListStillShowsValid() {
        PipelineRun run = list(X1 + ",甲,高新技术企业,GR202233000001,2022-12-01,,,,,\n")
                .deliverText("认定名单_更正.csv", EnterpriseInbox.LIST_HEADER
                        + X1 + ",甲,高新技术企业,GR202233000001,2022-12-01,,,撤销,2023-10-01,\n", StandardCharsets.UTF_8)
                .run();
        assertEquals(List.of(2022), yearsCounted(run, X1));
    }

    @Test
    void anEnterpriseTheRegistryShowsInactiveOrNotYetEstablishedDoesNotCount() {
        // given X1 吊销 on 2023-06-30, X2 established 2024-02-01 (certified before), X3 停业 (still registered)
        String registry = "统一社会信用代码,企业名称,登记状态,成立日期,状态变更日期,住所行政区划代码,数据截止日期\n"
                + X1 + ",甲,吊销，未注销,2010-01-01,2023-06-30,330922,2025-06-30\n"
                + X2 + ",乙,存续,2024-02-01,,330922,2025-06-30\n"
                + X3 + ",丙,停业,2010-01-01,2024-01-01,330922,2025-06-30\n";
        PipelineRun run = list(X1 + ",甲,高新技术企业,GR202233000001,2022-01-10,,,,,\n"
                + X2 + ",乙,高新技术企业,GR202333000002,2023-12-01,,,,,\n"
                + X3 + ",丙,高新技术企业,GR202233000003,2022-01-10,,,,,\n")
                .deliverText("登记.csv", registry, StandardCharsets.UTF_8).run();
        // then
        assertEquals(List.of(2022), yearsCounted(run, X1));
        assertEquals(List.of(2024, 2025), yearsCounted(run, X2));
        assertEquals(List.of(2022, 2023, 2024), yearsCounted(run, X3));
        assertEquals(List.of(List.of("inactive", "吊销 于 2023-06-30")), run.rows("select reason, reason_detail"
                + " from certification_status where uscc = '" + X1 + "' and year_end = date '2023-12-31'"));
        assertEquals(List.of(List.of("inactive", "成立于 2024-02-01")), run.rows("select reason, reason_detail"
                + " from certification_status where uscc = '" + X2 + "' and year_end = date '2023-12-31'"));
    }

    @Test
    void anEnterpriseCountsWhereTheRegistryPlacesItElseTheListsRegionElseItsCreditCode() {
        // given P1 in the registry at 330903 (list 330922), P2 not registered with list 330921, P3 with neither
        String p1 = firm(11, "330922");
        String p2 = firm(12, "330922");
        String p3 = firm(13, "330902");
        String p4 = firm(14, "330900");
        String p5 = firm(15, "330922");
        String registry = "统一社会信用代码,企业名称,登记状态,成立日期,住所行政区划代码,数据截止日期\n"
                + p1 + ",甲,存续,2010-01-01,330903,2025-06-30\n"
                + p5 + ",戊,存续,2010-01-01,330921,2025-06-30\n";
        PipelineRun run = list(p1 + ",甲,科技服务机构,,2022-01-01,,,,,330922\n"
                + p2 + ",乙,科技服务机构,,2022-01-01,,,,,330921\n"
                + p3 + ",丙,科技服务机构,,2022-01-01,,,,,\n"
                + p4 + ",丁,科技服务机构,,2022-01-01,,,,,\n"
                + p5 + ",戊,科技服务机构,,2022-01-01,,,,,330900\n")
                .deliverText("登记.csv", registry, StandardCharsets.UTF_8).run();
        // then (P4's credit code names the city 330900: nothing places it in a county; P5's list names only the city)
        assertEquals(List.of(
                        List.of(p4, "not placed"),
                        List.of(p3, "330902", "credit code"),
                        List.of(p1, "330903", "registry", "other region"),
                        List.of(p2, "330921", "list"),
                        List.of(p5, "330921", "registry")),
                run.rows("select uscc, counted_in, region_source, reason from certification_status"
                        + " where year_end = date '2024-12-31' order by uscc").stream()
                        .map(r -> r.stream().filter(v -> v != null).toList()).toList());
        assertEquals(List.of(0.0, 1.0, 2.0, 1.0, 4.0), List.of(run.panel("TECH_SERVICE_ORGS", "330922", 2024),
                run.panel("TECH_SERVICE_ORGS", "330903", 2024), run.panel("TECH_SERVICE_ORGS", "330921", 2024),
                run.panel("TECH_SERVICE_ORGS", "330902", 2024), run.panel("TECH_SERVICE_ORGS", "330900", 2024)));
    }

    @Test
    void countsAreZeroWhenListsWereDeliveredAndNothingQualifiesAndNullWhenNoListWasDelivered() {
        // given a list whose only certificate is from 2025
        PipelineRun run = list(X1 + ",甲,高新技术企业,GR202533000001,2025-12-01,,,,,\n").run();
        assertEquals(0.0, run.panel("HTE_COUNT", "330922", 2024));
        assertEquals(0.0, run.panel("SRDI_COUNT", "330922", 2024));
        assertEquals(1.0, run.panel("HTE_COUNT", "330922", 2025));
        // and without any list
        PipelineRun none = EnterpriseInbox.withYears(root.resolve("none")).run();
        assertEquals(null, none.panel("HTE_COUNT", "330922", 2024));
        assertEquals(List.of(List.of("no_data", "input_missing", "缺少输入：高新技术企业数 HTE_COUNT（未报送）")), none.rows(
                "select status, null_reason_code, null_reason from indicator_panel where indicator_code = 'HTE_COUNT'"
                        + " and region_code = '330922' and year = 2024"));
    }
}
