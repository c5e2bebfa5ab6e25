package stipanel.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import stipanel.cli.Cli;
import stipanel.warehouse.Warehouse;

/**
 * {@code benchmark}: for each extract kind and encoding found in a folder written by {@code generate}, loads the file
 * with DuckDB's own {@code read_csv} and with sti-panel in the same run, each path in its own child JVM with an
 * explicit {@code -Xmx}, so that every path's peak resident memory (VmHWM, Java heap and DuckDB's native memory
 * together) is its own. Prints rows, seconds, rows/s, the ratio to {@code read_csv} and peak RSS, with the load
 * average beside them (the machines here are shared).
 *
 * <p>sti-panel's paths: {@code ingester} is the shared mechanism exactly as the nightly job drives it for one file
 * (SHA-256, ledger lookup, {@link stipanel.ingest.FileIngester} with every kind, ledger row, commit) on a fresh
 * warehouse file, without Spring (a patent CSV staged by DuckDB, issue #7); {@code rows} is the same with every file
 * read row by row, as before the staged path; {@code job} is the whole nightly run ({@code NightlyRun}: Spring, prepare,
 * ingest, build the panel, workbook, publish) on an inbox holding just that file; {@code nightly} is that run on the
 * whole folder, twice with different thread counts and once more with nothing new, and compares the panels.
 *
 * <p>DuckDB cannot read GBK here (the {@code encodings} extension is not available offline), so a GBK file is
 * compared against {@code read_csv} of its UTF-8 twin, as the target implies.
 */
public final class Benchmark {

    static final String USAGE = """
            Usage: src/bench/bench benchmark --data DIR [options]

              --data DIR          folder written by generate (patents.csv, patents.gbk.csv, registry.csv …)
              --kinds LIST        comma-separated file stems to load          (default patents,registry,certifications,statistics)
              --paths LIST        duckdb,ingester,rows,job per file, and nightly (default duckdb,ingester)
              --xmx SIZE          -Xmx of every child JVM                      (default 768m)
              --work DIR          scratch folder for warehouses                (default DIR/bench-work)
              --jfr DIR           record each sti-panel child with JFR into DIR (profile with 'jfr print')
              --repeat N          runs per path; the median is printed         (default 1)
              --jar FILE          the product jar small-night runs             (default target/sti-panel.jar)
              --national WORK     small-night: a folder of 'bench-load job' kept with STIPANEL_BENCH_KEEP=1
                                  (warehouse/, inbox/); default: made once in WORK/small-night-national

            nightly: the whole nightly run on every file of DIR (generate without --encoding both), twice
            into fresh warehouses, with DuckDB's default threads and with one thread, then once more on the
            second with nothing new; prints each night's time and peak RSS and whether the two panels and
            indices are equal in every column, and what the third night changed.

            small-night: a delivery of 6 statistics rows, three ways in turn per round (--repeat): a bare
            JVM loading it with read_csv (no Spring), 'java -jar JAR run' into an empty warehouse, and the
            same on a copy of the national warehouse with the delivery added to its inbox; wall and peak RSS
            of each, their medians, empty/bare and national/empty.
            """;

    record Options(Path data, List<String> kinds, List<String> paths, String xmx, Path work, Path jfr, int repeat,
                   Path jar, Path national) {
    }

