package stipanel.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * {@code profile FILE.jfr [N]}: where the time of a recorded benchmark child went, from JFR's execution samples
 * ({@code jdk.ExecutionSample}, Java threads only; DuckDB's native threads are not sampled): the methods on top of
 * the stack (self time) and the project and library methods anywhere on it (inclusive time), as shares of samples.
 */
public final class Profile {

    private Profile() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("profile FILE.jfr [N]");
        }
        int top = args.size() > 1 ? Integer.parseInt(args.get(1)) : 25;
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        int samples = 0;
        try (RecordingFile recording = new RecordingFile(Path.of(args.get(0)))) {
            while (recording.hasMoreEvents()) {
                RecordedEvent e = recording.readEvent();
                if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
                    continue;
                }
                RecordedStackTrace stack = e.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                samples++;
                List<RecordedFrame> frames = stack.getFrames();
                self.merge(name(frames.get(0)), 1, Integer::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame f : frames) {
                    String n = name(f);
                    if ((n.startsWith("stipanel.") || n.startsWith("org.apache.commons.csv.") || n.startsWith("org.duckdb.")
                            || n.startsWith("java.text.Normalizer") || n.startsWith("java.util.regex.Pattern.compile")
                            || n.startsWith("sun.nio.cs.") || n.startsWith("java.security.MessageDigest")
                            || n.startsWith("java.lang.String.replaceAll") || n.startsWith("java.math.BigDecimal.<init>"))
                            && seen.add(n)) {
                        inclusive.merge(n, 1, Integer::sum);
                    }
                }
            }
        } catch (IOException e) {
            err.println("sti-panel profile: " + e.getMessage());
            return 1;
        }
        out.printf("%d execution samples in %s%n%nself (top of stack):%n", samples, args.get(0));
        print(self, samples, top, out);
        out.printf("%ninclusive (anywhere on the stack):%n");
        print(inclusive, samples, top, out);
        return 0;
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private static void print(Map<String, Integer> counts, int samples, int top, PrintStream out) {
        counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(top)
                .forEach(e -> out.printf("  %5.1f%%  %s%n", 100.0 * e.getValue() / samples, e.getKey()));
    }
}
