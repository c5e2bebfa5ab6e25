package stipanel.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static stipanel.ops.HostileInputTest.concat;
import static stipanel.ops.HostileInputTest.join;
import static stipanel.ops.HostileInputTest.lines;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import stipanel.bench.BenchLoad;
import stipanel.bench.Generate;
import stipanel.testing.PipelineRun;

/**
 * A patent extract damaged in each way files get damaged in transit (cut off mid-row, mid-quote, mid-character;
 * bits flipped; a header only; one 5 MB field), each in a file of 100 rows and in one of 7,000 (past the first MiB,
 * which is all {@code StagedCsv.open} looks at, so that DuckDB's own reader meets the damage), loaded through the
 * staged path (whole, and in parts with the damage in the last) and the row path: every file is refused or its
 * damaged rows are rejected one by one, the same on every path, and the nightly run on an inbox of all of them
 * completes, and completes again. Before issue #17 DuckDB's reader failed inside the file's transaction, which then
 * could not record anything, and the run failed on the same file every night.
 */
class DamagedCsvTest {

    /**
     * What a file's ledger row and rejected rows say: status, rows read, loaded, rejected, each rejection (row, code,
     * reason) and the message (code, text).
     */
    record Outcome(String status, long read, long loaded, long rejected, List<String> rejections, String message) {

        /** The counts and rejections exactly; of the message, the part expected. */
        void assertMatches(Outcome expected, String what) {
            assertThat(List.of(status, read, loaded, rejected)).as(what)
                    .isEqualTo(List.of(expected.status, expected.read, expected.loaded, expected.rejected));
            assertThat(read).as(what + ": rows read = loaded + rejected").isEqualTo(loaded + rejected);
            assertThat(rejections).as(what).isEqualTo(expected.rejections);
            assertThat(message).as(what).contains(expected.message);
        }
    }

    /** The part size of the nightly run: more than a file of 100 rows, less than one of 7,000. */
    static final int NIGHTLY_PART_BYTES = 64 << 10;

    static final String TOO_LONG = "cell_too_long | 第 14 列有 5242880 个字符，超过任何字段可能的 32768 个（可能是引号未闭合）";
    static final String BAD_BYTES = "bytes_undecodable | 第 5 列含有文件编码中无效的字节（原始内容中显示为 \uFFFD）";
    static String notADate(String value) {
        return "date_invalid | 申请日“" + value + "”不是日期（应为 2024-03-05、2024/3/5、2024.3.5、20240305 或 2024年3月5日）";
    }
    static final String CHECK_CHARACTER = "application_number_check_failed | 申请号";

    static String cut(int cells) {
        return "row_truncated | 文件在这一行中间结束（被截断？）：只有 " + cells + " 列，表头有 15 列";
    }

    /** The damaged files (file name → bytes) and what each must give on every path. */
    static final Map<String, byte[]> FILES = new TreeMap<>();
    static final Map<String, Outcome> EXPECTED = new TreeMap<>();

    @TempDir
    static Path root;

