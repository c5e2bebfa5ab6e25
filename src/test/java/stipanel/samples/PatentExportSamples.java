package stipanel.samples;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the patent samples laid out as the real exports are (docs/sources.md), with invented rows for the Zhoushan
 * counties; which row tests which rule is in src/test/resources/samples/patents.md:
 * - data-samples/patents/PatSnap_专利检索导出.xlsx: PatSnap (智慧芽), a search line with its 检索日期 above the header,
 *   [标] prefixes, 简单法律状态 beside 法律状态/事件, the applicant's 州/省, 地市, 区县 and 工商统一社会信用代码, no lapse date;
 * - data-samples/patents/incoPat_专利导出_20250331.xlsx: incoPat, the header on row 1, the cut-off in the file name,
 *   专利有效性 beside 当前法律状态, 失效日, 申请人地址, 中国申请人地市/区县;
 * - data-samples/patents/著录项目_浙江知识产权公共服务平台.xls: the Zhejiang platform's 著录项目 (BIFF8), a title and
 *   导出时间 above the header, every publication and its date in one cell, 分类号, 地址, three status columns.
 * The 中国专利数据库 sample is a CSV, written by hand.
 * Run: java -cp "target/test-classes:target/classes:$(cat target/classpath)" stipanel.samples.PatentExportSamples
 */
public final class PatentExportSamples {

    static final List<List<String>> PATSNAP = List.of(
            List.of("序号", "公开(公告)号", "申请号", "标题", "申请日", "授权日", "专利类型", "简单法律状态", "法律状态/事件",
                    "[标]当前申请(专利权)人", "当前申请(专利权)人州/省", "当前申请(专利权)人地市", "当前申请(专利权)人区县",
                    "工商统一社会信用代码", "IPC主分类号"),
            List.of("1", "CN113556601B", "CN202110556601.0", "一种海岛光伏储能装置", "2021-03-15", "2022-05-10", "授权发明",
                    "有效", "授权 | 实质审查 | 公开", "嵊泗县海能科技有限公司", "浙江省", "舟山市", "嵊泗县", "91330922MA222K7Q5U",
                    "H02J3/38"),
            List.of("2", "CN114556602A", "CN202210556602.X", "一种贻贝养殖浮筏", "2022-04-01", "", "发明申请", "审中",
                    "实质审查 | 公开", "嵊泗县海能科技有限公司", "浙江省", "舟山市", "嵊泗县", "", "A01K61/60"),
            List.of("3", "CN115556603B", "CN202210556603.4", "一种金枪鱼延绳钓投绳机", "2022-02-10", "2023-03-01", "授权发明",
                    "有效", "授权 | 实质审查 | 公开", "舟山普陀渔业装备有限公司", "浙江省", "舟山市", "普陀区", "", "A01K61/60"),
            List.of("4", "CN116556604B", "CN202310556604.3", "一种渔获物分级装置", "2023-01-05", "2024-02-02", "授权发明",
                    "有效", "授权 | 实质审查 | 公开", "普陀科技有限公司", "", "", "普陀区", "", "A01K61/60"),
            List.of("5", "CN111556605B", "CN202010556605.4", "一种船用舱口盖", "2020-06-01", "2021-09-14", "授权发明", "失效",
                    "未缴年费 | 授权 | 实质审查 | 公开", "岱山县船舶配件有限公司", "浙江省", "舟山市", "岱山县",
                    "91330921MA221K7QX0", "B63B1/12"));

