package stipanel.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import stipanel.batch.PausePoint;
import stipanel.cli.ExitCode;
import stipanel.testing.PipelineRun;

/**
 * {@code java -jar sti-panel.jar run} runs its night in a second JVM with C1 only and the class archive beside the jar
 * (stipanel.cli.TunedJvm): the archive is written by a completed night, the next starts from it, and killing the
 * process the scheduler started ends the night.
 */
class TunedJvmIT {

    static final Path ARCHIVE = JarRun.JAR.resolveSibling("sti-panel.jsa");

    @Test
    void aCompletedNightWritesTheClassArchiveAndTheNextStartsFromItWithC1Only(@TempDir Path root) throws IOException {
        // given a jar newer than any archive beside it, and the part of one a killed night left
        Files.deleteIfExists(ARCHIVE);
        Path leftOver = Files.writeString(ARCHIVE.resolveSibling(".sti-panel.jsa.999999999"), "part of an archive");
        PipelineRun night = new PipelineRun(root).deliverSamples(NightlyOperationsIT.STATISTICS);

        // when a night runs through the jar, started with no JIT option
        JarRun first = JarRun.start(night, Map.of(), List.of("-Xmx512m"));

        // then it ran in a second JVM, with the first one's options, C1 only (the samples are small) and writing the
        // archive, and completed
        List<String> tuned = nightCommandLine(first);
        assertTrue(tuned.contains("-Xmx512m"), tuned.toString());
        assertTrue(tuned.contains("-XX:TieredStopAtLevel=1"), tuned.toString());
        assertTrue(tuned.stream().anyMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit=")), tuned.toString());
        assertEquals(ExitCode.COMPLETED, first.exitCode(), first.output());
        assertTrue(Files.getLastModifiedTime(ARCHIVE).compareTo(Files.getLastModifiedTime(JarRun.JAR)) > 0);
        assertTrue(!Files.exists(leftOver), "the left-over part is deleted");
        // and the JVM's notes on classes it could not archive are not in the office's output
        assertTrue(!first.stdout().contains("[cds]") && !first.stderr().contains("[cds]"), first.output());

        // when the next night runs
        JarRun second = JarRun.start(night, Map.of(), List.of("-Xmx512m"));

        // then its JVM starts from the archive
        List<String> fromArchive = nightCommandLine(second);
        assertTrue(fromArchive.contains("-XX:SharedArchiveFile=" + ARCHIVE.toAbsolutePath()), fromArchive.toString());
        assertEquals(ExitCode.COMPLETED, second.exitCode(), second.output());
    }

    @Test
    void killingTheProcessTheSchedulerStartedEndsTheNight(@TempDir Path root) {
        // given a night paused inside its 2nd file
        PipelineRun night = new PipelineRun(root).deliverSamples(NightlyOperationsIT.STATISTICS);
        JarRun run = JarRun.start(night, Map.of(PausePoint.PAUSE_AT, "ingest:2")).awaitPause("ingest:2");
        List<ProcessHandle> jvms = run.process.descendants().toList();
        assertEquals(1, jvms.size(), "the night's JVM");

        // when the process the scheduler started is killed with SIGKILL
        run.process.destroyForcibly();

        // then the night's JVM ends too, within seconds
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (jvms.get(0).isAlive() && System.nanoTime() < deadline) {
            JarRun.sleep(10);
        }
        assertTrue(!jvms.get(0).isAlive(), "the night outlived the process that started it");
    }

    /** The JVM options of the night's JVM, the launcher's child, read while it runs. */
    private static List<String> nightCommandLine(JarRun run) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            // Until it has exec'd the JVM, the child is the JDK's jspawnhelper, with a command line of its own.
            List<String> line = run.process.children().findFirst().flatMap(child -> child.info().arguments())
                    .map(List::of).orElse(List.of());
            if (line.contains("-jar")) {
                return line.subList(0, line.indexOf("-jar"));
            }
            JarRun.sleep(10);
        }
        throw new AssertionError("no night JVM started\n" + run.output());
    }
}
