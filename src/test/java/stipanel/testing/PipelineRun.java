package stipanel.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import stipanel.cli.NightlyRun;
import stipanel.cli.RunOptions;

/**
 * Runs the real nightly job in-process on an inbox of real files, into a real DuckDB file, and reads the published
 * warehouse back read-only. No part of the warehouse is mocked.
 */
public final class PipelineRun {

    /** The date every test run pretends to be, so that undated rows get a known 发布日期. */
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    public final Path inbox;
    public final Path warehouse;
    public final Path out;
    public int exitCode;
    public String stdout = "";
    public String stderr = "";

    public PipelineRun(Path root) {
        this(root, "sti-panel.duckdb");
    }

    public PipelineRun(Path root, String warehouseName) {
        this.inbox = root.resolve("inbox");
        this.warehouse = root.resolve("warehouse").resolve(warehouseName);
        this.out = root.resolve("out");
        try {
            Files.createDirectories(inbox);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path samples() {
        return Path.of("data-samples");
    }

    /** Copies files or whole folders (relative to data-samples/) into the inbox. */
    public PipelineRun deliverSamples(String... paths) {
        for (String p : paths) {
            copy(samples().resolve(p), inbox.resolve(p));
        }
        return this;
    }

    public PipelineRun deliver(Path source, String asName) {
        copy(source, inbox.resolve(asName));
        return this;
    }

    public PipelineRun deliverText(String name, String content, java.nio.charset.Charset charset) {
        try {
            Path target = inbox.resolve(name);
            Files.createDirectories(target.getParent());
            Files.writeString(target, content, charset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private static void copy(Path source, Path target) {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path t = target.resolve(source.relativize(f).toString());
                if (source.equals(f)) {
                    t = target;
                }
                Files.createDirectories(t.getParent());
                Files.copy(f, t, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public PipelineRun run(String... extraArgs) {
        return run(null, extraArgs.length == 0 ? null : List.of(extraArgs), new Object[0]);
    }

    public PipelineRun runAsOf(LocalDate asOf) {
        return run(asOf, null, new Object[0]);
    }

    public PipelineRun runWith(Object... extraBeans) {
        return run(null, null, extraBeans);
    }

    /** The next runs take a file modified less than this many seconds ago to be still being written. */
    public PipelineRun minFileAge(long seconds) {
        minFileAgeSeconds = seconds;
        return this;
    }

    private long minFileAgeSeconds;

    private PipelineRun run(LocalDate asOf, List<String> plans, Object[] extraBeans) {
        List<Path> planFiles = plans == null ? List.of() : plans.stream().map(Path::of).toList();
        RunOptions options = new RunOptions(inbox, warehouse, out, asOf, planFiles, null, TODAY)
                .withMinFileAge(minFileAgeSeconds);
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        exitCode = NightlyRun.execute(options, new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8), extraBeans);
        stdout = o.toString(StandardCharsets.UTF_8);
        stderr = e.toString(StandardCharsets.UTF_8);
        return this;
    }

    /** Rows of a query on the published warehouse, opened read-only as an analyst would. */
    public List<List<Object>> rows(String sql) {
        return query(warehouse, sql);
    }

    public static List<List<Object>> query(Path database, String sql) {
        Properties p = new Properties();
        p.setProperty("duckdb.read_only", "true");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + database.toAbsolutePath(), p);
             Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            List<List<Object>> rows = new ArrayList<>();
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<Object> row = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    row.add(r.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The single value of a query. */
    public Object value(String sql) {
        List<List<Object>> rows = rows(sql);
        if (rows.size() != 1 || rows.get(0).size() != 1) {
            throw new IllegalStateException("expected one value from " + sql + " but got " + rows);
        }
        return rows.get(0).get(0);
    }

    /**
     * Every row of every table a run writes (ingest, facts and the panel), without the times and execution ids
     * that differ between runs: two warehouses with equal snapshots hold the same data.
     */
    public String snapshot() {
        StringBuilder s = new StringBuilder();
        for (List<Object> table : rows("select schema_name || '.' || table_name from duckdb_tables() "
                + "where schema_name in ('ingest', 'facts') order by 1")) {
            String name = (String) table.get(0);
            String exclude = name.equals("ingest.deliveries")
                    ? " exclude (ingested_at, job_execution_id, modified_at)" : "";
            s.append(name).append(rows("select *" + exclude + " from " + name + " order by all")).append('\n');
        }
        s.append(rows("select * from indicator_panel order by all")).append('\n');
        return s.toString();
    }

    /** The panel value of one indicator, region and year (null when the value is NULL). */
    public Double panel(String indicator, String region, int year) {
        List<List<Object>> rows = rows("select value from indicator_panel where indicator_code = '" + indicator
                + "' and region_code = '" + region + "' and year = " + year);
        if (rows.size() != 1) {
            throw new IllegalStateException(indicator + " " + region + " " + year + ": " + rows.size() + " rows");
        }
        Object v = rows.get(0).get(0);
        return v == null ? null : ((Number) v).doubleValue();
    }
}
