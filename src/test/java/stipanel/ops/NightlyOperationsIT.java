package stipanel.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import stipanel.batch.PausePoint;
import stipanel.cli.ExitCode;
import stipanel.cli.NightlyRun;
import stipanel.testing.PipelineRun;

/**
 * The nightly job as the scheduler runs it (the packaged jar in its own JVM): killed with SIGKILL at several points,
 * started twice at once, and run while an analyst holds the published warehouse open.
 */
class NightlyOperationsIT {

    static final String STATISTICS = "statistics";

    static PipelineRun clean;
    static String cleanSnapshot;

    @BeforeAll
    static void aCleanRun(@TempDir Path root) {
        clean = new PipelineRun(root.resolve("clean")).deliverSamples(STATISTICS);
        JarRun run = JarRun.complete(clean);
        assertEquals(ExitCode.COMPLETED, run.exitCode(), run.output());
        cleanSnapshot = clean.snapshot();
    }

    @Test
    void killedAtFourPointsInARowTheRunIsResumedAndEndsWithExactlyTheCleanRunsWarehouse(@TempDir Path root) {
        // given an inbox of nine files (eight load, one is refused)
        PipelineRun night = new PipelineRun(root).deliverSamples(STATISTICS);
        Path working = NightlyRun.workingCopy(night.warehouse);

        // when the run is killed inside the transaction of its 2nd file
        killAt(night, "ingest:2");
        // then the first file is committed, the second rolled back, nothing is published
        assertEquals(1L, count(working, "select count(*) from ingest.deliveries"));
        assertFalse(Files.exists(night.warehouse), "a killed run publishes nothing");

        // when the next run resumes it and is killed inside its 5th file (a late file of the inbox)
        killAt(night, "ingest:5");
        // then the four files it finished are committed too, each once
        assertEquals(5L, count(working, "select count(*) from ingest.deliveries"));
        assertEquals(5L, count(working, "select count(distinct content_hash) from ingest.deliveries"));

        // when the next run finishes the load and is killed while it builds the panel
        killAt(night, "panel");
        // then every file is in once, and the half-built panel was rolled back
        assertEquals(11L, count(working, "select count(*) from ingest.deliveries"));
        assertEquals(0L, count(working, "select count(*) from duckdb_tables() where schema_name = 'marts' "
                + "and table_name = 'panel'"));

        // when the next run completes the job and is killed just before it publishes
        killAt(night, "publish");
        // then there is no warehouse yet: it appears by one rename of the whole working file
        assertFalse(Files.exists(night.warehouse), "an unpublished run never becomes the warehouse");

        // when the next run starts with nobody watching
        JarRun last = JarRun.complete(night);

        // then it completes, and the warehouse is the clean run's, row for row
        assertEquals(ExitCode.COMPLETED, last.exitCode(), last.output());
        assertEquals(cleanSnapshot, night.snapshot());
        // and the runs view accounts for every file and row once over the five executions
        assertEquals(List.of(List.of(5L, 10L, 1L, 0L, 271L, 9L)), night.rows("""
                select count(*), sum(files_loaded)::bigint, sum(files_refused)::bigint, sum(files_duplicate)::bigint,
                    sum(rows_loaded)::bigint, sum(rows_rejected)::bigint from runs"""));
        assertEquals(List.of(List.of(1L, "FAILED", false), List.of(1L, "FAILED", true), List.of(1L, "FAILED", true),
                List.of(1L, "COMPLETED", true), List.of(2L, "COMPLETED", false)), night.rows(
                "select run_number, status, resumed from runs order by run_id"));
        // and the run after the completed one found nothing to change, and says so
        assertEquals(List.of(List.of(0L, 0L, 0L, "")), night.rows("select values_changed, values_new, values_removed, "
                + "indicators_changed from runs where run_number = 2"));
        assertTrue(last.stdout().contains("自上次运行以来有变化的指标：无（"), last.output());
        assertEquals(clean.rows("select files_loaded, rows_loaded, rows_rejected from runs"),
                night.rows("select sum(files_loaded)::bigint, sum(rows_loaded)::bigint, sum(rows_rejected)::bigint from runs "
                        + "where run_number = 1"));
    }

    @Test
    void aSecondRunStartedDuringTheFirstExitsAtOnceNamingItAndTheFirstIsUnaffected(@TempDir Path root) {
        // given a run paused inside its 2nd file
        PipelineRun night = new PipelineRun(root).deliverSamples(STATISTICS);
        Path resume = root.resolve("resume");
        JarRun first = JarRun.start(night, Map.of(PausePoint.PAUSE_AT, "ingest:2",
                PausePoint.RESUME_FILE, resume.toString())).awaitPause("ingest:2");

        // when a second run starts on the same warehouse
        long started = System.nanoTime();
        JarRun second = JarRun.start(night, Map.of());
        int secondExit = second.exitCode();

        // then it exits at once with code 3, naming the running one by process id and start time
        assertEquals(ExitCode.WAREHOUSE_BUSY, secondExit, second.output());
        assertTrue((System.nanoTime() - started) / 1e9 < 30, "the second run should not wait");
        assertTrue(second.stderr().contains("pid " + first.process.pid() + ", started "), second.stderr());
        assertTrue(first.process.isAlive());

        // when the first run goes on
        JarRun.touch(resume);

        // then it completes as if alone
        assertEquals(ExitCode.COMPLETED, first.exitCode(), first.output());
        assertEquals(cleanSnapshot, night.snapshot());
    }