    @BeforeAll
    static void damageTwoGeneratedExtracts() throws IOException {
        List<byte[]> small = generate("small", 100);
        List<byte[]> large = generate("large", 7000);
        deliver("header only.csv", join(small.get(0)));
        for (var size : List.of(Map.entry("100", small), Map.entry("7000", large))) {
            List<byte[]> lines = size.getValue();
            int n = lines.size() - 1;
            String of = " (" + size.getKey() + " rows).csv";
            // cut after the ninth cell (地区代码) and its comma, as the file was
            deliver("cut mid-row" + of, withLast(lines, n - 1, cutAfterCells(lines.get(n), 9)));
            // 名称 quoted, cut inside the quotes
            byte[] quoted = setCell(lines.get(n), 4, "\"一种装置，含\"\"引号\"\"的部件\"");
            deliver("cut mid-quote" + of, withLast(lines, n - 1,
                    Arrays.copyOf(quoted, indexOf(quoted, "引号".getBytes(StandardCharsets.UTF_8)))));
            // cut after the first of the three bytes of 申请人's first character
            byte[] last = lines.get(n);
            deliver("cut mid-character" + of, withLast(lines, n - 1,
                    Arrays.copyOf(last, cellStart(last, 6) + 1)));
            // one bit flipped in each of three rows: a lead byte of 名称 that is then no UTF-8, a digit of 申请号, the
            // comma after 申请日 (then a '-': the row has 14 cells)
            List<byte[]> flipped = new ArrayList<>(lines);
            flip(flipped, n - 70, cellStart(lines.get(n - 70), 4), 0x40);
            flip(flipped, n - 80, 6, 0x01);
            flip(flipped, n - 90, cellStart(lines.get(n - 90), 3) - 1, 0x01);
            deliver("flipped bits" + of, join(flipped.toArray(byte[][]::new)));
            // the free-text 获奖情况 of one row holds 5 MiB
            List<byte[]> big = new ArrayList<>(lines);
            big.set(n - 50, setCell(lines.get(n - 50), 13, "\"" + "x".repeat(5 << 20) + "\""));
            deliver("5 MB field" + of, join(big.toArray(byte[][]::new)));
        }
        expect("cut mid-row (100 rows).csv", new Outcome("loaded", 100, 99, 1,
                List.of("101 | " + cut(10)), " | "));
        expect("cut mid-row (7000 rows).csv", new Outcome("loaded", 7000, 6999, 1,
                List.of("7001 | " + cut(10)), " | "));
        expect("cut mid-quote (100 rows).csv", new Outcome("refused", 0, 0, 0, List.of(),
                "file_truncated | 文件无法读完（读到第 100 行），整个文件未装载：文件在一个带引号的字段中间结束（文件被截断？请重新导出）"));
        expect("cut mid-quote (7000 rows).csv", new Outcome("refused", 0, 0, 0, List.of(),
                "file_truncated | 文件无法读完（读到第 7000 行），整个文件未装载：文件在一个带引号的字段中间结束（文件被截断？请重新导出）"));
        expect("cut mid-character (100 rows).csv", new Outcome("loaded", 100, 99, 1,
                List.of("101 | " + cut(7)), " | "));
        expect("cut mid-character (7000 rows).csv", new Outcome("loaded", 7000, 6999, 1,
                List.of("7001 | " + cut(7)), " | "));
        expect("flipped bits (100 rows).csv", new Outcome("loaded", 100, 97, 3, List.of(
                "11 | " + notADate("2023-12-19-20241102"),
                "21 | " + CHECK_CHARACTER + "“202110100019.6”校验位错误：按 ZC 0006-2003，202110100019 的校验位应为“3”，"
                        + "不是“6”",
                "31 | " + BAD_BYTES), " | "));
        expect("flipped bits (7000 rows).csv", new Outcome("loaded", 7000, 6997, 3, List.of(
                "6911 | " + notADate("2008-02-03-2009-01-26"),
                "6921 | " + CHECK_CHARACTER + "“202120106919.7”校验位错误：按 ZC 0006-2003，202120106919 的校验位应为“4”，"
                        + "不是“7”",
                "6931 | " + BAD_BYTES), " | "));
        expect("header only.csv", new Outcome("loaded", 0, 0, 0, List.of(), " | 表头下没有数据行"));
        expect("5 MB field (100 rows).csv", new Outcome("loaded", 100, 99, 1, List.of("51 | " + TOO_LONG), " | "));
        expect("5 MB field (7000 rows).csv", new Outcome("loaded", 7000, 6999, 1, List.of("6951 | " + TOO_LONG), " | "));
    }

    @Test
    void theRowPathRefusesOrRejectsEachDamage() throws Exception {
        for (String file : FILES.keySet()) {
            load(file, false, Long.MAX_VALUE).assertMatches(EXPECTED.get(file), file + ", row by row");
        }
    }

    @Test
    void theStagedPathGivesTheSameWhetherTheFileIsStagedWholeOrInParts() throws Exception {
        // The nightly run below stages the files of 100 rows whole and those of 7,000 in parts; here the other way.
        for (String file : FILES.keySet()) {
            long size = FILES.get(file).length;
            if (size < NIGHTLY_PART_BYTES) {
                // about four parts, the damage in the last; a header only is longer than a part (no part at all)
                load(file, true, Math.max(1, size / 4)).assertMatches(EXPECTED.get(file), file + ", staged in parts");
            } else {
                load(file, true, Long.MAX_VALUE).assertMatches(EXPECTED.get(file), file + ", staged whole");
            }
        }
    }

    @Test
    void theNightlyRunOnAllOfThemCompletesAndSoDoesTheNext() throws Exception {
        // given
        PipelineRun night = new PipelineRun(root.resolve("night"));
        for (var file : FILES.entrySet()) {
            Files.write(night.inbox.resolve(file.getKey()), file.getValue());
        }
        // when: the 7,000-row files are staged in parts, the others whole
        withPartBytes(NIGHTLY_PART_BYTES, night::run);
        // then
        assertThat(night.exitCode).as(night.stderr).isZero();
        for (String file : FILES.keySet()) {
            ledger(night.warehouse, file).assertMatches(EXPECTED.get(file), file + " in the nightly run");
        }
        // when
        withPartBytes(NIGHTLY_PART_BYTES, night::run);
        // then: the second run completes and publishes, with nothing new to read
        assertThat(night.exitCode).as(night.stderr).isZero();
        // (rows loaded: 99 + 6,999 from each file cut mid-row, cut mid-character and with a 5 MB field, 97 + 6,997
        // from those with flipped bits; rejected: one row of each of those six and three of each of the two)
        assertThat(night.rows("select run_number, status, files_loaded, files_refused, rows_loaded, rows_rejected"
                + " from runs order by run_id")).isEqualTo(List.of(
                List.of(1L, "COMPLETED", 9L, 2L, 28_388L, 12L),
                List.of(2L, "COMPLETED", 0L, 0L, 0L, 0L)));
    }

