package stipanel.patents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import stipanel.ingest.Delivery;
import stipanel.ingest.HeaderBinding;
import stipanel.ingest.IngestSettings;
import stipanel.ingest.KindDefinitions;
import stipanel.ingest.TableMetadata;
import stipanel.ingest.LoadContext;
import stipanel.ingest.RawRow;
import stipanel.ingest.RowRejectedException;

/** One delivered row through the patent kind's validation, before anything is appended. */
class PatentRowTest {

    static final List<String> HEADER = List.of("申请号", "专利类型", "申请日", "授权公告日", "名称", "主分类号",
            "申请（专利权）人", "专利权人统一社会信用代码", "地区代码", "法律状态", "失效日期", "海外同族",
            "质押融资金额（万元）", "获奖情况", "数据截止日期");

    static final Map<String, String> GOOD = Map.ofEntries(
            Map.entry("申请号", "CN201710601862.3"), Map.entry("专利类型", "发明"), Map.entry("申请日", "2017-08-01"),
            Map.entry("授权公告日", "2020/3/5"), Map.entry("名称", "一种海水淡化装置"), Map.entry("主分类号", "C02F1/44"),
            Map.entry("申请（专利权）人", "嵊泗县海洋新能源科技有限公司"),
            Map.entry("专利权人统一社会信用代码", "91330922148927355J"), Map.entry("地区代码", "330922"),
            Map.entry("法律状态", "有效"), Map.entry("失效日期", ""), Map.entry("海外同族", "否"),
            Map.entry("质押融资金额（万元）", "1,000"), Map.entry("获奖情况", ""), Map.entry("数据截止日期", "2025年6月30日"));

    private final PatentExtractKind kind = new PatentExtractKind(KindDefinitions.shipped());

    @Test
    void aGoodRowIsReadIntoTypedValues() {
        // given a row as an export writes it
        // when it is read
        PatentExtractKind.PatentRow p = read(GOOD, Map.of());
        // then every value is normalised
        assertEquals("201710601862.3", p.number().toString());
        assertEquals(PatentType.INVENTION, p.type());
        assertFalse(p.typeDerived());
        assertEquals(LocalDate.of(2017, 8, 1), p.filed());
        assertEquals(LocalDate.of(2020, 3, 5), p.granted());
        assertEquals("C02F 1/44", p.ipc());
        assertEquals("330922", p.region().code());
        assertEquals("地区代码", p.regionFrom());
        assertEquals(LegalStatus.VALID, p.status());
        assertEquals(false, p.overseas());
        assertEquals(0, new BigDecimal("1000").compareTo(p.pledgeWan()));
        assertEquals(LocalDate.of(2025, 6, 30), p.cutoff());
        assertFalse(p.cutoffIsIngestDate());
    }

    @Test
    void anEmptyTypeIsDerivedFromTheTypeDigitAndAMissingCutoffIsTheIngestDate() {
        PatentExtractKind.PatentRow p = read(GOOD, Map.of("专利类型", "", "数据截止日期", "", "地区代码", ""));
        assertEquals(PatentType.INVENTION, p.type());
        assertTrue(p.typeDerived());
        assertEquals(LocalDate.of(2026, 11, 1), p.cutoff());
        assertTrue(p.cutoffIsIngestDate());
        assertEquals("330922", p.region().code());
        assertEquals("专利权人统一社会信用代码", p.regionFrom());
    }

