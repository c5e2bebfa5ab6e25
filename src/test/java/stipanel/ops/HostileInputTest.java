package stipanel.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import stipanel.testing.PipelineRun;

/**
 * Every kind of hostile delivery in one inbox beside a good file: each is refused as a whole or rejected row by
 * row with a reason that says why, every one is listed in {@code source_files}, and the run completes for the rest.
 * The files are generated here (a 5 MB field and a 1 GiB zip bomb are not committed).
 */
class HostileInputTest {

    static final Path GOOD = PipelineRun.samples().resolve("statistics/财政局_科学技术支出.csv");
    static final String SECRET = "TOP-SECRET-OUTSIDE-THE-INBOX-7f3a";

    static PipelineRun run;
    static int delivered;

    @BeforeAll
    static void deliverEverythingHostileAndRun(@TempDir Path root) throws IOException {
        run = new PipelineRun(root.resolve("night"));
        byte[] good = Files.readAllBytes(GOOD);
        List<byte[]> lines = lines(good);
        byte[] header = lines.get(0);
        Random random = new Random(6);

        write("good.csv", good);
        write("same file under another name.csv", good);
        // cut inside a quoted number of its 9th line, and cut in the middle of an unquoted row
        int cut = indexOf(good, "\"".getBytes(StandardCharsets.US_ASCII), good.length / 2);
        write("truncated.csv", Arrays.copyOf(good, cut + 3));
        write("truncated_row.csv", join(header, lines.get(1), lines.get(2),
                Arrays.copyOf(lines.get(3), "2024,330902,".length())));
        write("random.bin", bytes(random, 65_536, 0, 256));
        write("binary garbage.csv", bytes(random, 4_096, 0, 256));
        write("high bytes.csv", bytes(random, 4_096, 0x80, 0x100));
        // one row's region name replaced by three bytes that are not UTF-8
        byte[] damaged = replace(lines.get(3), "定海区".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xFF,
                (byte) 0xFE, (byte) 0xFD});
        write("invalid utf8.csv", join(header, lines.get(1), lines.get(2), damaged, lines.get(4)));
        // the row's last column (备注, optional) holds 5 MiB
        byte[] bigRow = concat(lines.get(2), ("\"" + "x".repeat(5 * 1024 * 1024) + "\"").getBytes(StandardCharsets.US_ASCII));
        write("5 MB field.csv", join(header, lines.get(1), bigRow, lines.get(3)));
        StringBuilder wideHeader = new StringBuilder(new String(header, StandardCharsets.UTF_8));
        StringBuilder wideRow = new StringBuilder(new String(lines.get(1), StandardCharsets.UTF_8));
        for (int c = 9; c < 10_000; c++) {
            wideHeader.append(",extra").append(c);
            wideRow.append(",v").append(c);
        }
        write("10000 columns.csv", (wideHeader + "\n" + wideRow + "\n").getBytes(StandardCharsets.UTF_8));
        write("empty.csv", new byte[0]);
        write("header only.csv", join(header));
        write("not a workbook.xlsx", "Dear colleague, the figures follow next week.\n".getBytes(StandardCharsets.UTF_8));
        write("zip not a workbook.xlsx", zip("readme.txt", "hello".getBytes(StandardCharsets.UTF_8)));
        byte[] yearbook = Files.readAllBytes(PipelineRun.samples().resolve("statistics/舟山统计年鉴2024_科技.xlsx"));
        write("truncated workbook.xlsx", Arrays.copyOf(yearbook, yearbook.length / 2));
        Path secret = root.resolve("secret.txt");
        Files.writeString(secret, SECRET);
        write("xxe.xlsx", Workbooks.withEntity(secret));
        write("zip bomb.xlsx", Workbooks.bomb(1L << 30));
        byte[] otherYear = new String(good, StandardCharsets.UTF_8).replace("2022,", "2021,")
                .getBytes(StandardCharsets.UTF_8);
        write("a'; drop table ingest.deliveries; --.csv", otherYear);
        write("\"quoted\" 名单 (2).csv", new String(good, StandardCharsets.UTF_8).replace("2023,", "2020,")
                .getBytes(StandardCharsets.UTF_8));