    /** Loads one file into a warehouse of its own, as the nightly run loads a file. */
    private static Outcome load(String file, boolean staging, long partBytes) throws Exception {
        Path work = Files.createTempDirectory(root, "load-");
        withPartBytes(partBytes, () -> BenchLoad.ingest(root.resolve("files").resolve(file), work, staging));
        return ledger(work.resolve("warehouse.duckdb"), file);
    }

    private static Outcome ledger(Path warehouse, String file) {
        String name = file.replace("'", "''");
        List<List<Object>> row = PipelineRun.query(warehouse, "select status, rows_read, rows_loaded, rows_rejected,"
                + " coalesce(reason_code, '') || ' | ' || coalesce(message, '') from ingest.deliveries"
                + " where file_name = '" + name + "'");
        assertThat(row).as(file).hasSize(1);
        List<String> rejections = PipelineRun.query(warehouse, "select r.row_number || ' | ' || r.reason_code || ' | ' || r.reason"
                + " from ingest.rejected_rows r join ingest.deliveries d using (content_hash)"
                + " where d.file_name = '" + name + "' order by r.row_number").stream()
                .map(r -> (String) r.get(0)).toList();
        List<Object> r = row.get(0);
        return new Outcome((String) r.get(0), (Long) r.get(1), (Long) r.get(2), (Long) r.get(3), rejections,
                (String) r.get(4));
    }

    interface Action {
        void run() throws Exception;
    }

    private static void withPartBytes(long bytes, Action action) throws Exception {
        String previous = System.setProperty("stipanel.stage.part-bytes", String.valueOf(bytes));
        try {
            action.run();
        } finally {
            if (previous == null) {
                System.clearProperty("stipanel.stage.part-bytes");
            } else {
                System.setProperty("stipanel.stage.part-bytes", previous);
            }
        }
    }

    private static List<byte[]> generate(String dir, int patents) throws IOException {
        Path out = root.resolve(dir);
        int code = Generate.run(List.of("--out", out.toString(), "--seed", "17", "--patents", String.valueOf(patents),
                        "--registry", "10", "--certifications", "10", "--years", "0", "--bad-per-mille", "0"),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), System.err);
        assertThat(code).isZero();
        return lines(Files.readAllBytes(out.resolve("patents.csv")));
    }

    private static void deliver(String name, byte[] content) throws IOException {
        Files.createDirectories(root.resolve("files"));
        Files.write(root.resolve("files").resolve(name), content);
        FILES.put(name, content);
    }

    private static void expect(String name, Outcome outcome) {
        assertThat(FILES).containsKey(name);
        EXPECTED.put(name, outcome);
    }

    /** The header and the first {@code rows} data rows, each ending in a line feed, then {@code last} with none. */
    private static byte[] withLast(List<byte[]> lines, int rows, byte[] last) {
        return concat(join(lines.subList(0, rows + 1).toArray(byte[][]::new)), last);
    }

    /** Where cell {@code index} (from 0) of an unquoted line starts. */
    private static int cellStart(byte[] line, int index) {
        int at = 0;
        for (int i = 0; i < index; i++) {
            at = indexOf(Arrays.copyOfRange(line, at, line.length), new byte[] {','}) + at + 1;
        }
        return at;
    }

    private static byte[] cutAfterCells(byte[] line, int cells) {
        return Arrays.copyOf(line, cellStart(line, cells));
    }

    private static byte[] setCell(byte[] line, int index, String text) {
        int start = cellStart(line, index);
        int end = cellStart(line, index + 1) - 1;
        return concat(concat(Arrays.copyOf(line, start), text.getBytes(StandardCharsets.UTF_8)),
                Arrays.copyOfRange(line, end, line.length));
    }

    private static void flip(List<byte[]> lines, int row, int at, int mask) {
        byte[] line = lines.get(row).clone();
        line[at] ^= (byte) mask;
        lines.set(row, line);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        return HostileInputTest.indexOf(haystack, needle, 0);
    }
}
