package stipanel.cli;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * One run per warehouse: an OS file lock on {@code <warehouse>.lock}, which the OS releases when the process dies
 * (even by SIGKILL), so a crashed run never blocks the next. The file says who holds it.
 */
public final class WarehouseLock implements AutoCloseable {

    private final RandomAccessFile file;
    private final FileLock lock;

    private WarehouseLock(RandomAccessFile file, FileLock lock) {
        this.file = file;
        this.lock = lock;
    }

    public static Path lockFile(Path warehouse) {
        return warehouse.resolveSibling(warehouse.getFileName() + ".lock");
    }

    /** The lock, or empty when another process holds it. */
    public static Optional<WarehouseLock> tryAcquire(Path warehouse) throws IOException {
        Path path = lockFile(warehouse);
        RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw");
        FileChannel channel = file.getChannel();
        FileLock lock = channel.tryLock();
        if (lock == null) {
            file.close();
            return Optional.empty();
        }
        String holder = "pid " + TunedJvm.startedProcess() + ", started " + LocalDateTime.now().withNano(0) + "\n";
        file.setLength(0);
        file.write(holder.getBytes(StandardCharsets.UTF_8));
        channel.force(true);
        return Optional.of(new WarehouseLock(file, lock));
    }

    /** Who holds the lock, as the holder wrote it. */
    public static String holder(Path warehouse) {
        try {
            return Files.readString(lockFile(warehouse), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        file.close();
    }
}