    @Test
    void aPledgeInThe元OfTheHeaderIsConverted() {
        List<String> header = new ArrayList<>(HEADER);
        header.set(12, "质押融资金额（元）");
        HeaderBinding binding = bound(header);
        assertEquals("元", binding.unit("质押融资金额"));
        PatentExtractKind.PatentRow p = PatentExtractKind.read(binding, row(GOOD, Map.of("质押融资金额（万元）", "9999900")),
                context(binding));
        assertEquals(0, new BigDecimal("999.99").compareTo(p.pledgeWan()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "申请号|201710601862.4|申请号“201710601862.4”校验位错误：按 ZC 0006-2003，201710601862 的校验位应为“3”，不是“4”",
            "专利类型|实用新型|专利类型“实用新型”与申请号 201710601862.3 不符：其专利类型位 1 表示发明",
            "专利类型|商标|专利类型“商标”不是发明、实用新型、外观设计之一",
            "申请日||申请日为空（保护期和维持 10 年的判断都需要申请日）",
            "申请日|2017-02-30|申请日“2017-02-30”不是有效日期（日历上没有这一天）",
            "授权公告日|2016-12-31|授权公告日 2016-12-31 早于申请日 2017-08-01",
            "法律状态|未知|法律状态“未知”不是已知的法律状态（有效、失效、审中、驳回、撤回/视为撤回，或其常见写法）",
            "法律状态|失效|法律状态为失效，但失效日期为空（本表有失效日期列，应填写失效日期）",
            "失效日期|2017-01-01|失效日期 2017-01-01 早于申请日 2017-08-01",
            "地区代码|339999|地区代码“339999”不是 GB/T 2260 中的县、市或省代码",
            "海外同族|待查|海外同族“待查”既不是是/否（有/无、Y/N），也不是件数",
            "主分类号|海水淡化|主分类号“海水淡化”不是 IPC 分类号（如 H01M 10/0525）",
            "数据截止日期|2025-13-01|数据截止日期“2025-13-01”不是有效日期（日历上没有这一天）",
    })
    void eachRuleRejectsTheRowWithItsReason(String column, String value, String reason) {
        // given a good row with one cell broken
        Map<String, String> broken = Map.of(column, value == null ? "" : value);
        // when it is read
        RowRejectedException e = assertThrows(RowRejectedException.class, () -> read(GOOD, broken));
        // then the reason names the rule
        assertEquals(reason, e.reason());
    }

    @Test
    void aCityIn地区代码LeavesTheCreditCodeToPlaceThePatent() {
        PatentExtractKind.PatentRow p = read(GOOD, Map.of("地区代码", "330900"));
        assertEquals("330922", p.region().code());
        assertEquals("专利权人统一社会信用代码", p.regionFrom());
        RowRejectedException e = assertThrows(RowRejectedException.class,
                () -> read(GOOD, Map.of("地区代码", "330900", "专利权人统一社会信用代码", "")));
        assertEquals("地区代码“330900”是舟山市，不是区县；统一社会信用代码为空：无法确定专利所在的县"
                + "（按地区代码、统一社会信用代码、区县名称、地址的顺序尝试）", e.reason());
    }

    @Test
    void aRowWithNeitherRegionNorCreditCodeIsRejected() {
        RowRejectedException e = assertThrows(RowRejectedException.class,
                () -> read(GOOD, Map.of("地区代码", "", "专利权人统一社会信用代码", "")));
        assertEquals("patent_unplaced", e.code());
        assertEquals("地区代码为空；统一社会信用代码为空：无法确定专利所在的县（按地区代码、统一社会信用代码、区县名称、地址的顺序尝试）",
                e.reason());
    }

    @Test
    void theHeaderIsRecognisedWithBracketsAndAliasesAndOtherHeadersAreNot() {
        assertTrue(kind.assess(List.of("申请号", "申请日", "授权公告日"), TableMetadata.none()).bound());
        HeaderBinding aliases = bound(List.of("申请号", "发明名称", "申请日", "授权日", "IPC主分类号",
                "申请(专利权)人", "当前法律状态", "质押融资金额(万元)"));
        assertEquals(8, aliases.size());
        assertEquals(List.of(), aliases.unread());
        assertFalse(kind.assess(List.of("年份", "地区代码", "指标名称", "数值"), TableMetadata.none()).bound());
        assertFalse(kind.assess(List.of("统一社会信用代码", "企业名称", "成立日期", "数据截止日期"), TableMetadata.none()).bound());
        assertEquals(List.of("申请日"), kind.assess(List.of("申请号", "授权公告日"), TableMetadata.none()).missing(),
                "申请日 is required (授权公告日 no longer: the platform exports date a grant by its publication)");
    }

    private PatentExtractKind.PatentRow read(Map<String, String> base, Map<String, String> changes) {
        HeaderBinding binding = bound(HEADER);
        return PatentExtractKind.read(binding, row(base, changes), context(binding));
    }

    private static RawRow row(Map<String, String> base, Map<String, String> changes) {
        List<String> cells = new ArrayList<>();
        for (String column : HEADER) {
            cells.add(changes.getOrDefault(column, base.get(column)));
        }
        return new RawRow(2, cells);
    }

    private static LoadContext context(HeaderBinding binding) {
        Delivery delivery = new Delivery(1, Path.of("专利.csv"), "专利.csv", "hash", 1, LocalDate.of(2026, 11, 1));
        return new LoadContext(null, delivery, "", binding, new IngestSettings(LocalDate.of(2026, 11, 1)));
    }

    private HeaderBinding bound(List<String> header) {
        HeaderBinding.Assessment a = kind.assess(header, TableMetadata.none());
        assertTrue(a.bound(), () -> "not bound, lacks " + a.missing());
        return a.binding();
    }
}
