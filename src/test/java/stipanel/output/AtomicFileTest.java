package stipanel.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
        Path source = dir.resolve("sti-panel.duckdb");
        Files.write(source, content());
        Files.setPosixFilePermissions(source, PosixFilePermissions.fromString("rw-------"));
        Path copy = dir.resolve("sti-panel.duckdb.building.copying");
        Files.write(copy, new byte[] {1, 2, 3});
        // when it is copied
        AtomicFile.copyNew(source, copy);
        // then the copy holds the source's bytes, none of the stale ones, with a new file's mode (the umask's)
        assertArrayEquals(content(), Files.readAllBytes(copy));
        Path fresh = Files.createFile(dir.resolve("fresh"));
        assertEquals(Files.getPosixFilePermissions(fresh), Files.getPosixFilePermissions(copy));
    }
}
