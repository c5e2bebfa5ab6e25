package stipanel.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Named points of a run where the crash tests stop it deterministically. With {@code STIPANEL_PAUSE_AT} (a
 * comma-separated list such as {@code ingest:2,panel,publish}) a run that reaches a listed point prints
 * {@code pausing at <point>} and waits there: until the file named by {@code STIPANEL_RESUME_FILE} exists, or
 * forever when none is named (the test then kills the process). Unset, as in production, it does nothing.
 *
 * <p>Points: {@code ingest:<n>} inside the transaction of the n-th file this execution ingests, after its rows
 * were appended; {@code panel} inside the panel's transaction, after the marts were rebuilt; {@code export}
 * before the workbook is written; {@code publish} after the job completed and the warehouse was closed, before
 * the working file is renamed over the published one.
 */
public final class PausePoint {

    public static final String PAUSE_AT = "STIPANEL_PAUSE_AT";
    public static final String RESUME_FILE = "STIPANEL_RESUME_FILE";

    private static final Set<String> POINTS = parse(System.getenv(PAUSE_AT));

    private PausePoint() {
    }

    private static Set<String> parse(String value) {
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    public static void reach(String point) {
        if (POINTS.isEmpty() || !POINTS.contains(point)) {
            return;
        }
        System.out.println("pausing at " + point);
        System.out.flush();
        String resume = System.getenv(RESUME_FILE);
        try {
            while (resume == null || !Files.exists(Path.of(resume))) {
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.println("resuming after " + point);
    }
}
