package stipanel.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import stipanel.ingest.Delivery;
import stipanel.ingest.FileOutcome;
import stipanel.ingest.UnfinishedFiles;
import stipanel.testing.PipelineRun;

/**
 * Files still being written are passed over and listed, never refused, and read by the next run (issue 17): by their
 * names, by {@code --min-file-age}, and by a size or modification time that changes while the run reads them.
 */
class UnfinishedFilesTest {

    static final String HEADER = "年份,地区代码,地区名称,指标名称,数值,计量单位,数据状态,发布日期\n";
    static final String TWO_ROWS = HEADER + "2024,330922,嵊泗县,地区生产总值,138,亿元,初步核算,2025-03-01\n"
            + "2024,330922,嵊泗县,R&D经费支出,7700,万元,初步核算,2025-03-01\n";
    static final String THIRD_ROW = "2024,330921,岱山县,地区生产总值,600,亿元,初步核算,2025-03-01\n";

    @Test
    void namesThatEditorsAndSendersUseWhileWritingAreKnown() {
        for (String name : List.of("~$统计表.xlsx", "统计/.~lock.统计表.xlsx#", "专利.csv.part", "专利.CSV.PART", "x.tmp",
                "y.crdownload", "z.filepart", ".hidden.csv", ".sync/统计.csv")) {
            assertTrue(UnfinishedFiles.byName(Path.of(name)).isPresent(), name);
        }
        for (String name : List.of("统计.csv", "a~$.csv", "partial.csv", "tmp.csv", "统计.xlsx", "v1.0/统计.csv")) {
            assertEquals(Optional.empty(), UnfinishedFiles.byName(Path.of(name)), name);
        }
    }

    @Test
    void filesStillBeingWrittenByTheirNamesAreSkippedListedAndNotRefused(@TempDir Path root) {
        // given a real delivery beside seven files that are still being written, one of them in a hidden folder
        PipelineRun run = new PipelineRun(root).deliverText("统计.csv", TWO_ROWS, StandardCharsets.UTF_8);
        for (String name : List.of("~$统计表.xlsx", ".~lock.统计表.xlsx#", "专利.csv.part", "x.tmp", "y.crdownload",
                "z.filepart", ".sync/统计.csv")) {
            run.deliverText(name, "尚未写完", StandardCharsets.UTF_8);
        }

        run.run();

        assertEquals(0, run.exitCode, run.stderr);
        assertEquals(List.of(List.of("统计.csv", "loaded")), run.rows("select file_name, status from source_files"));
        assertEquals(List.of(
                        List.of(".sync/统计.csv", "file_in_progress"), List.of(".~lock.统计表.xlsx#", "file_in_progress"),
                        List.of("x.tmp", "file_in_progress"), List.of("y.crdownload", "file_in_progress"),
                        List.of("z.filepart", "file_in_progress"), List.of("~$统计表.xlsx", "file_in_progress"),
                        List.of("专利.csv.part", "file_in_progress")),
                run.rows("select relative_path, reason_code from ingest.skipped_files order by relative_path"));
        assertEquals("Office 打开文档时留下的锁定文件（~$…），视为仍在写入，未读取",
                run.value("select reason from ingest.skipped_files where file_name = '~$统计表.xlsx'"));
        assertEquals(List.of(List.of(1L, 0L, 7L)), run.rows("select files_loaded, files_refused, files_skipped from runs"));
        assertTrue(run.stdout.contains("仍在写入、留待下次运行的文件 7 个（见 ingest.skipped_files）"), run.stdout);
    }

