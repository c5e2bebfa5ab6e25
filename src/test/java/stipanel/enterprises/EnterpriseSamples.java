package stipanel.enterprises;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import stipanel.ingest.Uscc;

/**
 * Writes {@code data-samples/enterprises/}: the registry workbook (an explanation sheet before the data), an older
 * registry re-delivery, the GBK certification list and the roster. Run it after changing the samples:
 * {@code java -cp target/classes:target/test-classes:<poi jars> stipanel.enterprises.EnterpriseSamples}. The firms and
 * their traps are described in {@code src/test/resources/samples/enterprises.md}; the tests assert on the committed files.
 */
public final class EnterpriseSamples {

    // Valid credit codes: '91' (enterprise) or '12' (public institution) + region + organisation code + checks.
    static final String A = code("91", "330922", "MA2H1A01");   // 浙江嵊泗海洋科技: HTE re-certified, SRDI overlap
    static final String B = code("91", "330922", "MA2H1B02");   // 嵊泗县远洋渔业装备: HTE lapsed
    static final String C = code("91", "330922", "MA2H1C03");   // 嵊泗绿色能源: HTE revoked
    static final String D = code("91", "330922", "MA2H1D04");   // 嵊泗县海鲜食品: deregistered 2024-09-15
    static final String E = code("91", "330922", "MA2H1E05");   // 嵊泗港航物流科技: moved out 2025-03-10
    static final String F = code("91", "330900", "MA2H1F06");   // 嵊泗科创服务中心: not in the registry
    static final String G = code("91", "330922", "MA2H1G07");   // 舟山岱衢新材料: registry 330921, list 330922
    static final String H = code("91", "330902", "MA2H1H08");   // 舟山海洋生物医药 (定海)
    static final String I = code("91", "330903", "MA2H1J09");   // 普陀船舶科技 (普陀)
    static final String J = code("91", "330921", "MA2H1K10");   // 岱山智能装备: placed by its credit code
    static final String K = code("91", "330922", "MA2H1L11");   // 嵊泗渔旅文化创意: 创新型中小企业
    static final String L = code("12", "330922", "4700321X");   // 嵊泗县生产力促进中心: service org, revoked 2025
    static final String M = code("91", "330921", "MA2H1M12");   // 岱山海工配套: roster only

    /** A code whose GB 32100 check passes but whose organisation code fails GB 11714. */
    static final String BAD_ORGANISATION = badOrganisation("91", "330922", "MA2H1N13");
    /** {@link #A} with its last character changed: fails GB 32100. */
    static final String BAD_CHECK = A.substring(0, 17) + (A.charAt(17) == '1' ? '2' : '1');

    private EnterpriseSamples() {
    }

    static String code(String prefix, String region, String organisation8) {
        String first17 = prefix + region + organisation8 + Uscc.organisationCheck(organisation8);
        return first17 + Uscc.checkCharacter(first17);
    }

    static String badOrganisation(String prefix, String region, String organisation8) {
        char right = Uscc.organisationCheck(organisation8);
        char wrong = right == '1' ? '2' : '1';
        String first17 = prefix + region + organisation8 + wrong;
        return first17 + Uscc.checkCharacter(first17);
    }

