package stipanel.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import stipanel.warehouse.Warehouse;

/**
 * {@code benchmark --paths small-night}: the fixed cost of a night, side by side in one run (issue 16). Three paths,
 * each in a JVM of its own, in turn in every round:
 *
 * <ul>
 * <li>{@code bare}: a JVM that loads the delivery with DuckDB's {@code read_csv} into a fresh database file, no
 * Spring ({@code bench-load duckdb}): the floor of any JVM that reads the file;</li>
 * <li>{@code empty}: {@code java -jar sti-panel.jar run} with the delivery alone, into an empty warehouse;</li>
 * <li>{@code national}: the same command with the delivery added to the inbox of a national warehouse (a copy of it
 * for every round, so that every round is the same night).</li>
 * </ul>
 *
 * The delivery is one file of {@value #ROWS} statistics rows of 定海区 (2024, 普查修订), written here. The nights run the
 * product jar as the scheduler does, so the Spring Boot launcher and its nested jars count; peak RSS is the child's
 * VmHWM, read from /proc while it runs (it only grows, so the last reading is the peak within the polling interval).
 */
final class SmallNight {

    static final int ROWS = 6;

    /** The statistics long form of {@code Generate}, values a little above the generated ones, published later. */
    static final String DELIVERY = """
            年份,地区代码,地区名称,指标名称,数值,计量单位,数据状态,发布日期
            2024,330902,定海区,地区生产总值,655,亿元,普查修订,2025-09-30
            2024,330902,定海区,R&D经费内部支出,171000,万元,普查修订,2025-09-30
            2024,330902,定海区,规模以上工业企业营业收入,218,亿元,普查修订,2025-09-30
            2024,330902,定海区,规上工业企业研发费用,31800,万元,普查修订,2025-09-30
            2024,330902,定海区,规上工业增加值,353000,万元,普查修订,2025-09-30
            2024,330902,定海区,R&D人员折合全时当量,530,人年,普查修订,2025-09-30
            """;

    record Night(double wallSeconds, long peakKb, double load1, String note) {
    }

    private SmallNight() {
    }