    record Result(long rows, double seconds, double wallSeconds, long peakKb, String note) {
        double rate() {
            return rows / seconds;
        }
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Options o = parse(args);
        try {
            Files.createDirectories(o.work());
            if (o.jfr() != null) {
                Files.createDirectories(o.jfr());
            }
            out.printf("sti-panel benchmark  %s  %d cores  child -Xmx%s  java %s%n", machine(),
                    Runtime.getRuntime().availableProcessors(), o.xmx(), System.getProperty("java.version"));
            List<String> perFile = o.paths().stream().filter(p -> !p.equals("nightly") && !p.equals("small-night"))
                    .toList();
            if (!perFile.isEmpty() || o.paths().contains("nightly")) {
                out.printf("%-22s %-9s %11s %8s %10s %7s %8s %8s %6s  %s%n", "file", "path", "rows", "seconds",
                        "rows/s", "ratio", "JVM wall", "peak RSS", "load1", "note");
            }
            for (String kind : perFile.isEmpty() ? List.<String>of() : o.kinds()) {
                for (String suffix : List.of(".csv", ".gbk.csv")) {
                    Path file = o.data().resolve(kind + suffix);
                    if (!Files.isRegularFile(file)) {
                        continue;
                    }
                    Path twin = o.data().resolve(kind + ".csv");
                    Result duck = null;
                    for (String path : perFile) {
                        Result r;
                        String note = "";
                        if (path.equals("duckdb")) {
                            if (suffix.equals(".gbk.csv")) {
                                if (!Files.isRegularFile(twin)) {
                                    continue;
                                }
                                r = median(o, "duckdb", twin, kind + "-gbk");
                                note = "read_csv of the UTF-8 twin (DuckDB has no GBK reader offline)";
                            } else {
                                r = median(o, "duckdb", file, kind);
                            }
                            duck = r;
                        } else {
                            r = median(o, path, file, kind + (suffix.equals(".gbk.csv") ? "-gbk" : ""));
                        }
                        String ratio = duck == null || path.equals("duckdb") ? "1.00" :
                                String.format(Locale.ROOT, "%.2f", r.seconds() / duck.seconds());
                        out.printf(Locale.ROOT, "%-22s %-9s %,11d %8.2f %,10.0f %7s %8.2f %5d MB %6.2f  %s%n",
                                file.getFileName(), path, r.rows(), r.seconds(), r.rate(), ratio, r.wallSeconds(),
                                r.peakKb() / 1024, loadAverage(), join(note, r.note()));
                    }
                }
            }
            if (o.paths().contains("nightly")) {
                nightly(o, out);
            }
            if (o.paths().contains("small-night")) {
                SmallNight.run(o, o.jar(), o.national(), out);
            }
            return 0;
        } catch (IOException | InterruptedException | SQLException e) {
            err.println("sti-panel benchmark: " + e.getMessage());
            return 1;
        }
    }

