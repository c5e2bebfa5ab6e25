package stipanel.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import stipanel.output.AtomicFile;

/**
 * The copy of the published warehouse that a night writes ({@code <warehouse>.building}), made in a thread of its own
 * while Spring starts: the copy waits on the disk, the start on the processors, so the two overlap. The job's data
 * source waits for it before opening the file ({@link #await}).
 *
 * <p>The copy appears whole or not at all (written as {@code .copying}, then renamed), and is checked as the
 * published file would be ({@link Warehouse#checkWritable}); a refused one is deleted.
 */
public final class WorkingCopy {

    private final CompletableFuture<Void> made;

    private WorkingCopy(CompletableFuture<Void> made) {
        this.made = made;
    }

    public static WorkingCopy makeInBackground(Path published, Path working) {
        CompletableFuture<Void> made = new CompletableFuture<>();
        Thread copier = new Thread(() -> {
            try {
                make(published, working);
                made.complete(null);
            } catch (Throwable e) {
                made.completeExceptionally(e);
            }
        }, "working-copy");
        copier.setDaemon(true);
        copier.start();
        return new WorkingCopy(made);
    }

    private static void make(Path published, Path working) {
        try {
            Path temp = working.resolveSibling(working.getFileName() + ".copying");
            AtomicFile.copyNew(published, temp);
            // A log left beside a working copy that no longer exists belongs to no database: DuckDB would replay it
            // into this one.
            Files.deleteIfExists(working.resolveSibling(working.getFileName() + ".wal"));
            Files.move(temp, working, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Warehouse.checkWritable(working, published);
        } catch (WarehouseRefusedException e) {
            try {
                Files.delete(working);
            } catch (IOException notDeleted) {
                e.addSuppressed(notDeleted);
            }
            throw e;
        }
    }

    /** Blocks until the copy is made; throws what made it fail. */
    public void await() {
        try {
            made.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** After waiting for the copy: why it could not be made (an {@link UncheckedIOException} or a refusal), if so. */
    public Optional<Throwable> failure() {
        try {
            made.join();
            return Optional.empty();
        } catch (CompletionException e) {
            return Optional.of(e.getCause());
        }
    }
}
