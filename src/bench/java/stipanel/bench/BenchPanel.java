package stipanel.bench;

import java.io.PrintStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import stipanel.panel.IndicatorCatalogue;
import stipanel.panel.PanelBuilder;
import stipanel.warehouse.Warehouse;
import stipanel.workbook.PanelWorkbook;
import stipanel.workbook.WorkbookWarmUp;

/**
 * {@code bench-panel WAREHOUSE [OUTDIR] [--no-warm-up] [--incremental]}: on a copy of a built warehouse, times the
 * {@code buildPanel} step ({@link PanelBuilder}, as the job runs it, in one transaction) and the workbook
 * ({@link PanelWorkbook}), and lists the SQL statements that took the time: where the panel's seconds go at national
 * scale. The build is a full one (the copy forgets {@code ops.model_builds}) unless {@code --incremental} keeps what
 * the warehouse's last night built.
 */
public final class BenchPanel {

    private record Timed(double seconds, String sql) {
    }

    private BenchPanel() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("bench-panel WAREHOUSE [OUTDIR] [--no-warm-up] [--incremental]");
        }
        boolean warmUp = !args.contains("--no-warm-up");
        boolean incremental = args.contains("--incremental");
        args = args.stream().filter(a -> !a.startsWith("--")).toList();
        Path source = Path.of(args.get(0));
        Path outDir = Path.of(args.size() > 1 ? args.get(1) : source.getParent().resolve("bench-panel-out").toString());
        try {
            Path copy = Files.createTempFile(source.getParent(), "bench-panel", ".duckdb");
            Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
            List<Timed> timed = new ArrayList<>();
            List<Timed> workbookTimed = new ArrayList<>();
            double panel;
            double workbook;
            if (warmUp) {
                // The job starts the warm-up when it starts; it runs beside ingest, which takes longer than it.
                long start = System.nanoTime();
                WorkbookWarmUp.start().join();
                out.printf(Locale.ROOT, "workbook warm-up %.2f s (before the build, as it overlaps ingest in the job;"
                        + " --no-warm-up for a cold first workbook)%n", (System.nanoTime() - start) / 1e9);
            }
            // As the job's connection: DuckDB's memory limit is the job's (STIPANEL_DUCKDB_MEMORY_LIMIT), unless
            // STIPANEL_BENCH_DUCKDB_MEMORY_LIMIT sets another.
            String limit = System.getenv("STIPANEL_BENCH_DUCKDB_MEMORY_LIMIT");
            out.println("DuckDB memory_limit " + (limit != null ? limit : Warehouse.memoryLimit()));
            try (Connection plain = BenchLoad.connect(copy, limit != null ? limit : Warehouse.memoryLimit())) {
                // As the job does before it builds (untimed): the warehouse may predate this jar's views and macros.
                Warehouse.migrate(plain);
                if (!incremental) {
                    try (Statement s = plain.createStatement(); var r = s.executeQuery("select count(*) from"
                            + " duckdb_tables() where schema_name = 'ops' and table_name = 'model_builds'")) {
                        r.next();
                        if (r.getLong(1) > 0) {
                            s.execute("delete from ops.model_builds");
                        }
                    }
                }
                // The job makes its builder (the catalogue and the models read and parsed) when its context starts.
                PanelBuilder builder = new PanelBuilder(IndicatorCatalogue.load());
                Connection c = timing(plain, timed);
                c.setAutoCommit(false);
                long start = System.nanoTime();
                builder.build(c);
                c.commit();
                panel = (System.nanoTime() - start) / 1e9;
                c.setAutoCommit(true);
                try (Statement s = plain.createStatement(); var r = s.executeQuery(
                        "select count(*), count(distinct region_code), count(distinct year) from marts.panel")) {
                    r.next();
                    out.printf(Locale.ROOT, "panel: %,d rows, %,d regions, %d years%n", r.getLong(1), r.getLong(2),
                            r.getLong(3));
                }
                start = System.nanoTime();
                List<Path> written = PanelWorkbook.write(timing(plain, workbookTimed), outDir, null, BenchLoad.TODAY);
                workbook = (System.nanoTime() - start) / 1e9;
                out.println("workbooks: " + written);
                // Again, warm: the first workbook of a JVM also pays for loading POI and its XML stack.
                start = System.nanoTime();
                PanelWorkbook.write(plain, outDir.resolve("warm"), null, BenchLoad.TODAY);
                out.printf(Locale.ROOT, "workbook first %.2f s (%s), again %.2f s%n", workbook,
                        warmUp ? "after the warm-up" : "cold, no warm-up",
                        (System.nanoTime() - start) / 1e9);
            } finally {
                Files.deleteIfExists(copy);
            }
            out.printf(Locale.ROOT, "buildPanel %.2f s, workbook %.2f s, load average %.2f%n", panel, workbook,
                    Benchmark.loadAverage());
            out.println("slowest statements of buildPanel:");
            timed.sort((a, b) -> Double.compare(b.seconds(), a.seconds()));
            for (Timed t : timed.subList(0, Math.min(12, timed.size()))) {
                out.printf(Locale.ROOT, "  %6.2f s  %s%n", t.seconds(), t.sql());
            }
            double sql = timed.stream().mapToDouble(Timed::seconds).sum();
            out.printf(Locale.ROOT, "  %6.2f s  the other %d statements; %.2f s outside SQL%n",
                    timed.subList(Math.min(12, timed.size()), timed.size()).stream().mapToDouble(Timed::seconds).sum(),
                    Math.max(0, timed.size() - 12), panel - sql);
            // By the statement's first two words: what the seconds outside the slowest statements are made of.
            Map<String, double[]> byKind = new TreeMap<>();
            for (Timed t : timed) {
                String[] words = t.sql().split(" ");
                double[] sum = byKind.computeIfAbsent(words[0] + (words.length > 1 ? " " + words[1] : ""),
                        k -> new double[2]);
                sum[0] += t.seconds();
                sum[1]++;
            }
            if (System.getenv("STIPANEL_BENCH_ALL") != null) {
                timed.forEach(t -> out.printf(Locale.ROOT, "  all %6.3f s  %s%n", t.seconds(), t.sql()));
            }
            out.print("by kind:");
            byKind.forEach((kind, sum) -> out.printf(Locale.ROOT, "  %s %.2f s (%d)", kind, sum[0], (int) sum[1]));
            out.println();
            out.printf(Locale.ROOT, "workbook: %.2f s in %d queries; slowest:%n",
                    workbookTimed.stream().mapToDouble(Timed::seconds).sum(), workbookTimed.size());
            workbookTimed.sort((a, b) -> Double.compare(b.seconds(), a.seconds()));
            for (Timed t : workbookTimed.subList(0, Math.min(6, workbookTimed.size()))) {
                out.printf(Locale.ROOT, "  %6.2f s  %s%n", t.seconds(), t.sql());
            }
            out.printf("RESULT rows=0 seconds=%.3f hwm_kb=%d note=workbook_%.2f_s%n", panel, BenchLoad.peakKb(),
                    workbook);
            return 0;
        } catch (Exception e) {
            e.printStackTrace(err);
            return 1;
        }
    }

    /** The connection with every Statement.execute timed. */
    private static Connection timing(Connection c, List<Timed> timed) {
        InvocationHandler onConnection = (proxy, method, args) -> {
            Object result = invoke(method, c, args);
            if (result instanceof PreparedStatement s && method.getName().equals("prepareStatement")) {
                String prepared = (String) args[0];
                return Proxy.newProxyInstance(BenchPanel.class.getClassLoader(),
                        new Class<?>[] {PreparedStatement.class}, (p, m, a) -> {
                            long start = System.nanoTime();
                            Object r = invoke(m, s, a);
                            if (m.getName().startsWith("execute") && (a == null || a.length == 0)) {
                                timed.add(new Timed((System.nanoTime() - start) / 1e9, shorten(prepared)));
                            }
                            return r;
                        });
            }
            if (result instanceof Statement s && method.getName().equals("createStatement")) {
                return Proxy.newProxyInstance(BenchPanel.class.getClassLoader(), new Class<?>[] {Statement.class},
                        (p, m, a) -> {
                            long start = System.nanoTime();
                            Object r = invoke(m, s, a);
                            if (m.getName().startsWith("execute") && a != null && a.length > 0
                                    && a[0] instanceof String sql) {
                                timed.add(new Timed((System.nanoTime() - start) / 1e9, shorten(sql)));
                            }
                            return r;
                        });
            }
            return result;
        };
        return (Connection) Proxy.newProxyInstance(BenchPanel.class.getClassLoader(), new Class<?>[] {Connection.class},
                onConnection);
    }

    private static String shorten(String sql) {
        String one = sql.strip().replaceAll("\\s+", " ");
        return one.substring(0, Math.min(110, one.length()));
    }

    private static Object invoke(java.lang.reflect.Method m, Object target, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