    /**
     * Two nights on the same inbox into fresh warehouses, DuckDB's default threads and one thread, then a third night
     * on the second with nothing new; each night's line, then the comparison of the two panels in every column.
     */
    private static void nightly(Options o, PrintStream out) throws IOException, InterruptedException, SQLException {
        Map<String, String> keep = Map.of("STIPANEL_BENCH_KEEP", "1");
        Map<String, String> oneThread = Map.of("STIPANEL_BENCH_KEEP", "1", Warehouse.THREADS_VARIABLE, "1");
        Path first = o.work().resolve("nightly-default-threads");
        Path second = o.work().resolve("nightly-1-thread");
        print(out, o.data(), "nightly", child(o, "job", o.data(), first, "nightly", keep), "DuckDB's default threads");
        print(out, o.data(), "nightly", child(o, "job", o.data(), second, "nightly-1-thread", oneThread),
                "DuckDB threads 1");
        print(out, o.data(), "rerun", child(o, "rerun", o.data(), second, "nightly-rerun", oneThread),
                "the second night again, nothing new");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("attach '" + warehouse(first) + "' as first (read_only)");
            s.execute("attach '" + warehouse(second) + "' as second (read_only)");
            for (String view : List.of("indicator_panel", "sti_index")) {
                String a = "first.main." + view;
                String b = "second.main." + view;
                try (ResultSet r = s.executeQuery("select (select count(*) from " + a + "), (select count(*) from "
                        + b + "), (select count(*) from (select * from " + a + " except all select * from " + b
                        + ")), (select count(*) from (select * from " + b + " except all select * from " + a + "))")) {
                    r.next();
                    boolean same = r.getLong(1) == r.getLong(2) && r.getLong(3) == 0 && r.getLong(4) == 0;
                    out.printf(Locale.ROOT, "%s: %,d and %,d rows; rows of the first night not in the second %,d, of "
                                    + "the second not in the first %,d: %s%n", view, r.getLong(1), r.getLong(2),
                            r.getLong(3), r.getLong(4), same ? "identical in every column" : "DIFFERENT");
                }
            }
        }
    }

    private static void print(PrintStream out, Path data, String path, Result r, String note) {
        out.printf(Locale.ROOT, "%-22s %-9s %,11d %8.2f %,10.0f %7s %8.2f %5d MB %6.2f  %s%n", data.getFileName(), path,
                r.rows(), r.seconds(), r.rate(), "", r.wallSeconds(), r.peakKb() / 1024, loadAverage(),
                join(note, r.note()));
    }

    private static String warehouse(Path work) {
        return work.resolve("warehouse").resolve("sti-panel.duckdb").toAbsolutePath().toString().replace("'", "''");
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
    }

    private static Result median(Options o, String path, Path file, String label)
            throws IOException, InterruptedException {
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < o.repeat(); i++) {
            results.add(child(o, path, file, o.work().resolve(label + "-" + path), label, Map.of()));
        }
        results.sort((a, b) -> Double.compare(a.seconds(), b.seconds()));
        return results.get(results.size() / 2);
    }

    /** Runs one path in a child JVM ({@code bench-load}) with {@code env} added, and reads its RESULT line. */
    static Result child(Options o, String path, Path file, Path work, String label, Map<String, String> env)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + o.xmx());
        if (o.jfr() != null && !path.equals("duckdb")) {
            command.add("-XX:StartFlightRecording=filename=" + o.jfr().resolve(label + "-" + path + ".jfr")
                    + ",settings=profile");
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchCommands.class.getName()));
        command.addAll(List.of("bench-load", path, file.toAbsolutePath().toString(), work.toAbsolutePath().toString()));
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process p = builder.start();
        Map<String, String> result = new LinkedHashMap<>();
        StringBuilder output = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("RESULT ")) {
                    for (String kv : line.substring(7).split(" ")) {
                        int eq = kv.indexOf('=');
                        result.put(kv.substring(0, eq), kv.substring(eq + 1));
                    }
                } else {
                    output.append(line).append('\n');
                }
            }
        }
        int exit = p.waitFor();
        double wall = (System.nanoTime() - start) / 1e9;
        if (exit != 0 || !result.containsKey("rows")) {
            throw new IOException(path + " on " + file + " failed (exit " + exit + "):\n" + output);
        }
        return new Result(Long.parseLong(result.get("rows")), Double.parseDouble(result.get("seconds")), wall,
                Long.parseLong(result.get("hwm_kb")), result.getOrDefault("note", "").replace('_', ' '));
    }

    static Options parse(List<String> args) {
        Path data = null;
        List<String> kinds = List.of("patents", "registry", "certifications", "statistics");
        List<String> paths = List.of("duckdb", "ingester");
        String xmx = "768m";
        Path work = null;
        Path jfr = null;
        int repeat = 1;
        Path jar = Path.of("target", "sti-panel.jar");
        Path national = null;
        for (Map.Entry<String, String> pair : Cli.optionPairs(args)) {
            String option = pair.getKey();
            String value = pair.getValue();
            switch (option) {
                case "--data" -> data = Path.of(value);
                case "--kinds" -> kinds = List.of(value.split(","));
                case "--paths" -> paths = List.of(value.split(","));
                case "--xmx" -> xmx = value;
                case "--work" -> work = Path.of(value);
                case "--jfr" -> jfr = Path.of(value);
                case "--repeat" -> repeat = Integer.parseInt(value);
                case "--jar" -> jar = Path.of(value);
                case "--national" -> national = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option '" + option + "'\n" + USAGE);
            }
        }
        if (data == null || !Files.isDirectory(data)) {
            throw new IllegalArgumentException("--data DIR (a folder written by generate) is required\n" + USAGE);
        }
        for (String p : paths) {
            if (!List.of("duckdb", "ingester", "rows", "job", "nightly", "small-night").contains(p)) {
                throw new IllegalArgumentException("--paths takes duckdb, ingester, rows, job, nightly and small-night,"
                        + " not '" + p + "'");
            }
        }
        return new Options(data, kinds, paths, xmx, work == null ? data.resolve("bench-work") : work, jfr, repeat,
                jar, national);
    }

    /** The first load average (1 minute) of /proc/loadavg. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static String machine() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?")
                    + String.format(Locale.ROOT, ", %.0f GiB", Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(l -> l.startsWith("MemTotal")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024).orElse(0.0));
        } catch (IOException | RuntimeException e) {
            return System.getProperty("os.arch");
        }
    }
}
