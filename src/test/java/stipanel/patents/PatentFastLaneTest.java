package stipanel.patents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.UnaryOperator;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import stipanel.bench.BenchLoad;
import stipanel.bench.Generate;

/**
 * The staged path of a patent CSV (DuckDB's reader, then the fast lane in {@code sql/ingest/patents_fast_lane.sql}
 * for the plain rows and {@link PatentExtractKind#read} for the rest) gives exactly what reading every row in Java
 * gives: the same facts, the same rejections with the same row numbers, reasons and raw text, the same counts. The
 * row path is the oracle; the files are built to sit on every edge of the lane.
 */
class PatentFastLaneTest {

    private static final List<String> HEADER = List.of("申请号", "专利类型", "申请日", "授权公告日", "名称", "主分类号",
            "申请（专利权）人", "专利权人统一社会信用代码", "地区代码", "法律状态", "失效日期", "海外同族", "质押融资金额（万元）",
            "获奖情况", "数据截止日期");

    @TempDir
    Path root;

    @Test
    void generatedExtractsWithOneRowInSevenBrokenLoadTheSameBothWaysInBothEncodings() throws Exception {
        // given
        Path out = generate("g", 3000, 150);
        // when, then
        assertSameBothWays(out.resolve("patents.csv"), true);
        assertSameBothWays(out.resolve("patents.gbk.csv"), true);
    }

    @Test
    void aFileLargeEnoughForDuckDbToReadInParallelKeepsItsRowOrder() throws Exception {
        // given: ~25 MB, several of DuckDB's read buffers, so its threads each read a part
        Path out = generate("big", 150_000, 20);
        // when, then: row numbers come from the order DuckDB appended the rows in
        assertSameBothWays(out.resolve("patents.csv"), true);
    }

    @Test
    void aFileStagedInPartsLoadsAsOneInBothEncodings() throws Exception {
        // given: parts of 64 KiB instead of 128 MiB, so ~10 parts, a notes row in the seventh
        Path out = generate("parts", 4000, 100);
        List<String> lines = Files.readAllLines(out.resolve("patents.csv"));
        lines.add(3500, "注：以下为补充数据,,,,,,,,,,,,,,");
        Files.write(root.resolve("notes-in-a-part.csv"), lines);
        String previous = System.setProperty("stipanel.stage.part-bytes", String.valueOf(64 << 10));
        try {
            // when, then
            assertSameBothWays(out.resolve("patents.csv"), true);
            assertSameBothWays(out.resolve("patents.gbk.csv"), true);
            assertThat(assertSameBothWays(root.resolve("notes-in-a-part.csv"), true).counts()).startsWith("3499 ");
        } finally {
            if (previous == null) {
                System.clearProperty("stipanel.stage.part-bytes");
            } else {
                System.setProperty("stipanel.stage.part-bytes", previous);
            }
        }
    }

