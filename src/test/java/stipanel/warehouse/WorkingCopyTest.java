package stipanel.warehouse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkingCopyTest {

    @Test
    void theCopyHasThePublishedBytesAndALogLeftBesideAnEarlierWorkingFileIsNotReplayedIntoIt(@TempDir Path dir)
            throws Exception {
        // given a published warehouse, and the log of a working file that no longer exists
        Path published = dir.resolve("sti-panel.duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + published)) {
            Warehouse.ensureJobRepository(c);
            Warehouse.migrate(c);
        }
        Path working = dir.resolve("sti-panel.duckdb.building");
        Path orphanLog = dir.resolve("sti-panel.duckdb.building.wal");
        Files.writeString(orphanLog, "a log of another database", StandardCharsets.US_ASCII);

        // when the working copy is made
        WorkingCopy copy = WorkingCopy.makeInBackground(published, working);
        copy.await();

        // then it holds the published file's bytes, and the orphan log is gone
        assertEquals(Optional.empty(), copy.failure());
        assertArrayEquals(Files.readAllBytes(published), Files.readAllBytes(working));
        assertFalse(Files.exists(orphanLog));
        assertFalse(Files.exists(dir.resolve("sti-panel.duckdb.building.copying")));
    }

    @Test
    void aPublishedFileThatIsNoWarehouseIsRefusedAndLeavesNoCopy(@TempDir Path dir) throws Exception {
        // given a "warehouse" that is a text file
        Path published = Files.writeString(dir.resolve("sti-panel.duckdb"), "年份,地区代码\n");
        Path working = dir.resolve("sti-panel.duckdb.building");

        // when the working copy is made
        WorkingCopy copy = WorkingCopy.makeInBackground(published, working);

        // then waiting for it throws the refusal, which names the published file, and no copy is left
        WarehouseRefusedException refused = assertThrows(WarehouseRefusedException.class, copy::await);
        assertTrue(refused.getMessage().contains(published.toString()), refused.getMessage());
        assertInstanceOf(WarehouseRefusedException.class, copy.failure().orElseThrow());
        assertFalse(Files.exists(working));
        assertTrue(Files.exists(published));
    }
}
