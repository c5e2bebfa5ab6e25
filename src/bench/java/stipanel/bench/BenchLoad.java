package stipanel.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.duckdb.DuckDBConnection;

import stipanel.cli.NightlyRun;
import stipanel.cli.RunOptions;
import stipanel.ingest.Delivery;
import stipanel.ingest.DeliveryLedger;
import stipanel.ingest.ExtractKind;
import stipanel.ingest.ExtractKinds;
import stipanel.ingest.FileIngester;
import stipanel.ingest.KindDefinitions;
import stipanel.ingest.FileOutcome;
import stipanel.ingest.IngestSettings;
import stipanel.warehouse.Warehouse;

/**
 * {@code bench-load PATH FILE WORKDIR}: one path of the benchmark in this process, then one line
 * {@code RESULT rows=… seconds=… hwm_kb=…} (VmHWM of /proc/self/status: peak resident memory, heap and native).
 */
public final class BenchLoad {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    /** When the timed part of a path began (after its warehouse was created), or 0 when the whole path is timed. */
    private static long loadStart;

    /** The job path's step timings (Spring Batch's own start and end times). */
    private static String stepsLine = "";

    private BenchLoad() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() != 3) {
            throw new IllegalArgumentException("bench-load PATH FILE WORKDIR");
        }
        String path = args.get(0);
        Path file = Path.of(args.get(1));
        Path work = Path.of(args.get(2));
        try {
            if (!path.equals("rerun")) {
                deleteRecursively(work);
            }
            Files.createDirectories(work);
            long start = System.nanoTime();
            loadStart = 0;
            long[] rows = switch (path) {
                case "duckdb" -> duckdb(file, work);
                case "ingester" -> ingester(file, work, true);
                case "rows" -> ingester(file, work, false);
                case "job" -> job(file, work, out);
                case "rerun" -> night(work, out);
                default -> throw new IllegalArgumentException("unknown path '" + path + "'");
            };
            long end = System.nanoTime();
            double seconds = (end - (loadStart == 0 ? start : loadStart)) / 1e9;
            out.printf("RESULT rows=%d seconds=%.3f setup=%.3f hwm_kb=%d note=%s%n", rows[0], seconds,
                    (loadStart == 0 ? 0 : loadStart - start) / 1e9, peakKb(),
                    (rows.length > 1 ? "loaded_" + rows[1] + ",_rejected_" + rows[2] : "")
                            + (stepsLine.isEmpty() ? "" : ";_" + stepsLine.replace(' ', '_')));
            if (System.getenv("STIPANEL_BENCH_KEEP") == null) {
                deleteRecursively(work);
            }
            return 0;
        } catch (Exception e) {
            e.printStackTrace(err);
            return 1;
        }
    }

    /** DuckDB's own reader: {@code create table … as select * from read_csv(…)} into a fresh database file. */
    static long[] duckdb(Path file, Path work) throws SQLException {
        try (Connection c = connect(work.resolve("duckdb.duckdb")); Statement s = c.createStatement()) {
            loadStart = System.nanoTime();
            s.execute("create table t as select * from read_csv('" + file.toAbsolutePath().toString()
                    .replace("'", "''") + "')");
            try (ResultSet r = s.executeQuery("select count(*) from t")) {
                r.next();
                return new long[] {r.getLong(1)};
            }
        }
    }

    /**
     * The shared ingest mechanism as {@code IngestDeliveriesTasklet} drives it for one file, without Spring Batch:
     * SHA-256 of the file, the ledger lookup (the statement that must precede the Appender), FileIngester with every
     * kind, the ledger row, one commit. {@code staging} false reads the file row by row, as before issue #7.
     */
    public static long[] ingester(Path file, Path work, boolean staging) throws Exception {
        FileOutcome outcome = ingest(file, work, staging);
        if (outcome.status() != FileOutcome.Status.LOADED) {
            throw new IllegalStateException(file.getFileName() + " was not loaded: " + outcome.message());
        }
        return new long[] {outcome.rowsRead(), outcome.rowsLoaded(), outcome.rowsRejected()};
    }

    /** As {@link #ingester}, whatever the outcome: a refused file leaves its ledger row in {@code work}'s warehouse. */
    public static FileOutcome ingest(Path file, Path work, boolean staging) throws Exception {
        List<ExtractKind> kinds = kinds();
        Files.createDirectories(work);
        try (Connection plain = connect(work.resolve("warehouse.duckdb"))) {
            DuckDBConnection c = plain.unwrap(DuckDBConnection.class);
            String limit = System.getenv("STIPANEL_BENCH_DUCKDB_MEMORY_LIMIT");
            Warehouse.setMemoryLimit(c, limit != null ? limit : Warehouse.ingestMemoryLimit());
            Warehouse.ensureJobRepository(c);
            Warehouse.migrate(c);
            c.setAutoCommit(false);
            loadStart = System.nanoTime();
            String hash = DeliveryLedger.contentHash(file);
            String name = file.getFileName().toString();
            DeliveryLedger.lookup(c, hash, name);
            Delivery delivery = new Delivery(DeliveryLedger.nextId(c), file, name, hash, Files.size(file), TODAY);
            FileIngester ingester = staging ? new FileIngester(kinds) : FileIngester.rowByRow(kinds);
            FileOutcome outcome = ingester.ingest(delivery, c, new IngestSettings(TODAY));
            DeliveryLedger.record(c, delivery, name, null, outcome, LocalDateTime.now(), null);
            c.commit();
            return outcome;
        }
    }

    /** The whole nightly run on an inbox holding just {@code file} (a symbolic link: nothing is copied). */
    static long[] job(Path file, Path work, PrintStream out) throws Exception {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        if (Files.isDirectory(file)) {
            // A whole delivery: every file of the folder (not its subfolders).
            try (Stream<Path> files = Files.list(file)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Files.createSymbolicLink(inbox.resolve(f.getFileName()), f.toAbsolutePath());
                }
            }
        } else {
            Files.createSymbolicLink(inbox.resolve(file.getFileName()), file.toAbsolutePath());
        }
        return night(work, out);
    }

    /**
     * The nightly run on {@code WORK/inbox} into {@code WORK/warehouse/sti-panel.duckdb}: after {@code job}, with
     * STIPANEL_BENCH_KEEP set, path {@code rerun} runs it again on the same folder with nothing new. Returns the rows
     * this run read, loaded and rejected; prints the step timings and what the run changed in the panel.
     */
    static long[] night(Path work, PrintStream out) throws Exception {
        Path warehouse = work.resolve("warehouse").resolve("sti-panel.duckdb");
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int exit = NightlyRun.execute(new RunOptions(work.resolve("inbox"), warehouse, work.resolve("out"), null,
                List.of(), null, TODAY), new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new IllegalStateException("nightly run exited " + exit + ": " + e.toString(StandardCharsets.UTF_8));
        }
        try (Connection c = Warehouse.openReadOnly(warehouse); Statement s = c.createStatement()) {
            long last;
            try (ResultSet r = s.executeQuery("select max(job_execution_id) from ops.BATCH_JOB_EXECUTION")) {
                r.next();
                last = r.getLong(1);
            }
            try (ResultSet r = s.executeQuery("select step_name, round(epoch(end_time) - epoch(start_time), 2) "
                    + "from ops.BATCH_STEP_EXECUTION where job_execution_id = " + last + " order by step_execution_id")) {
                StringBuilder steps = new StringBuilder("steps:");
                while (r.next()) {
                    steps.append(' ').append(r.getString(1)).append(' ').append(r.getDouble(2)).append(" s");
                }
                try (Statement v = c.createStatement(); ResultSet changed = v.executeQuery(
                        "select values_changed, values_new, values_removed from runs where run_id = " + last)) {
                    changed.next();
                    steps.append("; panel values changed ").append(changed.getLong(1)).append(", new ")
                            .append(changed.getLong(2)).append(", removed ").append(changed.getLong(3));
                }
                out.println(steps);
                stepsLine = steps.toString();
            }
            try (ResultSet r = s.executeQuery("select coalesce(sum(rows_read), 0), coalesce(sum(rows_loaded), 0),"
                    + " coalesce(sum(rows_rejected), 0) from ingest.deliveries where job_execution_id = " + last)) {
                r.next();
                return new long[] {r.getLong(1), r.getLong(2), r.getLong(3)};
            }
        }
    }

    static List<ExtractKind> kinds() {
        return ExtractKinds.all(KindDefinitions.shipped());
    }

    static Connection connect(Path database, String memoryLimit) throws SQLException {
        Properties p = new Properties();
        p.setProperty("autoinstall_known_extensions", "false");
        p.setProperty("autoload_known_extensions", "false");
        p.setProperty("memory_limit", memoryLimit);
        return DriverManager.getConnection("jdbc:duckdb:" + database.toAbsolutePath(), p);
    }

    static Connection connect(Path database) throws SQLException {
        Properties p = new Properties();
        p.setProperty("autoinstall_known_extensions", "false");
        p.setProperty("autoload_known_extensions", "false");
        // DuckDB's memory limit is the job's (STIPANEL_DUCKDB_MEMORY_LIMIT), unless STIPANEL_BENCH_DUCKDB_MEMORY_LIMIT
        // sets another: to measure what a limit costs. The ingester path lowers it as the ingest step does.
        String limit = System.getenv("STIPANEL_BENCH_DUCKDB_MEMORY_LIMIT");
        p.setProperty("memory_limit", limit != null ? limit : Warehouse.memoryLimit());
        return DriverManager.getConnection("jdbc:duckdb:" + database.toAbsolutePath(), p);
    }


    /** Peak resident set size of this process in kB (VmHWM), or -1 where /proc is not there. */
    static long peakKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return -1;
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
