package stipanel.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Files of the inbox that a sender or an editor is still writing (issue 17). They are passed over by this run and
 * read by the next, never refused: known by their names (lock files of Office and LibreOffice, the partial files of
 * downloads and uploads, hidden files), by a modification younger than {@code --min-file-age}, or by a size or
 * modification time that changes while the run reads them (that file's load is rolled back).
 */
public final class UnfinishedFiles {

    private static final List<String> PARTIAL_SUFFIXES = List.of(".part", ".tmp", ".crdownload", ".filepart");

    private UnfinishedFiles() {
    }

    /** Why a file's path under the inbox says it is still being written, in Chinese; empty when it does not. */
    public static Optional<String> byName(Path relativePath) {
        String name = relativePath.getFileName().toString();
        if (name.startsWith("~$")) {
            return Optional.of("Office 打开文档时留下的锁定文件（~$…）");
        }
        if (name.startsWith(".~lock.") && name.endsWith("#")) {
            return Optional.of("LibreOffice 打开文档时留下的锁定文件（.~lock.…#）");
        }
        for (Path part : relativePath) {
            if (part.toString().startsWith(".")) {
                return Optional.of("隐藏文件或隐藏文件夹中的文件（以 . 开头，多为同步或上传工具的临时文件）");
            }
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (String suffix : PARTIAL_SUFFIXES) {
            if (lower.endsWith(suffix)) {
                return Optional.of("下载或上传尚未完成的临时文件（*" + suffix + "）");
            }
        }
        return Optional.empty();
    }

    /** A file's size and modification time: while both stay the same, the file is taken to be unchanged. */
    public record State(long size, FileTime modified) {

        /** The file's state now; empty when it is gone (moved, renamed or deleted by its sender). */
        public static Optional<State> of(Path file) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                return Optional.of(new State(a.size(), a.lastModifiedTime()));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException(file.toString(), e);
            }
        }
    }
}
