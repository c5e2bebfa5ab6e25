package stipanel.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import stipanel.testing.PipelineRun;

/**
 * docs/sources.md: title rows and file names carry metadata for every kind. One night loads a roster whose title gives
 * its year and its money unit, rosters whose title unit cannot convert or contradicts a header, a patent extract
 * cut off on the date in its file name and a registry extract whose disclaimer row dates it.
 */
class TitleMetadataIngestTest {

    static final String ROSTER_HEADER = "统一社会信用代码,企业名称,地区代码,行业代码,营业收入,研发费用,工业增加值,是否高新技术产业,是否有研发机构\n";

    static PipelineRun run;

    @BeforeAll
    static void deliverAndRun(@TempDir Path root) {
        run = new PipelineRun(root)
                .deliverText("名录_千元.csv", "2024年嵊泗县规模以上工业企业名录\n金额单位：千元\n" + ROSTER_HEADER
                        + "91330922MA2H1A017G,浙江嵊泗海洋科技有限公司,330922,C3731,125000,3600,30000,是,是\n"
                        + "91330922MA2H1B028U,嵊泗县远洋渔业装备有限公司,330922,C3731,19000,120,1800,否,否\n",
                        StandardCharsets.UTF_8)
                .deliverText("名录_美元.csv", "2023年嵊泗县规模以上工业企业名录\n金额单位：美元\n" + ROSTER_HEADER
                        + "91330922MA2H1C0397,嵊泗绿色能源股份有限公司,330922,D4415,6500,65,2100,是,否\n",
                        StandardCharsets.UTF_8)
                .deliverText("名录_表头单位.csv", "2022年嵊泗县规模以上工业企业名录（金额单位：千元）\n"
                        + "统一社会信用代码,企业名称,地区代码,营业收入（万元）,研发费用\n"
                        + "91330922MA2H1A017G,浙江嵊泗海洋科技有限公司,330922,\"12,000\",3600\n", StandardCharsets.UTF_8)
                .deliverText("专利导出_20250106.csv", "申请号,专利类型,申请日,授权公告日,名称,主分类号,地区代码,法律状态\n"
                        + "CN201510234561.2,发明,2015-03-10,2018-06-01,一种浮式海上平台的系泊定位装置,B63B 35/44,330922,有效\n",
                        StandardCharsets.UTF_8)
                .deliverText("企业登记.csv", "免责声明：本数据仅供参考,导出时间：2025-03-31 16:20\n"
                        + "统一社会信用代码,企业名称,登记状态,成立日期,注册资本,住所行政区划代码\n"
                        + "91330922MA2H1E050U,嵊泗港航物流科技有限公司,存续,2018/7/9,800万元,330922\n", StandardCharsets.UTF_8)
                .run();
        assertEquals(0, run.exitCode, run.stderr);
    }

    @Test
    void aRosterTakesItsYearAndItsThousandYuanFromTheTitle() {
        // 125000千元 = 12500万元, 3600千元 = 360万元, 30000千元 = 3000万元; 19000千元 = 1900万元 is below scale
        assertEquals(List.of(List.of(2024, "91330922MA2H1A017G", 12500.0, 360.0, 3000.0)),
                run.rows("select year, uscc, revenue_wan, rd_expense_wan, value_added_wan from facts.roster_entries"
                        + " where content_hash = (select content_hash from source_files where file_name = '名录_千元.csv')"));
        List<List<Object>> rejected = run.rows("select row_number, reason from rejected_rows where file_name = '名录_千元.csv'");
        assertEquals(1, rejected.size());
        assertEquals(5, rejected.get(0).get(0));
        assertTrue(((String) rejected.get(0).get(1)).contains("1900"), rejected.toString());
        assertEquals("年份取自标题：2024", run.value("select message from source_files where file_name = '名录_千元.csv'"));
    }

    @Test
    void aTitleUnitThatDoesNotConvertRejectsTheRowsItWouldRead() {
        assertEquals(List.of(List.of(4, "title_unit_unconvertible", "营业收入：标题所述金额单位“美元”无法换算为万元，数值无法读取")),
                run.rows("select row_number, reason_code, reason from rejected_rows where file_name = '名录_美元.csv'"));
    }

    @Test
    void aHeadersOwnUnitWinsOverTheTitlesAndTheConflictIsReported() {
        // 营业收入（万元） stays 12000万元; 研发费用 has no unit of its own: 3600千元 = 360万元
        assertEquals(List.of(List.of(2022, 12000.0, 360.0)), run.rows("select year, revenue_wan, rd_expense_wan"
                + " from facts.roster_entries where content_hash = (select content_hash from source_files"
                + " where file_name = '名录_表头单位.csv')"));
        assertEquals("年份取自标题：2022；标题所述金额单位“千元”与表头营业收入(万元)的单位不同，以表头为准",
                run.value("select message from source_files where file_name = '名录_表头单位.csv'"));
    }

    @Test
    void aPatentExtractIsCutOffOnTheDateInItsFileName() {
        assertEquals(List.of(List.of(LocalDate.of(2025, 1, 6), false)), run.rows(
                "select data_cutoff, data_cutoff_is_ingest_date from facts.patent_rows"));
        assertEquals("数据截止日期取自文件名：2025-01-06",
                run.value("select message from source_files where file_name = '专利导出_20250106.csv'"));
    }

    @Test
    void aRegistryExtractIsCutOffOnTheExportTimeOfItsDisclaimerRow() {
        assertEquals(List.of(List.of(LocalDate.of(2025, 3, 31), false)), run.rows(
                "select data_cutoff_on, data_cutoff_is_ingest_date from facts.registry_entries"));
    }
}