    static void run(Benchmark.Options o, Path jar, Path national, PrintStream out)
            throws IOException, InterruptedException, SQLException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException("the product jar " + jar + " is missing: mvn -q -B -DskipTests package (or --jar)");
        }
        Path work = o.work().resolve("small-night");
        Path delivery = work.resolve("delivery").resolve("统计局_2024年数据修订_定海区.csv");
        Files.createDirectories(delivery.getParent());
        Files.writeString(delivery, DELIVERY, StandardCharsets.UTF_8);
        if (national == null) {
            national = o.work().resolve("small-night-national");
            if (!Files.isRegularFile(national.resolve("warehouse").resolve("sti-panel.duckdb"))) {
                out.println("first night on " + o.data() + " into " + national + " (reused by later runs) …");
                Benchmark.child(o, "job", o.data(), national, "small-night-national",
                        Map.of("STIPANEL_BENCH_KEEP", "1"));
            }
        }
        out.printf("small night: %s (%d statistics rows); national warehouse %s (%,d bytes); jar %s%n",
                delivery.getFileName(), ROWS, national, Files.size(national.resolve("warehouse")
                        .resolve("sti-panel.duckdb")), jar);
        out.printf("%-9s %5s %8s %9s %6s  %s%n", "path", "round", "wall s", "peak RSS", "load1", "note");
        List<Night> bare = new ArrayList<>();
        List<Night> empty = new ArrayList<>();
        List<Night> nationals = new ArrayList<>();
        // Unrecorded: the first night after a build also writes the jar's class archive (stipanel.cli.TunedJvm).
        night(o, jar, delivery, work.resolve("empty"), null);
        for (int round = 1; round <= o.repeat(); round++) {
            Benchmark.Result b = Benchmark.child(o, "duckdb", delivery, work.resolve("bare"), "small-night-bare",
                    Map.of());
            bare.add(print(out, "bare", round, new Night(b.wallSeconds(), b.peakKb(), Benchmark.loadAverage(),
                    "read_csv " + String.format(Locale.ROOT, "%.3f", b.seconds()) + " s")));
            empty.add(print(out, "empty", round, night(o, jar, delivery, work.resolve("empty"), null)));
            nationals.add(print(out, "national", round, night(o, jar, delivery, work.resolve("national"), national)));
        }
        Night b = median(bare);
        Night e = median(empty);
        Night n = median(nationals);
        out.printf(Locale.ROOT, "medians of %d: bare %.2f s %d MB, empty %.2f s %d MB, national %.2f s %d MB%n",
                o.repeat(), b.wallSeconds(), b.peakKb() / 1024, e.wallSeconds(), e.peakKb() / 1024, n.wallSeconds(),
                n.peakKb() / 1024);
        out.printf(Locale.ROOT, "empty / bare %.2f (goal 2, bar 3); national / empty %.2f (goal 1.5)%n",
                e.wallSeconds() / b.wallSeconds(), n.wallSeconds() / e.wallSeconds());
    }

    private static Night print(PrintStream out, String path, int round, Night n) {
        out.printf(Locale.ROOT, "%-9s %5d %8.2f %6d MB %6.2f  %s%n", path, round, n.wallSeconds(), n.peakKb() / 1024,
                n.load1(), n.note());
        return n;
    }

    private static Night median(List<Night> nights) {
        List<Night> sorted = new ArrayList<>(nights);
        sorted.sort(Comparator.comparingDouble(Night::wallSeconds));
        return sorted.get(sorted.size() / 2);
    }

    /**
     * {@code java -Xmx… -jar JAR run} on an inbox of the delivery (and, given {@code national}, of that warehouse's
     * own inbox) into {@code work}'s warehouse: a fresh one, or a copy of the national one.
     */
    private static Night night(Benchmark.Options o, Path jar, Path delivery, Path work, Path national)
            throws IOException, InterruptedException, SQLException {
        BenchLoad.deleteRecursively(work);
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        Path warehouse = Files.createDirectories(work.resolve("warehouse")).resolve("sti-panel.duckdb");
        if (national != null) {
            try (Stream<Path> files = Files.list(national.resolve("warehouse"))) {
                for (Path f : files.filter(f -> Files.isRegularFile(f) && !f.getFileName().toString().endsWith(".lock"))
                        .toList()) {
                    Path copy = warehouse.resolveSibling(f.getFileName());
                    Files.copy(f, copy, StandardCopyOption.COPY_ATTRIBUTES);
                    // A warehouse written the night before is on disk: unflushed, the copy would be written out by
                    // the timed night's checkpoint (0.1-1.2 s measured).
                    try (FileChannel channel = FileChannel.open(copy, StandardOpenOption.WRITE)) {
                        channel.force(true);
                    }
                }
            }
            try (Stream<Path> files = Files.list(national.resolve("inbox"))) {
                for (Path f : files.toList()) {
                    Files.createSymbolicLink(inbox.resolve(f.getFileName()), f.toRealPath());
                }
            }
        }
        Files.createSymbolicLink(inbox.resolve(delivery.getFileName()), delivery.toAbsolutePath());
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + o.xmx(), "-jar", jar.toAbsolutePath().toString(), "run", "--inbox", inbox.toString(),
                "--warehouse", warehouse.toString(), "--out", work.resolve("out").toString(),
                "--today", BenchLoad.TODAY.toString());
        Path log = work.resolve("run.log");
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // The jar starts the night in a second JVM (stipanel.cli.TunedJvm): the peak is that of both, added.
        Map<Long, Long> peaks = new HashMap<>();
        while (p.isAlive()) {
            for (ProcessHandle h : Stream.concat(Stream.of(p.toHandle()), p.descendants()).toList()) {
                long kb = hwmKb(Path.of("/proc", Long.toString(h.pid()), "status"));
                peaks.merge(h.pid(), kb, Math::max);
            }
            Thread.sleep(20);
        }
        long peakKb = peaks.values().stream().filter(kb -> kb > 0).mapToLong(Long::longValue).sum();
        double wall = (System.nanoTime() - start) / 1e9;
        double load1 = Benchmark.loadAverage();
        if (p.exitValue() != 0) {
            throw new IOException("the night in " + work + " exited " + p.exitValue() + ":\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Night(wall, peakKb, load1, steps(warehouse));
    }

    /** VmHWM of a running process in kB, or -1 once it is gone. */
    private static long hwmKb(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // exited between isAlive and the read
        }
        return -1;
    }

    /** The last execution's step times (Spring Batch's own), and how long before its job began the process ran. */
    private static String steps(Path warehouse) throws SQLException {
        try (Connection c = Warehouse.openReadOnly(warehouse); Statement s = c.createStatement()) {
            long last;
            try (ResultSet r = s.executeQuery("select max(job_execution_id) from ops.BATCH_JOB_EXECUTION")) {
                r.next();
                last = r.getLong(1);
            }
            StringBuilder steps = new StringBuilder();
            try (ResultSet r = s.executeQuery("select step_name, epoch(end_time) - epoch(start_time) "
                    + "from ops.BATCH_STEP_EXECUTION where job_execution_id = " + last + " order by step_execution_id")) {
                while (r.next()) {
                    steps.append(steps.isEmpty() ? "" : ", ").append(r.getString(1))
                            .append(String.format(Locale.ROOT, " %.2f", r.getDouble(2)));
                }
            }
            try (ResultSet r = s.executeQuery("select epoch(end_time) - epoch(start_time) from ops.BATCH_JOB_EXECUTION "
                    + "where job_execution_id = " + last)) {
                r.next();
                steps.append(String.format(Locale.ROOT, "; job %.2f s", r.getDouble(1)));
            }
            return steps.toString();
        }
    }
}