    @Test
    void anAnalystHoldingThePublishedFileOpenNeitherBlocksTheRunNorSeesHalfOfIt(@TempDir Path root)
            throws Exception {
        // given a published warehouse of the statistics, and a second night with the patents delivered too
        PipelineRun night = new PipelineRun(root).deliverSamples(STATISTICS);
        JarRun first = JarRun.complete(night);
        assertEquals(ExitCode.COMPLETED, first.exitCode(), first.output());
        night.deliverSamples("patents");
        String before = "11 files, 271 loaded";
        Path working = NightlyRun.workingCopy(night.warehouse);
        // between nights the folder holds the warehouse alone: the run published the file it wrote
        assertFalse(Files.exists(working), "the completed run's working file was renamed over the warehouse");

        // when an analyst holds it open read-only while the next run ingests
        try (Connection analyst = readOnly(night.warehouse)) {
            assertEquals(before, describe(analyst));
            Path resume = root.resolve("resume");
            JarRun second = JarRun.start(night, Map.of(PausePoint.PAUSE_AT, "ingest:2",
                    PausePoint.RESUME_FILE, resume.toString())).awaitPause("ingest:2");

            // then in the middle of the run, which works on a copy of the warehouse, the open connection and a new
            // one (another process) see the last published run, whole
            assertTrue(Files.exists(working));
            assertEquals(before, describe(analyst));
            assertEquals(before, anotherAnalyst(night.warehouse));

            // when the run goes on to the end
            JarRun.touch(resume);

            // then it completes although the analyst still holds the old file
            assertEquals(ExitCode.COMPLETED, second.exitCode(), second.output());
            // the analyst's open connection still reads the old, consistent warehouse
            assertEquals(before, describe(analyst));
            // and a new connection (another analyst's process) reads the new one
            String after = anotherAnalyst(night.warehouse);
            assertFalse(Files.exists(working), "the working file was published, not copied");
            long patentFiles;
            try (var files = Files.walk(night.inbox.resolve("patents"))) {
                patentFiles = files.filter(Files::isRegularFile).count();
            }
            assertTrue(after.startsWith((11 + patentFiles) + " files, "), after);
            assertFalse(after.equals(before));
            assertTrue(second.stdout().contains("自上次运行以来有变化的指标：")
                    && second.stdout().contains("VALID_INV_PATENTS"), second.output());
        }
        // and the runs view keeps what each night did: the second loaded the patents and changed their indicators
        List<List<Object>> runs = night.rows("select files_loaded, indicators_changed from runs order by run_id");
        assertEquals(2, runs.size(), runs.toString());
        assertEquals(10L, runs.get(0).get(0));
        assertTrue(((String) runs.get(1).get(1)).contains("VALID_INV_PATENTS"), runs.toString());
    }

    @Test
    void aZipBombIsRefusedByARunWithASmallHeapAndTheOtherFilesLoad(@TempDir Path root) throws Exception {
        // given a good file and a workbook whose sheet expands to 1 GiB
        PipelineRun night = new PipelineRun(root).deliverSamples("statistics/财政局_科学技术支出.csv");
        Files.write(night.inbox.resolve("bomb.xlsx"), HostileInputTest.Workbooks.bomb(1L << 30));

        // when the run has a 192 MiB heap
        List<String> jvm = new java.util.ArrayList<>(JarRun.FAST_START);
        jvm.add("-Xmx192m");
        JarRun run = JarRun.start(night, Map.of(), jvm);

        // then memory stayed bounded: the run completed, refusing the bomb and loading the rest
        assertEquals(ExitCode.COMPLETED, run.exitCode(), run.output());
        assertEquals(List.of(List.of("bomb.xlsx", "refused"), List.of("财政局_科学技术支出.csv", "loaded")),
                night.rows("select file_name, status from source_files order by file_name"));
        assertEquals("file_zip_bomb",
                night.value("select reason_code from ingest.deliveries where file_name = 'bomb.xlsx'"));
    }

    @Test
    void anAnalystsDuckDb15OpensThePublishedWarehouse() throws Exception {
        // given the warehouse a clean run published, and the DuckDB 1.5 driver (copied by the pom) in its own JVM
        Path driver = Path.of("target", "duckdb-1.5", "duckdb_jdbc-1.5.jar");
        assertTrue(Files.isRegularFile(driver), driver + " is copied in the pre-integration-test phase");

        // when it reads the panel
        String output = DuckDbReader.read(driver, clean.warehouse, "select count(*), count(value) from indicator_panel");

        // then it opens the file and sees the same panel as the current driver
        List<Object> expected = clean.rows("select count(*), count(value) from indicator_panel").get(0);
        List<String> lines = output.lines().toList();
        assertTrue(lines.get(0).startsWith("duckdb v1.5."), output);
        assertEquals(List.of(expected.get(0) + "|" + expected.get(1)), lines.subList(1, lines.size()));
    }

    private static String describe(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "select count(*), sum(rows_loaded) from source_files")) {
            r.next();
            return r.getLong(1) + " files, " + r.getLong(2) + " loaded";
        }
    }

    /** What an analyst who opens the warehouse now, from another process, sees. */
    private static String anotherAnalyst(Path warehouse) {
        List<String> lines = DuckDbReader.read(DuckDbReader.currentDriver(), warehouse,
                "select count(*) || ' files, ' || sum(rows_loaded) || ' loaded' from source_files").lines().toList();
        return lines.get(lines.size() - 1);
    }

    static Connection readOnly(Path database) throws SQLException {
        Properties p = new Properties();
        p.setProperty("duckdb.read_only", "true");
        return DriverManager.getConnection("jdbc:duckdb:" + database.toAbsolutePath(), p);
    }

    private static void killAt(PipelineRun night, String point) {
        JarRun run = JarRun.start(night, Map.of(PausePoint.PAUSE_AT, point)).awaitPause(point);
        run.kill9();
    }

    private static long count(Path database, String sql) {
        return ((Number) PipelineRun.query(database, sql).get(0).get(0)).longValue();
    }
}