    @Test
    void everyPlainFormAndItsNearMissesLoadTheSameBothWays() throws Exception {
        // given: one valid generated row per case, changed in one cell
        List<UnaryOperator<List<String>>> cases = new ArrayList<>();
        // 申请号: full-width digits and 。, lower case, spaces, no dot, prefixes, a wrong check character, too short
        cases.add(r -> set(r, 0, fullWidth(r.get(0)).replace('.', '。')));
        cases.add(r -> set(r, 0, "zl" + bare(r.get(0))));
        cases.add(r -> set(r, 0, " " + bare(r.get(0))));
        cases.add(r -> set(r, 0, bare(r.get(0)).replace(".", "")));
        cases.add(r -> set(r, 0, "CNZL" + bare(r.get(0))));
        cases.add(r -> set(r, 0, bare(r.get(0)).substring(0, 13) + "Z"));
        cases.add(r -> set(r, 0, "2023101234"));
        // 专利类型: wordings the lane lists, wordings only Java reads, missing markers
        for (String type : List.of("发明专利", "PCT发明", "新型", "外观", " 发明", "发 明", "—", "-", "专利", "Invention")) {
            cases.add(r -> set(r, 1, type));
        }
        // dates in every form, impossible ones, an Excel serial, a time suffix
        for (String date : List.of("2023/1/4", "2023.01.04", "2023年1月4日", "20230104", "2023-01-04 10:00", "44927",
                "2023-02-30", "２０２３-01-04", "0999-01-04", "2023-1-4", "—", "")) {
            cases.add(r -> set(r, 2, date));
            cases.add(r -> set(r, 3, date));
            cases.add(r -> set(r, 14, date));
        }
        cases.add(r -> set(r, 3, "1990-01-01"));
        // 主分类号
        for (String ipc : List.of("H01M10/0525", "H01M", "H01M 10", "H01M0010/0525", "h01m 10/0525",
                "H01M 10/0525(2006.01)", "H01M10/0525;H01M4/36", "H01M 0/05", "Z99Z 1/00", "H01M 12345/1")) {
            cases.add(r -> set(r, 5, ipc));
        }
        // free text: trailing space, full-width brackets, missing markers, a tab
        for (String text : List.of("一种装置 ", "一种（改进）装置", "—", "-", "...", "…", "a\tb", "/")) {
            cases.add(r -> set(r, 4, text));
            cases.add(r -> set(r, 13, text));
        }
        // credit code and region: every way to place a patent, and every way not to
        cases.add(r -> set(r, 7, r.get(7).toLowerCase()));
        cases.add(r -> set(r, 7, r.get(7).substring(0, 9) + " " + r.get(7).substring(9)));
        cases.add(r -> set(r, 7, r.get(7).substring(0, 17)));
        cases.add(r -> set(set(r, 8, ""), 7, r.get(7)));
        cases.add(r -> set(set(r, 8, ""), 7, r.get(7).substring(0, 17) + (r.get(7).endsWith("0") ? "1" : "0")));
        cases.add(r -> set(set(r, 8, ""), 7, ""));
        cases.add(r -> set(r, 8, r.get(8) + "000000"));
        cases.add(r -> set(r, 8, r.get(8).substring(0, 4) + "00"));
        cases.add(r -> set(r, 8, "999999"));
        cases.add(r -> set(r, 8, "-"));
        cases.add(r -> set(r, 8, "３３０９２２"));
        // 法律状态 and 失效日期
        for (String status : List.of("有效专利", "未缴年费专利权终止", "失效", "在审", "视为撤回", "unknown", "失 效")) {
            cases.add(r -> set(r, 9, status));
            cases.add(r -> set(set(r, 9, status), 10, "2024-05-05"));
        }
        cases.add(r -> set(set(r, 9, "失效"), 10, "1980-01-01"));
        // 海外同族
        for (String family : List.of("y", "Y", "是", "否", "有", "无", "3件", "0", "007", "12345678901", "√", "是 ", "多")) {
            cases.add(r -> set(r, 11, family));
        }
        // 质押融资金额
        for (String amount : List.of("1,200", "1200", "0.5", "-5", "1200元", "1.5亿元", "12%", "1,20", "１２００", "—")) {
            cases.add(r -> set(r, 12, amount));
        }
        Path file = root.resolve("edges.csv");
        writeCases(generate("edges-source", 400, 0).resolve("patents.csv"), file, cases);
        // when, then
        assertSameBothWays(file, true);
    }

    @Test
    void rowsBelowANotesRowAreNotLoadedOnEitherPath() throws Exception {
        // given
        Path source = generate("notes-source", 50, 0).resolve("patents.csv");
        List<String> lines = Files.readAllLines(source);
        List<String> withNotes = new ArrayList<>(lines.subList(0, 21));
        withNotes.add(",,,,,,,,,,,,,,");
        withNotes.add("注：数据来源于专利检索系统,,,,,,,,,,,,,,");
        withNotes.addAll(lines.subList(21, 51));
        Path file = root.resolve("notes.csv");
        Files.write(file, withNotes);
        // when
        Result staged = assertSameBothWays(file, true);
        // then
        assertThat(staged.counts()).isEqualTo("20 20 0");
    }

    @Test
    void aFileThatIsNotOneRowPerLineIsReadRowByRow() throws Exception {
        // given: an empty line (DuckDB's reader skips it), a title spanning two lines (a quoted line break), and a
        // header cell spanning two lines
        List<String> lines = Files.readAllLines(generate("lines-source", 30, 0).resolve("patents.csv"));
        List<String> blankLine = new ArrayList<>(lines);
        blankLine.add(10, "");
        Files.write(root.resolve("blank-line.csv"), blankLine);
        List<String> twoLines = new ArrayList<>(lines);
        List<String> cells = new ArrayList<>(List.of(twoLines.get(5).split(",", -1)));
        cells.set(4, "\"一种装置\n第二行\"");
        twoLines.set(5, String.join(",", cells));
        Files.write(root.resolve("two-lines.csv"), twoLines);
        List<String> twoLineHeader = new ArrayList<>(lines);
        twoLineHeader.set(0, twoLineHeader.get(0).replace("申请号,", "\"申请号\n（专利号）\","));
        Files.write(root.resolve("two-line-header.csv"), twoLineHeader);
        // when, then: the row path read them, with the right row numbers
        assertSameBothWays(root.resolve("blank-line.csv"), false);
        assertSameBothWays(root.resolve("two-lines.csv"), false);
        assertSameBothWays(root.resolve("two-line-header.csv"), false);
    }

