package stipanel.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    /** 3 MiB and a few bytes: more than one block of any file system, not a whole number of them. */
    private static byte[] content() {
        byte[] bytes = new byte[3 * 1024 * 1024 + 17];
        new Random(16).nextBytes(bytes);
        return bytes;
    }

    @Test
    void aCopyHasTheSourcesBytesReplacesOneLeftByAStoppedRunAndHasTheModeOfANewFile(@TempDir Path dir)
            throws IOException {
        // given a source readable by its owner only, and half a copy left by a stopped run
        Path source = dir.resolve("sti-panel.duckdb.building");
        Files.write(source, content());
        Files.setPosixFilePermissions(source, PosixFilePermissions.fromString("rw-------"));
        Path copy = dir.resolve("sti-panel.duckdb.publishing");
        Files.write(copy, new byte[] {1, 2, 3});
        // when it is copied
        AtomicFile.copyNew(source, copy);
        // then the copy holds the source's bytes, none of the stale ones, with a new file's mode (the umask's)
        assertArrayEquals(content(), Files.readAllBytes(copy));
        Path fresh = Files.createFile(dir.resolve("fresh"));
        assertEquals(Files.getPosixFilePermissions(fresh), Files.getPosixFilePermissions(copy));
    }

    /**
     * On a file system that clones (XFS with reflink=1, Btrfs), given by {@code STIPANEL_REFLINK_DIR}: the copy is a
     * clone, and writing the source afterwards (the next night writing the working copy) leaves the copy (the
     * published warehouse) as it was. Skipped elsewhere: ext4 and tmpfs cannot clone, and the copy above is the path
     * they take.
     */
    @Test
    void whereTheFileSystemClonesTheCopyIsACloneThatTheSourcesLaterWritesDoNotChange() throws IOException {
        String reflinkDir = System.getenv("STIPANEL_REFLINK_DIR");
        assumeTrue(reflinkDir != null, "STIPANEL_REFLINK_DIR names no folder on XFS (reflink=1) or Btrfs");
        Path dir = Files.createTempDirectory(Path.of(reflinkDir), "atomic-file-test");
        Path source = dir.resolve("sti-panel.duckdb.building");
        Path copy = dir.resolve("sti-panel.duckdb.publishing");
        try {
            Files.write(source, content());
            Files.write(copy, new byte[0]);
            assertTrue(AtomicFile.cloned(source, copy), "cp --reflink=always cloned the file");
            Files.delete(copy);
            AtomicFile.copyNew(source, copy);
            try (var out = Files.newOutputStream(source, java.nio.file.StandardOpenOption.WRITE)) {
                out.write(new byte[4096]);
            }
            assertArrayEquals(content(), Files.readAllBytes(copy));
            assertArrayEquals(new byte[4096], java.util.Arrays.copyOf(Files.readAllBytes(source), 4096));
        } finally {
            Files.deleteIfExists(source);
            Files.deleteIfExists(copy);
            Files.delete(dir);
        }
    }
}