        run.run();
        assertEquals(0, run.exitCode, run.stderr);
    }

    @Test
    void everyDeliveredFileIsListedOnceAndItsRowsAddUp() throws IOException {
        List<String> names;
        try (Stream<Path> files = Files.list(run.inbox)) {
            names = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(names, run.rows("select file_name from source_files order by file_name").stream()
                .map(r -> (String) r.get(0)).toList());
        assertEquals(List.of(), run.rows("select file_name from source_files "
                + "where rows_read <> rows_loaded + rows_rejected"));
    }

    @Test
    void theGoodFilesLoadAndTheSameFileUnderAnotherNameIsADuplicate() {
        assertEquals(List.of(List.of("loaded", 16L, 0L)), outcome("good.csv"));
        assertEquals(List.of(List.of("duplicate", 0L, 0L)), outcome("same file under another name.csv"));
        assertEquals(List.of(List.of("loaded", 16L, 0L)), outcome("a'; drop table ingest.deliveries; --.csv"));
        assertEquals(List.of(List.of("loaded", 16L, 0L)), outcome("\"quoted\" 名单 (2).csv"));
        // 16 rows from each of the three distinct good files, and the good rows of the damaged ones (2 + 3 + 2 + 1)
        assertEquals(56L, run.value("select count(*) from facts.statistic_versions"));
    }

    @Test
    void filesThatCannotBeReadAreRefusedWithTheReason() {
        assertRefused("truncated.csv", "file_truncated", "文件在一个带引号的字段中间结束（文件被截断？请重新导出）");
        assertRefused("random.bin", "file_not_table", "既不是 CSV 文本文件，也不是 Excel 工作簿");
        assertRefused("binary garbage.csv", "file_not_table", "既不是 CSV 文本文件，也不是 Excel 工作簿");
        assertRefused("high bytes.csv", "no_known_header", "没有一张表的表头属于已知的提取种类");
        assertRefused("empty.csv", "file_empty", "空文件（0 字节）");
        assertRefused("not a workbook.xlsx", "no_known_header", "文件名像 Excel 工作簿，内容却是文本，已按 CSV 读取");
        // a ZIP holding no workbook is an archive, whatever its name (docs/sources.md "Delivered formats")
        assertRefused("zip not a workbook.xlsx", "file_archive", "压缩包（ZIP）：请解压后直接交付其中的 Excel、CSV 或 Word 文件");
        assertRefused("truncated workbook.xlsx", "file_corrupt_workbook", "不是有效的 Excel 工作簿");
    }

    @Test
    void damagedRowsAreRejectedOneByOneWhileTheirFileLoads() {
        assertEquals(List.of(List.of("loaded", 2L, 1L)), outcome("truncated_row.csv"));
        assertEquals(List.of(List.of("loaded", 3L, 1L)), outcome("invalid utf8.csv"));
        assertEquals(List.of(List.of(4, true)), run.rows("select row_number, reason = '第 3 列含有文件编码中无效的字节（原始内容中显示为 \uFFFD）' "
                + "and reason_code = 'bytes_undecodable' from rejected_rows where file_name = 'invalid utf8.csv'"));
        assertEquals(List.of(List.of("loaded", 2L, 1L)), outcome("5 MB field.csv"));
        assertEquals(List.of(List.of(3, true, true)), run.rows("select row_number, reason like '% 5242880 个字符，超过任何字段可能的 32768 个%',"
                + " length(raw) < 5000 from rejected_rows where file_name = '5 MB field.csv'"));
    }

    @Test
    void aWideFileLoadsItsKnownColumnsAndSaysWhichItDidNotRead() {
        assertEquals(List.of(List.of("loaded", 1L, 0L)), outcome("10000 columns.csv"));
        String message = (String) run.value("select message from ingest.deliveries where file_name = '10000 columns.csv'");
        assertTrue(message.endsWith("等另 9971 列"), message);
        assertTrue(message.length() < 1000, message);
    }

    @Test
    void aHeaderOnlyFileLoadsNothingAndSaysSo() {
        assertEquals(List.of(List.of("loaded", 0L, 0L)), outcome("header only.csv"));
        assertTrue(((String) run.value("select message from ingest.deliveries where file_name = 'header only.csv'"))
                .contains("表头下没有数据行"));
    }

    @Test
    void anExternalEntityIsNeverResolvedAndAZipBombIsRefused() {
        assertRefused("xxe.xlsx", "file_doctype", "工作簿的 XML 声明了 DOCTYPE");
        assertEquals(0L, run.value("select count(*) from ingest.rejected_rows where raw like '%" + SECRET + "%'"));
        assertEquals(0L, run.value("select count(*) from ingest.deliveries where message like '%" + SECRET + "%'"));
        assertEquals(0L, run.value("select count(*) from facts.statistic_versions where cast(columns(*) as varchar) "
                + "like '%" + SECRET + "%'"));
        assertRefused("zip bomb.xlsx", "file_zip_bomb",
                "疑为压缩炸弹，已拒收（其中 xl/worksheets/sheet1.xml 解压后 1024 MiB，超过允许的 256 MiB）");
    }

    private static void assertRefused(String file, String code, String reason) {
        List<List<Object>> rows = run.rows("select status, rows_read, message, reason_code from source_files"
                + " where file_name = '" + file.replace("'", "''") + "'");
        assertEquals(1, rows.size(), file);
        assertEquals("refused", rows.get(0).get(0), file + ": " + rows.get(0));
        assertEquals(0L, rows.get(0).get(1));
        assertTrue(((String) rows.get(0).get(2)).contains(reason), file + ": " + rows.get(0).get(2));
        assertEquals(code, rows.get(0).get(3), file + ": " + rows.get(0).get(2));
    }

    private static List<List<Object>> outcome(String file) {
        return run.rows("select status, rows_loaded, rows_rejected from source_files where file_name = '"
                + file.replace("'", "''") + "'");
    }

    private static void write(String name, byte[] content) throws IOException {
        Files.write(run.inbox.resolve(name), content);
        delivered++;
    }

    static List<byte[]> lines(byte[] content) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < content.length; i++) {
            if (content[i] == '\n') {
                lines.add(Arrays.copyOfRange(content, start, i > start && content[i - 1] == '\r' ? i - 1 : i));
                start = i + 1;
            }
        }
        if (start < content.length) {
            lines.add(Arrays.copyOfRange(content, start, content.length));
        }
        return lines;
    }

    static byte[] join(byte[]... lines) {
        byte[] out = new byte[0];
        for (byte[] line : lines) {
            out = concat(out, concat(line, new byte[] {'\n'}));
        }
        return out;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }

    static byte[] replace(byte[] line, byte[] what, byte[] with) {
        int i = indexOf(line, what, 0);
        return concat(concat(Arrays.copyOf(line, i), with), Arrays.copyOfRange(line, i + what.length, line.length));
    }

    static byte[] bytes(Random random, int n, int from, int to) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (from + random.nextInt(to - from));
        }
        return b;
    }

    static byte[] zip(String entry, byte[] content) throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /** Minimal .xlsx packages written part by part, so that their sheet XML can be anything. */
    static final class Workbooks {

        static final String[] HEADER = {"年份", "地区代码", "地区名称", "指标名称", "数值", "计量单位", "数据状态", "发布日期"};

        /** A sheet whose XML declares an external entity pointing at {@code target} and uses it in a cell. */
        static byte[] withEntity(Path target) throws IOException {
            String sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE worksheet [<!ENTITY secret SYSTEM \""
                    + target.toUri() + "\">]>\n" + WORKSHEET + "<sheetData>" + row(1, HEADER)
                    + row(2, new String[] {"2024", "330922", "嵊泗县", "&secret;", "1", "万元", "最终核实", "2025-01-01"})
                    + "</sheetData></worksheet>";
            return workbook(out -> out.write(sheet.getBytes(StandardCharsets.UTF_8)));
        }

        /** A workbook with a valid header row whose sheet then expands to {@code bytes} of whitespace. */
        static byte[] bomb(long bytes) throws IOException {
            return workbook(out -> {
                out.write((WORKSHEET + "<sheetData>" + row(1, HEADER)).getBytes(StandardCharsets.UTF_8));
                byte[] spaces = new byte[1 << 20];
                Arrays.fill(spaces, (byte) ' ');
                for (long written = 0; written < bytes; written += spaces.length) {
                    out.write(spaces);
                }
                out.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
            });
        }

        interface SheetWriter {
            void write(OutputStream out) throws IOException;
        }

        static final String WORKSHEET = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">";

        static String row(int n, String[] values) {
            StringBuilder s = new StringBuilder("<row r=\"" + n + "\">");
            for (int i = 0; i < values.length; i++) {
                s.append("<c r=\"").append((char) ('A' + i)).append(n).append("\" t=\"inlineStr\"><is><t>")
                        .append(values[i]).append("</t></is></c>");
            }
            return s.append("</row>").toString();
        }

        static byte[] workbook(SheetWriter sheet) throws IOException {
            var bytes = new java.io.ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                part(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas"
                        + ".openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\""
                        + "application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" "
                        + "ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\""
                        + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override "
                        + "PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-"
                        + "officedocument.spreadsheetml.worksheet+xml\"/></Types>");
                part(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://"
                        + "schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\""
                        + "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
                        + "Target=\"xl/workbook.xml\"/></Relationships>");
                part(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://"
                        + "schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats"
                        + ".org/officeDocument/2006/relationships\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" "
                        + "r:id=\"rId1\"/></sheets></workbook>");
                part(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
                        + "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
                        + "Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                        + "worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
                zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
                sheet.write(zip);
                zip.closeEntry();
            }
            return bytes.toByteArray();
        }

        private static void part(ZipOutputStream zip, String name, String content) throws IOException {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }
}
