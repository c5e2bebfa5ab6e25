package stipanel.patents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import stipanel.ingest.Delivery;
import stipanel.ingest.HeaderBinding;
import stipanel.ingest.IngestSettings;
import stipanel.ingest.KindDefinitions;
import stipanel.ingest.LoadContext;
import stipanel.ingest.RawRow;
import stipanel.ingest.RowRejectedException;
import stipanel.ingest.TableMetadata;

/** The rules of the real patent exports (docs/sources.md), one row at a time, with literal values and reasons. */
class PatentRealExportsTest {

    private static final PatentExtractKind KIND = new PatentExtractKind(KindDefinitions.shipped());

    @Test
    void theExportsHeadersBindWithoutA授权公告日Column() {
        HeaderBinding patsnap = bound("公开(公告)号", "申请号", "标题", "申请日", "授权日", "专利类型", "简单法律状态",
                "法律状态/事件", "[标]当前申请(专利权)人", "当前申请(专利权)人州/省", "当前申请(专利权)人地市",
                "当前申请(专利权)人区县", "工商统一社会信用代码", "IPC主分类号");
        assertEquals(List.of(), patsnap.unread());
        HeaderBinding incopat = bound("标题", "申请人", "公开(公告)号", "申请号", "申请日", "专利类型", "IPC主分类",
                "授权公告日", "失效日", "申请人地址", "中国申请人地市", "中国申请人区县", "工商统一社会信用代码", "专利有效性",
                "当前法律状态");
        assertEquals(List.of(), incopat.unread());
        HeaderBinding platform = bound("申请号", "申请日", "公开（公告）号", "公开（公告）日", "申请（专利权）人", "分类号",
                "地址", "名称", "专利同族", "最新法律状态", "法律状态", "专利权状态");
        assertEquals(List.of("专利同族"), platform.unread());
        HeaderBinding database = bound("申请号", "申请日", "名称", "主分类号", "省", "市", "区", "颁证日", "专利权状态",
                "国省代码");
        // 国省代码 names a province: it places nothing, so it is reported unread
        assertEquals(List.of("国省代码"), database.unread());
        assertEquals("颁证日", database.columns().get("授权公告日").text());
        assertEquals(List.of(), KIND.assess(List.of("申请号", "申请日"), TableMetadata.none()).missing(),
                "授权公告日 is no longer required");
    }

    // --- grant date ---

    @Test
    void aGrantColumnWinsAndOtherwiseAGrantPublicationDatesTheGrant() {
        assertEquals(LocalDate.of(2022, 5, 10), read(Map.of("授权日", "2022-05-10", "公开(公告)号", "CN113556601B",
                "公开(公告)日", "2022-06-01")).granted());
        assertEquals(LocalDate.of(2022, 9, 16), read(Map.of("公开(公告)号", "CN111938801A;CN111938801B",
                "公开(公告)日", "2020.11.13;2022.09.16")).granted());
        assertEquals(LocalDate.of(2022, 1, 12), read(Map.of("公开(公告)号", "CN1185768C", "公开(公告)日", "2022-01-12"))
                .granted());
    }

    @ParameterizedTest
    @CsvSource({"CN113556601A", "CN113556601", "113556601"})
    void aPublicationWithoutAGrantKindCodeLeavesAnApplication(String publication) {
        PatentExtractKind.PatentRow p = read(Map.of("公开(公告)号", publication, "公开(公告)日", "2021-06-01",
                "简单法律状态", "审中"));
        assertNull(p.granted());
        assertEquals(LegalStatus.PENDING, p.status());
    }