    @Test
    void theSampleExtractsLoadTheSameBothWays() throws Exception {
        assertSameBothWays(Path.of("data-samples/patents/专利检索导出_2023Q4.csv"), true);
        // GBK, with a title that spans two lines: read row by row
        assertSameBothWays(Path.of("data-samples/patents/专利检索导出_2024Q4.csv"), false);
        // 中国专利数据库: staged, but every row has a county name, an address or a publication number, columns the lane
        // does not read, so every row takes the row path (#12: the real exports' rules are written once, in Java)
        assertSameBothWays(Path.of("data-samples/patents/中国专利数据库_舟山_2024-12-31.csv"), true);
    }

    private record Result(String format, String counts, List<String> facts, List<String> rejections) {
    }

    /** Loads {@code file} staged and row by row into two fresh warehouses and compares everything they hold. */
    private Result assertSameBothWays(Path file, boolean expectStaged) throws Exception {
        String name = file.getFileName().toString();
        Path stagedDir = root.resolve("staged-" + name);
        Path rowsDir = root.resolve("rows-" + name);
        BenchLoad.ingester(file, stagedDir, true);
        BenchLoad.ingester(file, rowsDir, false);
        Result staged = read(stagedDir.resolve("warehouse.duckdb"));
        Result rows = read(rowsDir.resolve("warehouse.duckdb"));
        assertThat(staged.format()).as(name).endsWith(expectStaged ? ", staged by DuckDB" : rows.format());
        assertThat(rows.format()).as(name).doesNotContain("staged");
        assertThat(staged.counts()).as(name).isEqualTo(rows.counts());
        assertThat(staged.rejections()).as(name).containsExactlyElementsOf(rows.rejections());
        assertThat(staged.facts()).as(name).containsExactlyElementsOf(rows.facts());
        return staged;
    }

    private static Result read(Path warehouse) throws Exception {
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + warehouse.toAbsolutePath(), readOnly);
             Statement s = c.createStatement()) {
            String format;
            String counts;
            try (ResultSet r = s.executeQuery("select format, rows_read || ' ' || rows_loaded || ' ' || rows_rejected"
                    + " from ingest.deliveries")) {
                r.next();
                format = r.getString(1);
                counts = r.getString(2);
            }
            return new Result(format, counts,
                    rows(s, "select columns(* exclude (content_hash))::varchar from facts.patent_rows order by row_number"),
                    rows(s, "select row_number, reason, raw from ingest.rejected_rows order by row_number"));
        }
    }

    private static List<String> rows(Statement s, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (ResultSet r = s.executeQuery(sql)) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                StringBuilder row = new StringBuilder();
                for (int c = 1; c <= columns; c++) {
                    row.append(c > 1 ? " | " : "").append(r.getString(c));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private Path generate(String dir, int patents, int badPerMille) {
        Path out = root.resolve(dir);
        int code = Generate.run(List.of("--out", out.toString(), "--seed", "7", "--patents", String.valueOf(patents),
                        "--registry", "10", "--certifications", "10", "--years", "1", "--encoding", "both",
                        "--bad-per-mille", String.valueOf(badPerMille)),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), System.err);
        assertThat(code).isZero();
        return out;
    }

    /** Row i of the output is data row i of {@code source} changed by case i; the source's header stays. */
    private static void writeCases(Path source, Path target, List<UnaryOperator<List<String>>> cases)
            throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(source)) {
            for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                rows.add(new ArrayList<>(record.toList()));
            }
        }
        assertThat(rows.size()).isGreaterThanOrEqualTo(cases.size());
        try (Writer out = Files.newBufferedWriter(target, Charset.forName("UTF-8"));
             CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            printer.printRecord(HEADER);
            for (int i = 0; i < cases.size(); i++) {
                printer.printRecord(cases.get(i).apply(new ArrayList<>(rows.get(i))));
            }
        }
    }

    private static List<String> set(List<String> row, int column, String value) {
        row.set(column, value);
        return row;
    }

    /** The number without the prefixes the generator writes (ZL, CN). */
    private static String bare(String number) {
        return number.replaceFirst("^(ZL|CN)+", "").replaceFirst("^(\\d{12})(\\d)$", "$1.$2");
    }

    private static String fullWidth(String text) {
        StringBuilder b = new StringBuilder();
        text.chars().forEach(c -> b.append(c >= '0' && c <= '9' ? (char) (c - '0' + '０') : (char) c));
        return b.toString();
    }
}
