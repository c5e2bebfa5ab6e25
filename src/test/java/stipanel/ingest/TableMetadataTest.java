package stipanel.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** What title rows, sheet names and file names say about a table (docs/sources.md), read the same for every kind. */
class TableMetadataTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "金额单位：千元|千元",
            "单位：万元|万元",
            "（单位：亿元）|亿元",
            "单位:元|元",
            "金额单位：万元人民币|万元",
            "2024年嵊泗县规模以上工业企业名录（金额单位：千元）|千元",
    })
    void aUnitLineStatesTheMoneyUnit(String title, String unit) {
        TableMetadata.UnitStatement stated = TableMetadata.moneyUnitIn(List.of(title));
        assertTrue(stated.convertible(), title);
        assertEquals(unit, stated.unit());
    }

    @Test
    void aUnitLineThatNamesNoMoneyUnitIsKeptAsStatedAndDoesNotConvert() {
        TableMetadata.UnitStatement dollars = TableMetadata.moneyUnitIn(List.of("金额单位：美元"));
        assertEquals("美元", dollars.stated());
        assertFalse(dollars.convertible());
        TableMetadata.UnitStatement unknown = TableMetadata.moneyUnitIn(List.of("单位：千两"));
        assertEquals("千两", unknown.stated());
        assertFalse(unknown.convertible());
    }

    @Test
    void anOfficeOrACountUnitIsNoMoneyUnit() {
        assertNull(TableMetadata.moneyUnitIn(List.of("填报单位：嵊泗县统计局", "制表单位：科技局")));
        assertNull(TableMetadata.moneyUnitIn(List.of("单位：家")));
        assertNull(TableMetadata.moneyUnitIn(List.of("2024年嵊泗县规模以上工业企业名录")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2024年嵊泗县规模以上工业企业名录|2024",
            "2024年度浙江省科技型中小企业备案名单|2024",
            "表7-3  2023年舟山市各县（区）主要科技指标|2023",
            "２０２５年 嵊泗县高新技术企业名单|2025",
            "2024年名录 数据截至2025年6月30日|2024",
    })
    void aTitleNamesTheDataYear(String title, int year) {
        assertEquals(year, TableMetadata.of(List.of(title), "", "x.csv").year());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "嵊泗县科技创新体系建设工程实施方案(2023—2027年)",
            "时间：2016年-2025年",
            "时间：2022-2025",
            "2023年、2024年科技型中小企业名单",
            "截至2025年6月30日的登记信息",
            "企业名录",
    })
    void aRangeSeveralYearsOrADateNameNoDataYear(String title) {
        assertNull(TableMetadata.of(List.of(title), "", "x.csv").year(), title);
    }

    @Test
    void aPeriodIsNoDataYearAndNoConflictOfYears() {
        assertEquals(List.of(), TableMetadata.of(List.of("时间：2016年-2025年"), "", "x.csv").notes());
        assertEquals(List.of("标题中有多个年份 [2023, 2024]，不据此确定数据年份"),
                TableMetadata.of(List.of("2023年、2024年科技型中小企业名单"), "", "x.csv").notes());
    }

    @Test
    void aLabelledTitleGivesWhatFollowsItsLabelForTheColumnOrAnAlias() {
        Column region = new Column("地区", true, List.of("地区名称"), "", "title");
        TableMetadata m = TableMetadata.of(List.of("数据库：分县年度数据", "地 区：舟山市嵊泗县 ", "时间：最近5年"), "",
                "x.csv");
        assertEquals("舟山市嵊泗县", m.labelled(region));
        assertEquals("嵊泗县", TableMetadata.of(List.of("地区名称:嵊泗县"), "", "x.csv").labelled(region));
        assertNull(TableMetadata.of(List.of("2024年各地区主要指标", "填报地区"), "", "x.csv").labelled(region));
        assertNull(m.labelled(new Column("指标", true, List.of(), "", "title")));
    }

    @Test
    void theSheetNameCanNameTheYear() {
        assertEquals(2024, TableMetadata.of(List.of(), "2024年名录", "x.xlsx").year());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "导出时间：2025-01-06 10:23:45|2025-01-06",
            "检索日期 2025/1/6|2025-01-06",
            "数据截止日期：2025年1月6日|2025-01-06",
            "数据截止2024-12-31|2024-12-31",
            "免责声明：本数据仅供参考。导出日期:20250106|2025-01-06",
    })
    void aDatedTitleOrDisclaimerCellGivesTheCutOff(String title, String date) {
        TableMetadata m = TableMetadata.of(List.of(title), "", "专利导出_20200101.xlsx");
        assertEquals(LocalDate.parse(date), m.cutoff());
        assertEquals("标题", m.cutoffFrom());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "企查查导出_20250106.xlsx|2025-01-06",
            "专利检索 2025-01-06.csv|2025-01-06",
            "名单_2025_01_06.csv|2025-01-06",
            "登记信息2025年1月6日.xlsx|2025-01-06",
            "专利_20240101-20250106.csv|2025-01-06",
    })
    void aFullDateInTheFileNameGivesTheCutOffWhenNoTitleDoes(String file, String date) {
        TableMetadata m = TableMetadata.of(List.of("专利检索结果"), "", file);
        assertEquals(LocalDate.parse(date), m.cutoff());
        assertEquals("文件名", m.cutoffFrom());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "专利检索导出_2023Q4.csv",
            "市场监管局_企业登记_2025-06.xlsx",
            "名录_2024.csv",
            "统计局_主要统计指标_2022-2024.csv",
            "导出_20251345.csv",
    })
    void aBareYearOrYearMonthInAFileNameIsNoDate(String file) {
        assertNull(TableMetadata.dateInFileName(file), file);
    }

    @Test
    void aTitleNamesItsPublicationDateScopeAndWhetherTheListIsProposed() {
        TableMetadata m = TableMetadata.of(List.of("舟山市2024年拟认定高新技术企业名单公示", "发布日期：2025-06-30"), "",
                "x.docx");
        assertEquals(LocalDate.of(2025, 6, 30), m.published());
        assertEquals("330900", m.scope().code());
        assertTrue(m.proposed());
        assertFalse(TableMetadata.of(List.of("2024年高新技术企业名单"), "", "x.docx").proposed());
        assertTrue(TableMetadata.of(List.of(), "拟入库名单", "x.xlsx").proposed());
        assertTrue(TableMetadata.of(List.of("2024年度第二批科技型中小企业入库名单公示"), "", "x.docx").proposed());
        assertFalse(TableMetadata.of(List.of("以上数据来源于国家企业信用信息公示系统，仅供参考"), "", "企查查.xlsx")
                .proposed());
    }

    @Test
    void anUnreadablePublicationDateIsKeptAsStated() {
        TableMetadata m = TableMetadata.of(List.of("发布日期：下月"), "", "x.xlsx");
        assertNull(m.published());
        assertEquals("下月", m.publishedUnreadable());
    }
}
