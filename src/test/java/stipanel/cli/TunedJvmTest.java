package stipanel.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which nights {@link TunedJvm} runs with C1 only: those whose inbox's new files come to less than 16 MiB. */
class TunedJvmTest {

    private static final long MIB = 1 << 20;

    @Test
    void withoutAWarehouseEveryFileOfTheInboxIsNew(@TempDir Path root) throws IOException {
        Path inbox = Files.createDirectories(root.resolve("inbox").resolve("统计局"));
        file(inbox.resolve("a.csv"), 15 * MIB);
        assertTrue(small(root), "15 MiB in all");

        file(inbox.resolve("b.csv"), MIB);
        assertFalse(small(root), "16 MiB in all");
    }

    @Test
    void filesThatArrivedBeforeTheWarehouseWasLastWrittenDoNotCount(@TempDir Path root) throws IOException {
        Path inbox = Files.createDirectories(root.resolve("inbox"));
        file(inbox.resolve("registry.csv"), 200 * MIB);
        file(inbox.resolve("delivery.csv"), 601);
        Path warehouse = file(root.resolve("warehouse.duckdb"), 1);
        // written after both files arrived (a file's change time cannot be set back, so the warehouse's is set ahead)
        Files.setLastModifiedTime(warehouse, FileTime.from(Instant.now().plus(1, ChronoUnit.HOURS)));
        assertTrue(small(root));

        // last written before they arrived
        Files.setLastModifiedTime(warehouse, FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS)));
        assertFalse(small(root));
    }

    @Test
    void aCopyThatKeptAnOldModificationTimeIsStillNew(@TempDir Path root) throws IOException {
        Path inbox = Files.createDirectories(root.resolve("inbox"));
        Path warehouse = file(root.resolve("warehouse.duckdb"), 1);
        Files.setLastModifiedTime(warehouse, FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS)));
        // as cp -p or rsync -t leave it: modified a year ago, placed in the inbox now
        Path copied = file(inbox.resolve("registry.csv"), 20 * MIB);
        Files.setLastModifiedTime(copied, FileTime.from(Instant.now().minus(365, ChronoUnit.DAYS)));
        assertFalse(small(root));
    }

    @Test
    void anInboxThatCannotBeReadLeavesTheJitAsItIs(@TempDir Path root) {
        assertFalse(TunedJvm.smallDelivery(new String[] {"run", "--inbox", root.resolve("absent").toString()}));
        assertFalse(TunedJvm.smallDelivery(new String[] {"--inbox"}), "an option without its value");
    }

    private static boolean small(Path root) {
        return TunedJvm.smallDelivery(new String[] {"run", "--inbox", root.resolve("inbox").toString(),
                "--warehouse", root.resolve("warehouse.duckdb").toString(), "--today", "2026-12-08"});
    }

    /** A file of that many bytes (sparse: only its length is read). */
    private static Path file(Path path, long bytes) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(path.toFile(), "rw")) {
            f.setLength(bytes);
        }
        return path;
    }
}