    static final List<List<String>> INCOPAT = List.of(
            List.of("序号", "标题", "申请人", "公开(公告)号", "申请号", "申请日", "专利类型", "IPC主分类", "授权公告日", "失效日",
                    "申请人地址", "中国申请人地市", "中国申请人区县", "工商统一社会信用代码", "专利有效性", "当前法律状态"),
            List.of("1", "一种海水养殖网箱", "舟山定海海洋科技有限公司", "CN112447701B", "202010447701.5", "2020-05-20",
                    "发明授权", "A01K 61/60", "2021-08-10", "", "浙江省舟山市定海区临城街道翁山路100号", "", "", "", "有效", "授权"),
            List.of("2", "一种船用柴油机排气净化装置", "岱山县动力机械有限公司", "CN110447702B", "201910447702.7", "2019-07-01",
                    "发明授权", "F01N 3/00", "2020-11-03", "2023-05-20", "浙江省舟山市岱山县高亭镇", "舟山市", "岱山县", "", "失效",
                    "未缴年费"),
            List.of("3", "一种冷链水产品保鲜装置", "舟山港城食品有限公司", "CN115447703B", "202210447703.3", "2022-03-03",
                    "发明授权", "A23L 17/40", "2023-10-10", "", "浙江省舟山市普陀区东港街道海莲路8号及定海区盐仓街道仓库", "", "", "",
                    "有效", "授权"),
            List.of("4", "一种渔船锚机", "嵊泗县渔业机械厂", "CN219447704U", "202320447704.8", "2023-02-14", "实用新型",
                    "B63B 21/50", "2023-07-25", "", "浙江省舟山市嵊泗县菜园镇", "", "", "91330922MA222K7Q5U", "有效", "授权"),
            List.of("5", "一种海岛微电网调度方法", "嵊泗县海能科技有限公司", "CN116447705A", "202310447705.7", "2023-05-06",
                    "发明申请", "H02J 3/38", "", "", "浙江省舟山市嵊泗县菜园镇", "", "", "91330922MA222K7Q5U", "审中", "实质审查"));

    static final List<List<String>> PLATFORM = List.of(
            List.of("序号", "申请号", "申请日", "公开（公告）号", "公开（公告）日", "名称", "申请（专利权）人", "分类号", "地址",
                    "专利同族", "最新法律状态", "法律状态", "专利权状态"),
            List.of("1", "202010338801.4", "2020.08.08", "CN111938801A;CN111938801B", "2020.11.13;2022.09.16",
                    "一种基于深度学习的渔情预测方法", "嵊泗县智慧海洋研究院", "G06N3/08;G06Q50/02", "浙江省舟山市嵊泗县菜园镇沙河路",
                    "2", "授权", "2020.11.13 公开；2020.12.01 实质审查的生效；2022.09.16 授权", "有权"),
            List.of("2", "202110338802.3", "2021.04.20", "CN113038802A", "2021.07.02", "一种海藻提取物制备方法",
                    "嵊泗县海藻生物科技有限公司", "C12N1/12", "浙江省舟山市嵊泗县五龙乡", "1", "实质审查的生效",
                    "2021.07.02 公开；2021.07.20 实质审查的生效", ""),
            List.of("3", "201910338803.0", "2019.03.11", "CN109938803A;CN109938803B", "2019.06.18;2021.02.09",
                    "一种船舶压载水处理系统", "舟山市普陀海洋装备有限公司", "B63J4/00", "浙江省舟山市普陀区沈家门街道", "1", "授权",
                    "2021.02.09 授权", "无权"),
            List.of("4", "202120338804.8", "2021.09.01", "CN216338804U", "2022.03.22", "一种救生衣", "岱山县海安救生用品厂",
                    "B63C9/08", "浙江省舟山市岱山县衢山镇", "1", "授权", "2022.03.22 授权", "有权"));

    public static void main(String[] args) throws Exception {
        Path dir = Path.of("data-samples/patents");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("检索结果");
            s.createRow(0).createCell(0).setCellValue("检索式：TA=(海岛 OR 船舶 OR 渔业) AND AC=(舟山)    检索日期：2025-06-30");
            write(s, 1, PATSNAP);
            save(wb, dir.resolve("PatSnap_专利检索导出.xlsx"));
        }
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            write(wb.createSheet("专利列表"), 0, INCOPAT);
            save(wb, dir.resolve("incoPat_专利导出_20250331.xlsx"));
        }
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            Sheet s = wb.createSheet("著录项目");
            s.createRow(0).createCell(0).setCellValue("浙江知识产权公共服务平台  专利检索结果（著录项目）");
            s.createRow(1).createCell(0).setCellValue("导出时间：2025-01-06");
            write(s, 2, PLATFORM);
            save(wb, dir.resolve("著录项目_浙江知识产权公共服务平台.xls"));
        }
    }

    private static void write(Sheet s, int first, List<List<String>> rows) {
        for (int r = 0; r < rows.size(); r++) {
            Row row = s.createRow(first + r);
            List<String> cells = rows.get(r);
            for (int c = 0; c < cells.size(); c++) {
                if (!cells.get(c).isEmpty()) {
                    row.createCell(c).setCellValue(cells.get(c));
                }
            }
        }
    }

    private static void save(Workbook wb, Path file) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
    }
}