    /** Full-width, as some systems export it: ９１３３… */
    static String fullWidth(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append((char) (c + 0xFEE0));
        }
        return b.toString();
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "data-samples/enterprises");
        Files.createDirectories(dir);
        writeRegistry(dir.resolve("市场监管局_企业登记_2025-06.xlsx"));
        writeText(dir.resolve("市场监管局_企业登记_补报_2024-12.csv"), olderRegistry(), StandardCharsets.UTF_8);
        writeText(dir.resolve("科技局_认定名单_2024.csv"), certificationList(), Charset.forName("GBK"));
        writeText(dir.resolve("统计局_规上工业企业名录_2023-2024.csv"), "\uFEFF" + roster(), StandardCharsets.UTF_8);
    }

    static void writeRegistry(Path file) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet notes = wb.createSheet("说明");
            String[] lines = {
                    "舟山市市场主体登记信息提取说明",
                    "1. 本表由舟山市市场监督管理局企业登记系统导出，范围为舟山市辖区内登记的企业及迁出企业。",
                    "2. 登记状态按系统原文导出；状态变更日期为注销、吊销、撤销或迁出之日。",
                    "3. 注册资本按营业执照记载，币种未注明者为人民币。",
                    "4. 数据截止日期：2025年6月30日。"};
            for (int i = 0; i < lines.length; i++) {
                notes.createRow(i).createCell(0).setCellValue(lines[i]);
            }
            Sheet data = wb.createSheet("企业登记");
            CellStyle dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            data.createRow(0).createCell(0).setCellValue("舟山市企业登记信息（截至2025年6月30日）");
            String[] header = {"统一社会信用代码", "企业名称", "企业类型", "登记状态", "成立日期", "状态变更日期",
                    "注册资本", "行业代码", "住所行政区划代码", "登记机关", "数据截止日期"};
            Row h = data.createRow(1);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            LocalDate cutoff = LocalDate.of(2025, 6, 30);
            Object[][] rows = {
                    // row 3 …
                    {A, "浙江嵊泗海洋科技有限公司", "有限责任公司(自然人投资或控股)", "存续（在营、开业、在册）",
                            LocalDate.of(2015, 3, 2), null, "1000万元（认缴）", "C3731", "330922", "嵊泗县市场监督管理局", cutoff},
                    {B, "嵊泗县远洋渔业装备有限公司", "有限责任公司", "在业", LocalDate.of(2012, 8, 15), null,
                            "500万元人民币", "3731", "330922", "嵊泗县市场监督管理局", cutoff},
                    {C, "嵊泗绿色能源股份有限公司", "股份有限公司(非上市)", "存续", LocalDate.of(2016, 5, 20), null,
                            "人民币3000万元", "D4415", "330922", "嵊泗县市场监督管理局", cutoff},
                    {D, "嵊泗县海鲜食品有限公司", "有限责任公司", "已注销", LocalDate.of(2010, 1, 1),
                            LocalDate.of(2024, 9, 15), "5000000元", "C1361", "330922", "嵊泗县市场监督管理局", cutoff},
                    {E.toLowerCase(), "嵊泗港航物流科技有限公司", "有限责任公司", "迁移异地", LocalDate.of(2018, 7, 9),
                            "2025年3月10日", "800万元", "G5532", "330922", "嵊泗县市场监督管理局", cutoff},
                    {G, "舟山岱衢新材料有限公司", "有限责任公司(外商投资)", "开业", LocalDate.of(2019, 4, 1), null,
                            "6350万美元", "C2651", "330921", "岱山县市场监督管理局", cutoff},
                    {H, "舟山海洋生物医药有限公司", "有限责任公司", "存续", LocalDate.of(2013, 11, 11), null,
                            "2,000万元", "C2761", "330902", "舟山市市场监督管理局定海分局", cutoff},
                    {fullWidth(I), "普陀船舶科技有限公司", "有限责任公司", "存续", LocalDate.of(2017, 2, 28), null,
                            "1500万元", "C3731", "330903000000", "舟山市市场监督管理局普陀分局", cutoff},
                    {K, "嵊泗渔旅文化创意有限公司", "有限责任公司", "存续", LocalDate.of(2021, 6, 1), null,
                            "100万元", "R8710", "330922", "嵊泗县市场监督管理局", cutoff},
                    // row 12 …: broken rows
                    {BAD_CHECK, "浙江嵊泗海洋科技有限公司", "有限责任公司", "存续", LocalDate.of(2015, 3, 2), null,
                            "1000万元", "C3731", "330922", "嵊泗县市场监督管理局", cutoff},
                    {M, "岱山海工配套有限公司", "有限责任公司", "歇业", LocalDate.of(2014, 3, 3), null,
                            "300万元", "C3737", "330921", "岱山县市场监督管理局", cutoff},
                    {M, "岱山海工配套有限公司", "有限责任公司", "存续", LocalDate.of(2014, 3, 3), null,
                            "300万元", "A3737", "330921", "岱山县市场监督管理局", cutoff},
                    {J, "岱山智能装备有限公司", "有限责任公司", "存续", LocalDate.of(2020, 10, 10), null,
                            "面议", "C3499", "330921", "岱山县市场监督管理局", cutoff},
                    {BAD_ORGANISATION, "嵊泗县某某贸易有限公司", "有限责任公司", "注销", LocalDate.of(2011, 1, 1),
                            null, "50万元", "F5191", "330922", "嵊泗县市场监督管理局", cutoff},
                    {code("91", "330922", "MA2H1P14"), "嵊泗县海岛民宿有限公司", "有限责任公司", "注销",
                            LocalDate.of(2011, 1, 1), null, "50万元", "H6110", "330922", "嵊泗县市场监督管理局", cutoff},
            };
            for (int r = 0; r < rows.length; r++) {
                Row row = data.createRow(2 + r);
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof LocalDate d) {
                        var cell = row.createCell(c);
                        cell.setCellValue(d);
                        cell.setCellStyle(dateStyle);
                    } else if (v != null) {
                        row.createCell(c).setCellValue((String) v);
                    }
                }
            }
            int notesRow = 2 + rows.length + 1;
            data.createRow(notesRow).createCell(0).setCellValue("注：本表不含个体工商户。");
            wb.write(out);
        }
    }

    static String olderRegistry() {
        String cutoff = "2024-12-31";
        return String.join("\n", List.of(
                "统一社会信用代码,企业名称,企业类型,登记状态,成立日期,状态变更日期,注册资本,行业代码,住所行政区划代码,登记机关,数据截止日期",
                E + ",嵊泗港航物流科技有限公司,有限责任公司,存续,2018/7/9,,800万元,G5532,330922,嵊泗县市场监督管理局," + cutoff,
                D + ",嵊泗县海鲜食品有限公司,有限责任公司,注销,2010-01-01,2024-09-15,500万元,C1361,330922,嵊泗县市场监督管理局," + cutoff,
                "")) ;
    }

    static String certificationList() {
        String h = "统一社会信用代码,企业名称,认定类别,证书编号,认定日期,有效期至,认定年度,状态,撤销日期,地区代码";
        return String.join("\r\n", List.of(h,
                // line 2 …
                A + ",浙江嵊泗海洋科技有限公司,高新技术企业,GR202133000101,2021-12-16,,,有效,,330922",
                A + ",浙江嵊泗海洋科技有限公司,国家高新技术企业,GR202433000202,2024-12-04,,,有效,,330922",
                A + ",浙江嵊泗海洋科技有限公司,专精特新中小企业（省级）,,2022-06-01,,,有效,,330922",
                A + ",浙江嵊泗海洋科技有限公司,专精特新“小巨人”企业,,2024-07-01,,,,,330922",
                A + ",浙江嵊泗海洋科技有限公司,科技型中小企业,2023330922000101,2023-04-20,,2023,,,330922",
                A + ",浙江嵊泗海洋科技有限公司,科技型中小企业,2024330922000101,2024-04-18,,2024年,,,330922",
                B + ",嵊泗县远洋渔业装备有限公司,高新技术企业,GR202133000303,2021-10-20,2024-10-19,,有效,,330922",
                B + ",嵊泗县远洋渔业装备有限公司,科技型中小企业,2024330922000102,2024/5/20,,,,,330922",
                B + ",嵊泗县远洋渔业装备有限公司,市级企业研发中心,,2024-03-01,,,,,330922",
                C + ",嵊泗绿色能源股份有限公司,高新技术企业,GR202233000404,2022-12-14,2025-12-13,,撤销,2024-06-30,330922",
                D + ",嵊泗县海鲜食品有限公司,科技型中小企业,2023330922000103,2023-05-10,,2023,,,330922",
                D + ",嵊泗县海鲜食品有限公司,科技型中小企业,2024330922000103,2024-05-10,,2024,,,330922",
                E.toLowerCase() + ",嵊泗港航物流科技有限公司,高新技术企业,gr202333000505,20231208,,,有效,,330922",
                F + ",嵊泗科创服务中心有限公司,科技中介服务机构,,2023-05-01,,,,,330922",
                G + ",舟山岱衢新材料有限公司,高新技术企业,GR202333000606,2023-11-20,,,有效,,330922",
                H + ",舟山海洋生物医药有限公司,高新技术企业,GR202233000707,2022-12-01,,,有效,,330902",
                H + ",舟山海洋生物医药有限公司,专精特新\"小巨人\"企业,,2023-08-01,,,,,330902",
                H + ",舟山海洋生物医药有限公司,省级企业研究院,,2022-04-01,,,,,330902",
                I + ",普陀船舶科技有限公司,科技型中小企业,2024330903000201,2024-06-01,,2024,,,330903",
                I + ",普陀船舶科技有限公司,科技型中小企业,2025330903000201,2025-05-15,,2025,,,330903",
                I + ",普陀船舶科技有限公司,高新技术企业,GR202433000808,2024-12-04,,,,,330903",
                J + ",岱山智能装备有限公司,科技型中小企业,2024330921000301,2024-07-01,,2024,,,",
                K + ",嵊泗渔旅文化创意有限公司,创新型中小企业,,2023-06-01,,,,,330922",
                L + ",嵊泗县生产力促进中心,科技服务机构,,2022-03-01,,,取消,2025-04-30,330922",
                // line 26 …: broken rows
                BAD_CHECK + ",浙江嵊泗海洋科技有限公司,高新技术企业,GR202133000101,2021-12-16,,,有效,,330922",
                BAD_ORGANISATION + ",嵊泗县某某贸易有限公司,科技型中小企业,2024330922000109,2024-05-10,,2024,,,330922",
                M + ",岱山海工配套有限公司,高新技术企业,GR2023330009,2023-12-08,,,有效,,330921",
                C + ",嵊泗绿色能源股份有限公司,专精特新中小企业,,2023-03-01,,,撤销,,330922",
                M + ",岱山海工配套有限公司,省级科技企业孵化器,,2023-03-01,,,,,330921",
                J + ",岱山智能装备有限公司,科技型中小企业,2025330921000301,2025-07-01,,2025,,,339999",
                ""));
    }

    static String roster() {
        String h = "年份,统一社会信用代码,企业名称,地区代码,行业代码,营业收入（万元）,研发费用（万元）,工业增加值（万元）,是否高新技术产业,是否有研发机构";
        return String.join("\n", List.of(h,
                // line 2 …
                "2023," + A + ",浙江嵊泗海洋科技有限公司,330922,C3731,12000,360,3000,是,是",
                "2023," + B + ",嵊泗县远洋渔业装备有限公司,330922,C3731,8000,120,1800,否,否",
                "2023," + C + ",嵊泗绿色能源股份有限公司,330922,D4415,6500,65,2100,是,否",
                "2023," + H + ",舟山海洋生物医药有限公司,330902,C2761,\"25,000\",900,7000,是,否",
                "2024," + A + ",浙江嵊泗海洋科技有限公司,330922,C3731,13500,420,3300,是,是",
                "2024," + B + ",嵊泗县远洋渔业装备有限公司,330922,C3731,8600,150,1900,否,否",
                "2024," + C + ",嵊泗绿色能源股份有限公司,330922,D4415,7000,70,2300,是,否",
                "2024," + H + ",舟山海洋生物医药有限公司,330902,C2761,27000,1000,7600,是,否",
                "2024," + I + ",普陀船舶科技有限公司,330903,C3731,9000,270,2000,是,是",
                "2024," + M + ",岱山海工配套有限公司,330921,C3737,5200,52,1300,否,否",
                // line 12 …: broken rows
                "2024," + K + ",嵊泗渔旅文化创意有限公司,330922,C2439,1500,5,300,否,否",
                "2024," + BAD_CHECK + ",浙江嵊泗海洋科技有限公司,330922,C3731,13500,420,3300,是,是",
                "2024," + D + ",嵊泗县海鲜食品有限公司,330999,C1361,2600,10,500,否,否",
                ""));
    }

    private static void writeText(Path file, String content, Charset charset) throws IOException {
        Files.writeString(file, content, charset);
    }
}
