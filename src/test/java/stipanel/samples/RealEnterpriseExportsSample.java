package stipanel.samples;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import stipanel.ingest.Uscc;
import stipanel.testing.OfficeFiles;

/**
 * Writes the enterprise samples laid out as real exports are (docs/sources.md; src/test/resources/samples/enterprises.md):
 * a 企查查 export (a disclaimer row above the header, 所属省份/所属城市/所属区县, industry as names, `-` for empty), a
 * 天眼查 export (a title row, the header on row 2, 公司名称), the 市场监管 data-sharing extract (注册资本(万元) with a
 * separate 币种, 注销日期/吊销日期, 登记机关, 行政区划代码) and a certification list as the province publishes it (title
 * row, 序号 and 企业名称, a region name, no credit code and no category column). The rows are our own invention.
 * Run: java -cp "target/test-classes:target/classes:$(cat target/classpath)" stipanel.samples.RealEnterpriseExportsSample
 */
public final class RealEnterpriseExportsSample {

    static final String B = code("330922", "MA2H1B02");    // 嵊泗县远洋渔业装备 (also in the registry workbook)
    static final String Q1 = code("330922", "MA2H2Q01");   // 嵊泗列岛海洋牧场: only in the 企查查 export
    static final String Q2 = code("330922", "MA2H2Q02");   // 嵊泗县小洋山物流: 注销 without a date
    static final String Q3 = code("330903", "MA2H2Q03");   // 舟山普陀海韵船舶: 普陀区 within 舟山市
    static final String T1 = code("330903", "MA2H2T01");   // 舟山普陀船舶设计: formerly 普陀船舶科技 (I's name)
    static final String T2 = code("330921", "MA2H2T02");   // 岱山蓝海水产: capital in US dollars
    static final String S1 = code("330922", "MA2H2W01");   // 嵊泗外海养殖: 1200 万美元 in 注册资本(万元) + 币种
    static final String S2 = code("330922", "MA2H2W02");   // 嵊泗县枸杞岛贸易: 吊销 on 2023-08-15 (吊销日期)
    static final String S3 = code("330922", "MA2H2W03");   // 嵊泗县嵊山渔具: 注销 without a date
    static final String S4 = code("330900", "MA2H2W04");   // 嵊泗海岸工程: no 行政区划代码, 登记机关 嵊泗县…

    private RealEnterpriseExportsSample() {
    }

