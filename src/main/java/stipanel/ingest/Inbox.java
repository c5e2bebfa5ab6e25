package stipanel.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The folder the sources deliver into. */
public final class Inbox {

    private Inbox() {
    }

    /**
     * The inbox's files in delivery order (their path under the inbox). An inbox that is a symbolic link (a mount
     * point linked into place) is read where it points.
     */
    public static List<Path> files(Path inbox) throws IOException {
        Path root = inbox.toRealPath();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .sorted((a, b) -> root.relativize(a).toString().compareTo(root.relativize(b).toString()))
                    .toList();
        }
    }
}