    @Test
    void aGrantPublicationOfAnotherTypeOrWithoutItsDateRejects() {
        RowRejectedException utility = rejected(Map.of("公开(公告)号", "CN213556601U", "公开(公告)日", "2021-06-01"));
        assertEquals("publication_kind_mismatch", utility.code());
        assertEquals("公开（公告）号“CN213556601U”的文献种类代码 U 是实用新型的授权公告，而申请号表明是发明", utility.reason());
        RowRejectedException undated = rejected(Map.of("公开(公告)号", "CN113556601B"));
        assertEquals("grant_date_missing", undated.code());
        assertEquals("公开（公告）号“CN113556601B”是授权公告，但公开（公告）日为空，无法确定授权日期", undated.reason());
        RowRejectedException unmatched = rejected(Map.of("公开(公告)号", "CN113556601A;CN113556601B",
                "公开(公告)日", "2022-05-10"));
        assertEquals("公开（公告）号“CN113556601B”是授权公告，但公开（公告）日“2022-05-10”与公开（公告）号不能一一对应，"
                + "无法确定授权日期", unmatched.reason());
    }

    // --- 专利类型 and legal status ---

    @ParameterizedTest
    @CsvSource({"发明", "发明专利", "发明授权", "授权发明", "发明申请", "发明公开"})
    void theInventionWordingsAgreeWithTypeDigit1(String wording) {
        assertEquals(PatentType.INVENTION, read(Map.of("专利类型", wording)).type());
    }

    @Test
    void anInventionWordingOnAUtilityNumberRejects() {
        RowRejectedException e = rejected(Map.of("申请号", "CN202320447704.8", "专利类型", "授权发明"));
        assertEquals("专利类型“授权发明”与申请号 202320447704.8 不符：其专利类型位 2 表示实用新型", e.reason());
    }

    @ParameterizedTest
    @CsvSource({
            "有效, VALID", "授权, VALID", "有权, VALID", "维持, VALID",
            "失效, LAPSED", "无效, LAPSED", "未缴年费, LAPSED", "年费终止, LAPSED", "期限届满, LAPSED", "权利终止, LAPSED",
            "专利权的终止, LAPSED", "放弃, LAPSED", "避重放弃, LAPSED", "无权, LAPSED",
            "审中, PENDING", "实质审查, PENDING", "公开, PENDING", "在审, PENDING",
            "驳回, REJECTED", "撤回, WITHDRAWN", "视为撤回, WITHDRAWN",
    })
    void theStatusWordingsOfTheExports(String wording, LegalStatus status) {
        assertEquals(status, read(Map.of("专利有效性", wording)).status());
    }

    @Test
    void aCurrentStatusColumnWinsOverTheEventHistoryAndInItsOrder() {
        // 简单法律状态 before 专利有效性 before 专利权状态 before 当前法律状态 before 最新法律状态
        assertEquals(LegalStatus.LAPSED, read(Map.of("简单法律状态", "失效", "专利有效性", "有效", "当前法律状态", "授权",
                "法律状态/事件", "授权 | 实质审查 | 公开")).status());
        assertEquals(LegalStatus.LAPSED, read(Map.of("专利权状态", "无权", "最新法律状态", "授权", "法律状态",
                "2021.02.09 授权")).status());
        assertEquals(LegalStatus.PENDING, read(Map.of("最新法律状态", "实质审查的生效", "法律状态",
                "2021.07.02 公开；2021.07.20 实质审查的生效")).status());
    }

    @Test
    void anEventHistoryAloneGivesItsLatestDatedState() {
        assertEquals(LegalStatus.VALID, read(Map.of("法律状态",
                "2022.09.16 授权；2020.11.13 公开；2020.12.01 实质审查的生效")).status());
        assertEquals(LegalStatus.LAPSED, read(Map.of("法律状态/事件",
                "2020-06-30 授权; 2024-03-10 未缴年费专利权终止; 2024-05-01 专利权质押")).status());
        RowRejectedException undated = rejected(Map.of("法律状态/事件", "未缴年费 | 授权 | 实质审查 | 公开"));
        assertEquals("legal_status_history_undated", undated.code());
        assertEquals("法律状态/事件“未缴年费 | 授权 | 实质审查 | 公开”列出了多个法律状态事件，但未注明日期，无法确定当前状态"
                + "（请导出简单法律状态或当前法律状态）", undated.reason());
        RowRejectedException unknown = rejected(Map.of("简单法律状态", "PCT进入国家阶段"));
        assertEquals("legal_status_unknown", unknown.code());
        assertEquals("简单法律状态“PCT进入国家阶段”不是已知的法律状态（有效、失效、审中、驳回、撤回/视为撤回，或其常见写法）",
                unknown.reason());
    }