    static String code(String region, String organisation8) {
        String first17 = "91" + region + organisation8 + Uscc.organisationCheck(organisation8);
        return first17 + Uscc.checkCharacter(first17);
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "data-samples/enterprises");
        Files.createDirectories(dir);
        qichacha(dir.resolve("企查查_嵊泗县企业_20250601.xlsx"));
        tianyancha(dir.resolve("天眼查_舟山市企业列表.xlsx"));
        Files.writeString(dir.resolve("市场监管_数据共享_企业登记_20250430.csv"), dataSharing(), StandardCharsets.UTF_8);
        publishedList(dir.resolve("2024年度浙江省创新型中小企业名单.xlsx"));
        proposedWordList(dir.resolve("附件_2024年度第二批浙江省科技型中小企业拟入库名单（舟山市）.docx"));
    }

    static void qichacha(Path file) throws Exception {
        write(file, "企查查", List.of(
                List.of("免责声明：本数据由企查查根据国家企业信用信息公示系统等公开信息整理，仅供参考，不构成任何建议。"),
                List.of("企业名称", "登记状态", "法定代表人", "注册资本", "成立日期", "统一社会信用代码", "所属省份", "所属城市",
                        "所属区县", "电话", "企业地址", "国标行业门类", "国标行业大类", "国标行业中类", "曾用名"),
                List.of("嵊泗县远洋渔业装备有限公司", "在业", "陈海", "500万元人民币", "2012-08-15", B, "浙江省", "舟山市",
                        "嵊泗县", "-", "浙江省舟山市嵊泗县菜园镇海滨路8号", "制造业", "铁路、船舶、航空航天和其他运输设备制造业",
                        "船舶及相关装置制造", "嵊泗远洋渔具有限公司"),
                List.of("嵊泗列岛海洋牧场有限公司", "存续", "王潮", "300万元人民币", "2019-05-10", Q1, "浙江省", "舟山市",
                        "嵊泗县", "0580-5080001", "浙江省舟山市嵊泗县五龙乡", "农、林、牧、渔业", "渔业", "水产养殖", "-"),
                List.of("嵊泗县小洋山物流有限公司", "注销", "李港", "-", "2016-03-01", Q2, "浙江省", "舟山市", "嵊泗县", "-",
                        "-", "交通运输、仓储和邮政业", "装卸搬运和仓储业", "装卸搬运", "-"),
                List.of("舟山普陀海韵船舶有限公司", "存续", "周帆", "800万元人民币", "2018-09-09", Q3, "浙江省", "舟山市",
                        "普陀区", "-", "浙江省舟山市普陀区沈家门街道", "制造业", "铁路、船舶、航空航天和其他运输设备制造业",
                        "船舶及相关装置制造", "-")));
    }

    static void tianyancha(Path file) throws Exception {
        write(file, "企业列表", List.of(
                List.of("天眼查 · 企业列表（导出时间：2025-05-20）"),
                List.of("公司名称", "登记状态", "法定代表人", "注册资本", "成立日期", "统一社会信用代码", "省份", "城市", "区县",
                        "公司类型", "曾用名"),
                List.of("舟山普陀船舶设计有限公司", "存续", "吴舟", "600万人民币", "2017-04-01", T1, "浙江省", "舟山市",
                        "普陀区", "有限责任公司（自然人投资或控股）", "普陀船舶科技有限公司"),
                List.of("岱山蓝海水产有限公司", "存续", "郑渔", "200万美元", "2020-01-15", T2, "浙江省", "舟山市", "岱山县",
                        "有限责任公司（外国法人独资）", "-")));
    }

    static String dataSharing() {
        return String.join("\n", List.of(
                "统一社会信用代码,企业(机构)名称,企业类型,经营状态,开业日期,注册资本(万元),币种,注销日期,吊销日期,登记机关,行政区划代码,国民经济行业代码",
                S1 + ",嵊泗外海养殖有限公司,有限责任公司(外商投资),在营,2019-06-18,1200,美元,,,嵊泗县市场监督管理局,330922,A0411",
                S2 + ",嵊泗县枸杞岛贸易有限公司,有限责任公司,吊销，未注销,2013-02-02,50,人民币,,2023-08-15,嵊泗县市场监督管理局,330922,F5191",
                S3 + ",嵊泗县嵊山渔具有限公司,有限责任公司,注销,2011-07-07,30,人民币,,,嵊泗县市场监督管理局,330922,C1829",
                S4 + ",嵊泗海岸工程有限公司,有限责任公司,在营,2021-03-03,2000,人民币,,,嵊泗县市场监督管理局,,E4823",
                ""));
    }

    static void publishedList(Path file) throws Exception {
        write(file, "创新型中小企业", List.of(
                List.of("2024年度浙江省创新型中小企业名单（舟山市）"),
                List.of("序号", "企业名称", "所在地区"),
                List.of("1", "嵊泗列岛海洋牧场有限公司", "舟山市嵊泗县"),
                List.of("2", "嵊泗远洋渔具有限公司", "舟山市嵊泗县"),
                List.of("3", "普陀船舶科技有限公司", "舟山市普陀区"),
                List.of("4", "嵊泗县花鸟岛文旅有限公司", "舟山市嵊泗县")));
    }

    /**
     * An announcement's attachment as 科技局 receives it: a Word document, the title in paragraphs above the table, the
     * district merged down its rows. 拟入库 in the title makes it proposed: kept, every row identified by its name (A
     * by its current name, B by its former one, Q1 from the 企查查 export) and counted nowhere.
     */
    static void proposedWordList(Path file) {
        new OfficeFiles.Document()
                .paragraph("附件")
                .paragraph("2024年度第二批浙江省科技型中小企业拟入库名单（舟山市）")
                .table(List.of(
                        List.of("序号", "企业名称", "设区市", "县（市、区）"),
                        List.of("1", "浙江嵊泗海洋科技有限公司", "v:舟山市", "v:嵊泗县"),
                        List.of("2", "嵊泗远洋渔具有限公司", "^", "^"),
                        List.of("3", "嵊泗列岛海洋牧场有限公司", "^", "^")))
                .paragraph("公示期：2024年11月1日至11月7日")
                .writeTo(file);
    }

    private static void write(Path file, String sheetName, List<List<String>> rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet(sheetName);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            int width = rows.get(1).size();
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, width - 1));
            wb.write(out);
        }
    }
}