    /** A sender that appends a row to the file while the run reads it (just before the file's transaction commits). */
    static final class SenderStillWriting implements DeliveryListener {
        @Override
        public void beforeCommit(Delivery delivery, FileOutcome outcome) {
            try {
                Files.writeString(delivery.path(), THIRD_ROW, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                Files.setLastModifiedTime(delivery.path(), FileTime.from(Instant.now().plusSeconds(5)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void aFileThatChangesWhileTheRunReadsItIsRolledBackAndReadByTheNextRun(@TempDir Path root) {
        PipelineRun run = new PipelineRun(root).deliverText("统计.csv", TWO_ROWS, StandardCharsets.UTF_8);

        // when the sender writes on while the run reads the file
        run.runWith(new SenderStillWriting());

        // then nothing of it was loaded, and it is listed as deferred
        assertEquals(0, run.exitCode, run.stderr);
        assertEquals(0L, run.value("select count(*) from ingest.deliveries"));
        assertEquals(0L, run.value("select count(*) from facts.statistic_versions"));
        assertEquals(List.of(List.of("统计.csv", "file_changed_while_read",
                        "读取期间文件的大小或修改时间发生了变化（发送方仍在写入），本次装载已回滚，推迟到下次运行")),
                run.rows("select relative_path, reason_code, reason from ingest.skipped_files"));

        // when the next night finds it finished
        run.run();

        // then all three rows load
        assertEquals(0, run.exitCode, run.stderr);
        assertEquals(List.of(List.of("loaded", 3L, 3L)), run.rows("select status, rows_read, rows_loaded from source_files"));
        assertEquals(3L, run.value("select count(*) from facts.statistic_versions"));
        assertEquals(List.of(List.of(1L, 0L), List.of(0L, 1L)),
                run.rows("select files_skipped, files_loaded from runs order by run_id"));
    }

    @Test
    void aFileModifiedWithinTheMinimumAgeWaitsForTheNextRun(@TempDir Path root) throws IOException {
        // given a file written an hour ago and one written just now
        PipelineRun run = new PipelineRun(root).deliverText("a_统计.csv", TWO_ROWS, StandardCharsets.UTF_8)
                .deliverText("b_统计.csv", HEADER + THIRD_ROW, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(run.inbox.resolve("a_统计.csv"), FileTime.from(Instant.now().minusSeconds(3600)));

        // when the run takes files modified in the last ten minutes to be still being written
        run.minFileAge(600).run();

        // then the older one loads and the newer waits
        assertEquals(0, run.exitCode, run.stderr);
        assertEquals(List.of(List.of("a_统计.csv")), run.rows("select file_name from source_files"));
        assertEquals(List.of(List.of("b_统计.csv", "file_too_recent")),
                run.rows("select file_name, reason_code from ingest.skipped_files"));
        String reason = (String) run.value("select reason from ingest.skipped_files");
        assertTrue(reason.matches("修改于 \\d+ 秒前，未满 --min-file-age 600 秒，可能仍在写入，推迟到下次运行"), reason);

        // when it has aged past the minimum
        Files.setLastModifiedTime(run.inbox.resolve("b_统计.csv"), FileTime.from(Instant.now().minusSeconds(3600)));
        run.run();

        assertEquals(List.of(List.of("a_统计.csv"), List.of("b_统计.csv")),
                run.rows("select file_name from source_files order by 1"));
        assertFalse(run.rows("select * from runs where run_id = 2 and files_skipped = 0").isEmpty());
    }

    /**
     * Across nights a file keeps the rule above: while its size and modification time are those of a delivery, it is
     * that delivery and is not hashed again. Shown by content changed behind an unchanged size and time (which only a
     * deliberate reset of the time does): the night takes it as read; once the time moves, it loads.
     */
    @Test
    void aFileWithTheSizeAndTimeOfADeliveryIsThatDeliveryWithoutHashingIt(@TempDir Path root) throws IOException {
        FileTime anHourAgo = FileTime.from(Instant.now().minusSeconds(3600));
        PipelineRun run = firstNight(root, anHourAgo);
        assertEquals(1L, run.value("select count(*) from ingest.deliveries where modified_at is not null"));

        reviseBehind(run, anHourAgo);

        // then the night took it as the delivery it had read, and said how it knows the files and what to do
        assertEquals(1L, run.value("select count(*) from ingest.deliveries"));
        assertTrue(run.stdout.contains("没有新文件：收件箱的 1 个文件在以前的运行中都已装载过（按路径、大小和修改时间认定；"
                + "若有文件改了内容而大小和修改时间未变，先 touch 该文件再运行）"), run.stdout);
        assertEquals(List.of(List.of(0L, 0L)), run.rows("select files_loaded, files_refused from runs where run_id = 2"));

        // when its time moves on, it is read, hashed and loaded as the revision it is
        Files.setLastModifiedTime(run.inbox.resolve(FILE), FileTime.from(Instant.now().minusSeconds(60)));
        run.run();
        assertEquals(0, run.exitCode, run.stderr);
        assertEquals(2L, run.value("select count(*) from ingest.deliveries"));
        assertEquals(1L, run.value("select count(*) from facts.statistic_versions where reported_value = '7800'"));
    }

    /**
     * A time less than 2 s old when the file is read is not recorded: a write in the same tick of the file system's
     * clock could leave it unchanged. Such a file is hashed the next night, and a change behind it is seen.
     */
    @Test
    void aFileReadMomentsAfterItWasWrittenIsHashedAgainTheNextNight(@TempDir Path root) throws IOException {
        FileTime tooRecent = FileTime.from(Instant.now().plusSeconds(30));
        PipelineRun run = firstNight(root, tooRecent);
        assertEquals(List.of(Arrays.asList((Object) null)), run.rows("select modified_at from ingest.deliveries"));

        reviseBehind(run, tooRecent);

        assertEquals(List.of(List.of("loaded"), List.of("loaded")),
                run.rows("select status from ingest.deliveries order by delivery_id"));
    }

    /** A file touched without changing is hashed once more, found the same, and known by its new time after that. */
    @Test
    void aFileTouchedWithoutChangingIsKnownByItsNewTime(@TempDir Path root) throws IOException {
        PipelineRun run = firstNight(root, FileTime.from(Instant.now().minusSeconds(3600)));
        FileTime touched = FileTime.from(Instant.parse("2026-11-30T08:00:00Z"));
        Files.setLastModifiedTime(run.inbox.resolve(FILE), touched);
        run.run();
        assertEquals(List.of(List.of(1L, 0L)), run.rows("select count(*), (select files_loaded from runs where run_id = 2)"
                + " from ingest.deliveries"));

        reviseBehind(run, touched);

        assertEquals(1L, run.value("select count(*) from ingest.deliveries"));
    }

    private static final String FILE = "统计.csv";

    /** A night on {@link #TWO_ROWS} in {@link #FILE}, modified at {@code modified}. */
    private static PipelineRun firstNight(Path root, FileTime modified) throws IOException {
        PipelineRun run = new PipelineRun(root).deliverText(FILE, TWO_ROWS, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(run.inbox.resolve(FILE), modified);
        run.run();
        assertEquals(0, run.exitCode, run.stderr);
        return run;
    }

    /** A night after the file's content changed (7700 -> 7800, the same size) behind the time {@code modified}. */
    private static void reviseBehind(PipelineRun run, FileTime modified) throws IOException {
        Path file = run.inbox.resolve(FILE);
        Files.writeString(file, TWO_ROWS.replace("7700", "7800"), StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, modified);
        run.run();
        assertEquals(0, run.exitCode, run.stderr);
    }
}
