package stipanel.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * The files people open (the workbook, the report, the published warehouse) are written beside their final name and
 * renamed into place, so a reader never sees half of one. They are created as any program creates its output, so
 * the process's umask decides who may read them (0644 under the usual 022): {@code Files.createTempFile} would make
 * them 0600, which the office's staff cannot open.
 */
public final class AtomicFile {

    /** Writes the content of one file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    /** Writes {@code target} through a hidden file beside it, synced to disk, then renamed over {@code target}. */
    public static void write(Path target, Content content) throws IOException {
        Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(channel);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Copies {@code source} to a new file {@code copy} (replacing one left by a stopped run), synced to disk, with
     * the permissions of a new file rather than the source's. Where the file system shares blocks between files
     * (XFS with reflink, Btrfs), the copy is a clone: it takes milliseconds instead of seconds per 500 MB, and a later
     * write to either file copies only the blocks it changes, so the two stay as independent as a real copy. Where
     * it cannot (ext4, tmpfs), the bytes are copied.
     */
    public static void copyNew(Path source, Path copy) throws IOException {
        Files.deleteIfExists(copy);
        try (FileChannel out = FileChannel.open(copy, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            if (!cloned(source, copy)) {
                out.truncate(0);
                try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ)) {
                    long size = in.size();
                    for (long done = 0; done < size; ) {
                        done += in.transferTo(done, size - done, out);
                    }
                }
            }
            out.force(true);
        }
    }

    /**
     * Clones {@code source} into the existing, empty {@code copy} with the FICLONE ioctl, which the JDK does not offer:
     * through GNU cp, which keeps the mode of a file it writes into. False where the file system or cp cannot (cp
     * then fails at once, without writing).
     */
    static boolean cloned(Path source, Path copy) {
        if (!CLONE_WITH_CP) {
            return false;
        }
        try {
            Process cp = new ProcessBuilder("cp", "--reflink=always", "--", source.toString(), copy.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return cp.waitFor() == 0 && Files.size(copy) == Files.size(source);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code STIPANEL_NO_CLONE} set: always copy the bytes (to measure the copy, or where cp misbehaves). */
    private static final boolean CLONE_WITH_CP = System.getenv("STIPANEL_NO_CLONE") == null;
}
