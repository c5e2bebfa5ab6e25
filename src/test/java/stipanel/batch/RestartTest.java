package stipanel.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import stipanel.cli.NightlyRun;
import stipanel.ingest.Delivery;
import stipanel.ingest.FileOutcome;
import stipanel.testing.PipelineRun;

/** A run that fails in the middle of the load is resumed by the next run and ends exactly as a clean run. */
class RestartTest {

    /** Fails inside the transaction of the n-th file, after its rows were appended. */
    static final class FailOnFile implements DeliveryListener {
        final int failOn;
        final AtomicInteger seen = new AtomicInteger();

        FailOnFile(int failOn) {
            this.failOn = failOn;
        }

        @Override
        public void beforeCommit(Delivery delivery, FileOutcome outcome) {
            if (seen.incrementAndGet() == failOn) {
                throw new IllegalStateException("injected failure while loading " + delivery.fileName());
            }
        }
    }

    @Test
    void aRunThatFailedMidLoadIsResumedAndEndsWithExactlyTheRowsOfACleanRun(@TempDir Path root) {
        // given a clean run over the samples
        PipelineRun clean = new PipelineRun(root.resolve("clean")).deliverSamples("statistics").run();
        assertEquals(0, clean.exitCode, clean.stderr);

        // when a run fails on its 4th file (after 3 files committed, inside the 4th file's transaction)
        PipelineRun broken = new PipelineRun(root.resolve("broken")).deliverSamples("statistics");
        broken.runWith(new FailOnFile(4));

        // then it reports a resumable failure and publishes nothing
        assertEquals(1, broken.exitCode);
        assertTrue(broken.stderr.contains("injected failure"), broken.stderr);
        assertFalse(Files.exists(broken.warehouse), "a failed run publishes no warehouse");
        assertEquals(3L, ((Number) PipelineRun.query(NightlyRun.workingCopy(broken.warehouse),
                "select count(*) from ingest.deliveries").get(0).get(0)).longValue(),
                "the three files before the failure are committed, the fourth's rows are rolled back");

        // when the next run starts with the same options
        broken.run();

        // then it resumes the failed run and the warehouse equals the clean run's, row for row
        assertEquals(0, broken.exitCode, broken.stderr);
        assertTrue(broken.stdout.contains("resuming run 1"), broken.stdout);
        assertEquals(clean.snapshot(), broken.snapshot());
        assertEquals(List.of(List.of(1L)), broken.rows(
                "select count(distinct job_instance_id) from ops.BATCH_JOB_EXECUTION"));
    }
}
