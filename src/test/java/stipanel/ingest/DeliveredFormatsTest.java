package stipanel.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import stipanel.testing.OfficeFiles;
import stipanel.testing.PipelineRun;

/**
 * docs/sources.md "Delivered formats": workbooks are read whatever their extension says (.XLSX, an .xlsx named .xls, a BIFF8 .Xls),
 * Word tables are read as sheets with the paragraphs above them as title rows, and every other format an office
 * receives is refused, told by its content, with a message that says what it is and what to deliver instead.
 */
class DeliveredFormatsTest {

    static final List<String> CERTIFICATION_HEADER = List.of("统一社会信用代码", "企业名称", "认定类别", "认定年度");

    static PipelineRun run;
    static Path root;

    @BeforeAll
    static void deliverEveryFormatAndRun(@TempDir Path dir) throws Exception {
        root = dir;
        run = new PipelineRun(dir.resolve("night"));
        // Word: a proposed list whose year and status only its title paragraph gives, and a second table below it
        write("科技型中小企业名单.docx", new OfficeFiles.Document()
                .paragraph("附件2")
                .paragraph("2024年度浙江省科技型中小企业拟入库名单")
                .table(List.of(List.of("序号", "企业名称", "统一社会信用代码", "认定类别"),
                        List.of("1", "浙江嵊泗海洋科技有限公司", "91330922MA2H1A017G", "科技型中小企业"),
                        List.of("2", "嵊泗县远洋渔业装备有限公司", "91330922MA2H1B028U", "科技型中小企业")))
                .paragraph("")
                .paragraph("2023年度浙江省科技型中小企业入库名单（补充）")
                .table(List.of(List.of("序号", "企业名称", "统一社会信用代码", "认定类别"),
                        List.of("1", "嵊泗绿色能源股份有限公司", "91330922MA2H1C0397", "科技型中小企业")))
                .bytes());
        // Word: the title merged across the table's five columns, the category and date merged down two rows
        write("高新技术企业认定名单.docx", new OfficeFiles.Document()
                .table(List.of(List.of("2024年度嵊泗县高新技术企业认定名单", "<", "<", "<", "<", "<"),
                        List.of("序号", "企业名称", "统一社会信用代码", "证书编号", "认定类别", "认定日期"),
                        List.of("1", "浙江嵊泗海洋科技有限公司", "91330922MA2H1A017G", "GR202433000123", "v:高新技术企业",
                                "v:2024-12-06"),
                        List.of("2", "嵊泗港航物流科技有限公司", "91330922MA2H1E050U", "GR202433000456", "^", "^")))
                .bytes());
        write("通知.docx", new OfficeFiles.Document().paragraph("关于公布2024年度名单的通知").bytes());
        // workbooks whatever the extension says
        write("名单.XLSX", OfficeFiles.workbook(false, "名单", List.of(CERTIFICATION_HEADER,
                List.of("91330922MA2H1C0397", "嵊泗绿色能源股份有限公司", "科技型中小企业", "2022"))));
        write("名单_另存.xls", OfficeFiles.workbook(false, "名单", List.of(CERTIFICATION_HEADER,
                List.of("91330922MA2H1B028U", "嵊泗县远洋渔业装备有限公司", "科技型中小企业", "2022"))));
        write("名单97.Xls", OfficeFiles.workbook(true, "名单", List.of(CERTIFICATION_HEADER,
                List.of("91330922MA2H1E050U", "嵊泗港航物流科技有限公司", "科技型中小企业", "2022"))));
        // formats that hold no table to read
        write("统计公报.pdf", ascii("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"));
        write("名单截图.png", bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R', 0, 0, 1));
        write("名单照片.jpg", bytes(0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0));
        write("名单.gif", ascii("GIF89a\u0001\u0000\u0001\u0000\u0080\u0000\u0000"));
        write("名单.bmp", bytes('B', 'M', 0x46, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0, 0x28, 0));
        write("名单.tif", bytes('I', 'I', 0x2A, 0, 8, 0, 0, 0, 0, 0));
        write("名单.webp", ascii("RIFF\u0024\u0000\u0000\u0000WEBPVP8 "));
        write("名单.zip", OfficeFiles.zip("名单.csv", "统一社会信用代码,企业名称\n", "说明.txt", "见附件"));
        write("名单.rar", bytes('R', 'a', 'r', '!', 0x1A, 0x07, 0x01, 0x00, 0x33, 0x92, 0xB5, 0xE5));
        write("名单.7z", bytes('7', 'z', 0xBC, 0xAF, 0x27, 0x1C, 0x00, 0x04, 0x8D, 0x9B, 0xD5, 0x0F));
        write("名单.csv.gz", gzip("统一社会信用代码,企业名称\n"));
        write("名单.tar", tar("名单.csv"));
        write("名单.doc", ole2("WordDocument"));
        write("加密名单.xlsx", encrypted(OfficeFiles.workbook(false, "名单", List.of(CERTIFICATION_HEADER))));
        write("加密名单97.xls", encryptedXls());
        write("名单95.xls", ole2("Book"));
        write("网页导出.xls", ("<html xmlns:x=\"urn:schemas-microsoft-com:office:excel\">\n<head><meta charset=\"utf-8\">"
                + "</head>\n<body><table><tr><td>统一社会信用代码</td><td>企业名称</td></tr></table></body></html>\n")
                .getBytes(StandardCharsets.UTF_8));
        write("XML导出.xls", ("<?xml version=\"1.0\"?>\n<?mso-application progid=\"Excel.Sheet\"?>\n<Workbook xmlns="
                + "\"urn:schemas-microsoft-com:office:spreadsheet\">\n<Worksheet ss:Name=\"名单\"/>\n</Workbook>\n")
                .getBytes(StandardCharsets.UTF_8));
        write("电子证照.ofd", OfficeFiles.zip("OFD.xml", "<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\"/>",
                "Doc_0/Document.xml", "<ofd:Document/>"));
        write("汇报.pptx", slides());
        write("名单.ods", OfficeFiles.zip("mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                "content.xml", "<office:document-content/>"));
        // damaged files: a workbook keeps its refusal, a Word file is never called a workbook
        byte[] docx = new OfficeFiles.Document().paragraph("2024年名单").table(List.of(CERTIFICATION_HEADER)).bytes();
        write("截断名单.docx", Arrays.copyOf(docx, docx.length / 2));
        write("实体名单.docx", OfficeFiles.zip("[Content_Types].xml", "<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY e"
                + " SYSTEM \"file:///etc/hostname\">]><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                + "content-types\">&e;</Types>", "word/document.xml", "<w:document/>"));
        byte[] xlsx = OfficeFiles.workbook(false, "名单", List.of(CERTIFICATION_HEADER, List.of("截断")));
        write("截断名单.xlsx", Arrays.copyOf(xlsx, xlsx.length / 2));
        run.run();
        assertEquals(0, run.exitCode, run.stderr);
    }

    @Test
    void aWordTableLoadsWithTheYearOfTheParagraphAboveIt() {
        // then each table takes the year of the title paragraph just above it, not of one above an earlier table
        assertEquals(List.of(
                        List.of("表格1", 2, "91330922MA2H1A017G", "浙江嵊泗海洋科技有限公司", "科技型中小企业", 2024),
                        List.of("表格1", 3, "91330922MA2H1B028U", "嵊泗县远洋渔业装备有限公司", "科技型中小企业", 2024),
                        List.of("表格2", 2, "91330922MA2H1C0397", "嵊泗绿色能源股份有限公司", "科技型中小企业", 2023)),
                certifications("科技型中小企业名单.docx"));
        assertEquals(List.of(List.of("loaded", "docx", 3L, 3L, 0L)), run.rows("select status, format, rows_read,"
                + " rows_loaded, rows_rejected from ingest.deliveries where file_name = '科技型中小企业名单.docx'"));
    }

    @Test
    void mergedCellsInAWordTableDoNotShiftItsColumns() {
        // the merged title row stands above the header (row 2); the category and date merged down reach row 4
        assertEquals(List.of(
                        List.of("表格1", 3, "91330922MA2H1A017G", "浙江嵊泗海洋科技有限公司", "高新技术企业", 2024),
                        List.of("表格1", 4, "91330922MA2H1E050U", "嵊泗港航物流科技有限公司", "高新技术企业", 2024)),
                certifications("高新技术企业认定名单.docx"));
        assertEquals(List.of(List.of("GR202433000123", LocalDate.of(2024, 12, 6), LocalDate.of(2027, 12, 6)),
                        List.of("GR202433000456", LocalDate.of(2024, 12, 6), LocalDate.of(2027, 12, 6))),
                run.rows("select certificate_no, certified_on, valid_until from facts.certifications"
                        + " where content_hash = " + hashOf("高新技术企业认定名单.docx") + " order by row_number"));
    }

    @Test
    void aWorkbookIsReadWhateverItsExtensionSays() {
        assertEquals(List.of(List.of("", 2, "91330922MA2H1C0397", "嵊泗绿色能源股份有限公司", "科技型中小企业", 2022)),
                certifications("名单.XLSX").stream().map(r -> List.of("", r.get(1), r.get(2), r.get(3), r.get(4),
                        r.get(5))).toList());
        assertEquals(List.of(List.of("名单", 2, "91330922MA2H1B028U", "嵊泗县远洋渔业装备有限公司", "科技型中小企业", 2022)),
                certifications("名单_另存.xls"));
        assertEquals(List.of(List.of("名单", 2, "91330922MA2H1E050U", "嵊泗港航物流科技有限公司", "科技型中小企业", 2022)),
                certifications("名单97.Xls"));
        assertEquals(List.of(List.of("名单.XLSX", "xlsx"), List.of("名单97.Xls", "xls"), List.of("名单_另存.xls", "xlsx")),
                run.rows("select file_name, format from ingest.deliveries where file_name like '名单%.%'"
                        + " and status = 'loaded' order by file_name"));
    }

    @Test
    void everyOtherFormatIsRefusedSayingWhatItIsAndWhatToDeliver() {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("统计公报.pdf", List.of("file_pdf", "PDF", "PDF 文件：请导出为 Excel 或 CSV"));
        for (String[] image : new String[][] {{"名单截图.png", "PNG"}, {"名单照片.jpg", "JPEG"}, {"名单.gif", "GIF"},
                {"名单.bmp", "BMP"}, {"名单.tif", "TIFF"}, {"名单.webp", "WebP"}}) {
            expected.put(image[0], List.of("file_image", image[1], "图片文件（" + image[1]
                    + "）：图片里的表格无法读取，请交付 Excel 或 CSV"));
        }
        for (String[] archive : new String[][] {{"名单.zip", "ZIP"}, {"名单.rar", "RAR"}, {"名单.7z", "7z"},
                {"名单.csv.gz", "gzip"}, {"名单.tar", "tar"}}) {
            expected.put(archive[0], List.of("file_archive", archive[1], "压缩包（" + archive[1]
                    + "）：请解压后直接交付其中的 Excel、CSV 或 Word 文件"));
        }
        expected.put("名单.doc", List.of("file_legacy_word", "doc", "旧版 Word 文档（.doc）：请另存为 .docx 或导出为 Excel"));
        expected.put("加密名单.xlsx", List.of("file_encrypted", "加密的 Office 文件", "文件有密码保护，请去掉密码后再交付"));
        expected.put("加密名单97.xls", List.of("file_encrypted", "加密的 xls", "文件有密码保护，请去掉密码后再交付"));
        expected.put("名单95.xls", List.of("file_old_excel", "xls", "Excel 95 或更早版本的工作簿：请另存为 .xlsx 后再交付"));
        expected.put("网页导出.xls", List.of("file_html", "HTML", "网页文件（HTML），不是 Excel 工作簿（许多系统把网页表格存为"
                + " .xls）：请在 Excel 或 WPS 中打开后另存为 .xlsx，或导出为 CSV"));
        expected.put("XML导出.xls", List.of("file_xml_spreadsheet", "Excel 2003 XML", "Excel 2003 XML 表格，不是"
                + " .xls/.xlsx 工作簿：请在 Excel 或 WPS 中打开后另存为 .xlsx，或导出为 CSV"));
        expected.put("电子证照.ofd", List.of("file_ofd", "OFD", "OFD 版式文件：请交付 Excel、CSV 或 Word（.docx）格式的名单"));
        expected.put("汇报.pptx", List.of("file_presentation", "pptx", "PowerPoint 演示文稿：请把其中的表格导出为 Excel 或 CSV"));
        expected.put("名单.ods", List.of("file_open_document", "OpenDocument",
                "OpenDocument 文件（.ods/.odt）：请另存为 .xlsx 或 .docx"));
        expected.put("通知.docx", List.of("file_document_no_table", "docx",
                "Word 文档中没有表格：请把名单做成表格，或导出为 Excel 或 CSV"));
        for (Map.Entry<String, List<String>> e : expected.entrySet()) {
            List<Object> want = List.of("refused", e.getValue().get(0), e.getValue().get(1), e.getValue().get(2), 0L);
            assertEquals(List.of(want), run.rows("select status, reason_code, format, message, rows_read"
                    + " from ingest.deliveries where file_name = '" + e.getKey() + "'"), e.getKey());
        }
    }

    @Test
    void aDamagedWordFileIsNeverCalledACorruptWorkbookAndADamagedWorkbookStillIs() {
        List<List<Object>> docx = run.rows("select reason_code, message from ingest.deliveries"
                + " where file_name = '截断名单.docx'");
        assertEquals("file_corrupt_document", docx.get(0).get(0));
        assertTrue(((String) docx.get(0).get(1)).startsWith("文件无法读完，整个文件未装载：不是有效的 Word 文档（已损坏或被截断）："),
                docx.toString());
        List<List<Object>> entity = run.rows("select reason_code, message from ingest.deliveries"
                + " where file_name = '实体名单.docx'");
        assertEquals("file_doctype", entity.get(0).get(0));
        assertTrue(((String) entity.get(0).get(1)).startsWith("文件无法读完，整个文件未装载：Word 文档的 XML 声明了 DOCTYPE"),
                entity.toString());
        List<List<Object>> xlsx = run.rows("select reason_code, message from ingest.deliveries"
                + " where file_name = '截断名单.xlsx'");
        assertEquals("file_corrupt_workbook", xlsx.get(0).get(0));
        assertTrue(((String) xlsx.get(0).get(1)).startsWith("文件无法读完，整个文件未装载：不是有效的 Excel 工作簿"),
                xlsx.toString());
    }

    @Test
    void formatsAreToldByContentNotByName() throws IOException {
        // the same bytes under a misleading name
        assertEquals(ExtractFormat.PDF, formatOf("名单.xlsx", ascii("%PDF-1.4\n")));
        assertEquals(ExtractFormat.DOCUMENT, formatOf("名单.xls",
                new OfficeFiles.Document().table(List.of(List.of("a"))).bytes()));
        assertEquals(ExtractFormat.WORKBOOK, formatOf("名单.docx", OfficeFiles.workbook(true, "s", List.of())));
        assertEquals(ExtractFormat.HTML, formatOf("名单.csv", "\uFEFF  <!DOCTYPE html><html></html>"
                .getBytes(StandardCharsets.UTF_8)));
        assertEquals(ExtractFormat.HTML, formatOf("名单.xls", ("MIME-Version: 1.0\nContent-Type: multipart/related;"
                + " boundary=\"x\"\n\n--x\nContent-Type: text/html; charset=\"utf-8\"\n").getBytes(StandardCharsets.UTF_8)));
        // a CSV whose header begins like a bitmap's magic is still a CSV
        assertEquals(ExtractFormat.CSV, formatOf("x.csv", "BMI,年份\n21.5,2024\n".getBytes(StandardCharsets.UTF_8)));
    }

    private static ExtractFormat formatOf(String name, byte[] content) throws IOException {
        Path dir = Files.createDirectories(root.resolve("named"));
        Path file = Files.write(dir.resolve(name), content);
        return ExtractFormat.of(file);
    }

    private static List<List<Object>> certifications(String file) {
        return run.rows("select sheet, row_number, uscc, enterprise_name, category, certification_year"
                + " from facts.certifications where content_hash = " + hashOf(file) + " order by sheet, row_number");
    }

    private static String hashOf(String file) {
        return "(select content_hash from ingest.deliveries where file_name = '" + file + "')";
    }

    private static void write(String name, byte[] content) throws IOException {
        Files.write(run.inbox.resolve(name), content);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /** A tar's first header block: the name, zeros, and the ustar magic at byte 257. */
    private static byte[] tar(String name) {
        byte[] block = new byte[1024];
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(n, 0, block, 0, n.length);
        System.arraycopy(ascii("ustar\u000000"), 0, block, 257, 8);
        return block;
    }

    /** An OLE2 compound file holding one stream named {@code stream}. */
    private static byte[] ole2(String stream) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fs.createDocument(new ByteArrayInputStream(new byte[4096]), stream);
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    /** {@code xlsx} saved with a password, as Excel does: agile encryption inside an OLE2 EncryptedPackage. */
    private static byte[] encrypted(byte[] xlsx) throws Exception {
        Path plain = Files.write(root.resolve("plain.xlsx"), xlsx);
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("嵊泗2024");
            try (OPCPackage pkg = OPCPackage.open(plain.toFile(), PackageAccess.READ_WRITE);
                 OutputStream data = encryptor.getDataStream(fs)) {
                pkg.save(data);
            }
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    /** A BIFF8 workbook written with a password (RC4 encryption, a FILEPASS record after its BOF). */
    private static byte[] encryptedXls() throws IOException {
        Biff8EncryptionKey.setCurrentUserPassword("嵊泗2024");
        try (HSSFWorkbook wb = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("名单").createRow(0).createCell(0).setCellValue("统一社会信用代码");
            wb.write(out);
            return out.toByteArray();
        } finally {
            Biff8EncryptionKey.setCurrentUserPassword(null);
        }
    }

    private static byte[] slides() throws IOException {
        try (XMLSlideShow show = new XMLSlideShow(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            show.createSlide();
            show.write(out);
            return out.toByteArray();
        }
    }
}