    @Test
    void lapsedWithoutALapseColumnIsKeptAndWithAnEmptyOneRejects() {
        PatentExtractKind.PatentRow p = read(Map.of("简单法律状态", "失效", "授权日", "2021-09-14"));
        assertEquals(LegalStatus.LAPSED, p.status());
        assertNull(p.lapsed(), "dated by the cut-off in staging.patents_current");
        assertEquals(LocalDate.of(2025, 6, 30), p.cutoff());
        RowRejectedException e = rejected(Map.of("专利有效性", "失效", "失效日", ""));
        assertEquals("lapse_date_missing", e.code());
        assertEquals("法律状态为失效，但失效日期为空（本表有失效日期列，应填写失效日期）", e.reason());
        assertEquals(LocalDate.of(2023, 5, 20), read(Map.of("专利有效性", "失效", "失效日", "2023-05-20")).lapsed());
    }

    // --- county placement ---

    @Test
    void theCountyComesFrom地区代码ThenTheCreditCodeThenTheCountyNameThenTheAddress() {
        Map<String, String> all = Map.of("地区代码", "330921", "工商统一社会信用代码", "91330922MA222K7Q5U",
                "当前申请(专利权)人区县", "普陀区", "当前申请(专利权)人地市", "舟山市", "申请人地址", "浙江省舟山市定海区临城街道");
        assertPlaced("330921", "地区代码", all);
        assertPlaced("330922", "专利权人统一社会信用代码", without(all, "地区代码"));
        assertPlaced("330903", "区县", without(all, "地区代码", "工商统一社会信用代码"));
        assertPlaced("330902", "地址", without(all, "地区代码", "工商统一社会信用代码", "当前申请(专利权)人区县"));
        // a city in 地区代码 and a credit code of a city pass to the next way
        assertPlaced("330922", "专利权人统一社会信用代码", Map.of("地区代码", "330900",
                "工商统一社会信用代码", "91330922MA222K7Q5U"));
        assertPlaced("330903", "区县", Map.of("工商统一社会信用代码", "91330900MA2J5N8D5G", "当前申请(专利权)人区县", "普陀区",
                "当前申请(专利权)人州/省", "浙江省"));
    }

    @Test
    void aDistrictNameInTwoCitiesIsResolvedByTheCityElseRejectedNamingBoth() {
        assertPlaced("310107", "区县", Map.of("当前申请(专利权)人区县", "普陀区", "当前申请(专利权)人地市", "上海市"));
        assertPlaced("330903", "区县", Map.of("当前申请(专利权)人区县", "普陀区", "当前申请(专利权)人地市", "舟山市"));
        RowRejectedException e = rejected(Map.of("当前申请(专利权)人区县", "普陀区"));
        assertEquals("region_name_ambiguous", e.code());
        assertEquals("地区代码为空；统一社会信用代码为空；区县“普陀区”在全国有 2 个同名区县：310107 上海市普陀区、330903 舟山市普陀区"
                + "（请提供所属城市）", e.reason());
    }

    @Test
    void anAddressPlacesTheRowOnlyWhenItNamesExactlyOneCounty() {
        assertPlaced("330922", "地址", Map.of("申请人地址", "浙江省舟山市嵊泗县菜园镇沙河路"));
        RowRejectedException two = rejected(Map.of("申请人地址", "浙江省舟山市普陀区东港街道海莲路8号及定海区盐仓街道仓库"));
        assertEquals("address_counties_several", two.code());
        assertEquals("地区代码为空；统一社会信用代码为空；区县为空；地址“浙江省舟山市普陀区东港街道海莲路8号及定海区盐仓街道仓库”中有"
                + " 2 个区县：330903 舟山市普陀区、330902 舟山市定海区，无法确定专利所在的县", two.reason());
        RowRejectedException none = rejected(Map.of("申请人地址", "浙江省舟山市", "地区代码", "330900",
                "工商统一社会信用代码", "91330922MA222K7Q5V"));
        assertEquals("patent_unplaced", none.code());
        assertEquals("地区代码“330900”是舟山市，不是区县；统一社会信用代码“91330922MA222K7Q5V”校验位错误，不能用来定位；区县为空；"
                + "地址“浙江省舟山市”中没有区县名称：无法确定专利所在的县（按地区代码、统一社会信用代码、区县名称、地址的顺序尝试）",
                none.reason());
    }

    // --- the row, bound to a header holding every column of every export above ---

    static final List<String> HEADER = List.of("申请号", "专利类型", "申请日", "授权日", "公开(公告)号",
            "公开(公告)日", "名称", "IPC主分类号", "工商统一社会信用代码", "地区代码", "当前申请(专利权)人州/省",
            "当前申请(专利权)人地市", "当前申请(专利权)人区县", "申请人地址", "简单法律状态", "专利有效性", "专利权状态",
            "当前法律状态", "最新法律状态", "法律状态", "法律状态/事件", "失效日");

    /** An invention filed 2021-03-15; every other cell empty. */
    static final Map<String, String> BASE = Map.of("申请号", "CN202110556601.0", "申请日", "2021-03-15",
            "名称", "一种海岛光伏储能装置", "地区代码", "330922");

    private static void assertPlaced(String county, String from, Map<String, String> cells) {
        Map<String, String> row = new LinkedHashMap<>(cells);
        row.putIfAbsent("地区代码", "");
        PatentExtractKind.PatentRow p = read(row);
        assertEquals(county, p.region().code());
        assertEquals(from, p.regionFrom());
    }

    private static Map<String, String> without(Map<String, String> cells, String... columns) {
        Map<String, String> row = new LinkedHashMap<>(cells);
        for (String c : columns) {
            row.put(c, "");
        }
        return row;
    }

    private static RowRejectedException rejected(Map<String, String> cells) {
        Map<String, String> row = new LinkedHashMap<>(cells);
        if (cells.keySet().stream().anyMatch(c -> c.contains("区县") || c.contains("地址"))) {
            row.putIfAbsent("地区代码", "");
        }
        return assertThrows(RowRejectedException.class, () -> read(row));
    }

    private static PatentExtractKind.PatentRow read(Map<String, String> cells) {
        List<String> header = new ArrayList<>(HEADER);
        // 失效日 only where the row speaks of it: the lapse-date rule depends on whether the column is there
        if (!cells.containsKey("失效日")) {
            header.remove("失效日");
        }
        HeaderBinding binding = bound(header.toArray(String[]::new));
        List<String> row = new ArrayList<>();
        for (String column : header) {
            row.add(cells.getOrDefault(column, BASE.getOrDefault(column, "")));
        }
        Delivery delivery = new Delivery(1, Path.of("PatSnap_专利检索导出.xlsx"), "PatSnap_专利检索导出.xlsx", "hash", 1,
                LocalDate.of(2026, 11, 1));
        LoadContext context = new LoadContext(null, delivery, "", binding, new IngestSettings(LocalDate.of(2026, 11, 1)));
        return PatentExtractKind.read(binding, new RawRow(3, row), context);
    }

    private static HeaderBinding bound(String... header) {
        // PatSnap's search line above the header gives the cut-off
        HeaderBinding.Assessment a = KIND.assess(List.of(header),
                TableMetadata.of(List.of("检索式：AC=(舟山)    检索日期：2025-06-30"), "检索结果", "PatSnap_专利检索导出.xlsx"));
        assertTrue(a.bound(), () -> "not bound, lacks " + a.missing());
        return a.binding();
    }
}
