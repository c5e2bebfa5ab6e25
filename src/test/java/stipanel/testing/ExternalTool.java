package stipanel.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A program a test runs as the city or the office would (LibreOffice, Chromium, poppler's pdftotext), which .ci/run
 * installs from Debian packages. Under CI (the environment variable CI is set, as .ci/run sets it) a missing program
 * fails the test; on a developer's machine the test is skipped, loudly.
 */
public final class ExternalTool {

    private ExternalTool() {
    }

    /** The program on the PATH, or the test fails (under CI) or is skipped (elsewhere). */
    public static Path require(String program, String debianPackages) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        for (Path usual : List.of(Path.of("/usr/bin", program), Path.of("/usr/local/bin", program))) {
            if (Files.isExecutable(usual)) {
                return usual;
            }
        }
        String message = program + " is not installed, so this test did NOT run: apt-get install " + debianPackages
                + " (.ci/run does)";
        if (System.getenv("CI") != null && !System.getenv("CI").isBlank()) {
            fail("CI: " + message);
        }
        System.err.println("\n*** SKIPPED: " + message + " ***\n");
        Assumptions.abort(message);
        return null;
    }

    /** Runs a command to its end within {@code seconds}; returns its output (stdout and stderr together). */
    public static String run(long seconds, String... command) {
        return run(seconds, List.of(command));
    }

    public static String run(long seconds, List<String> command) {
        try {
            Path log = Files.createTempFile("sti-panel-tool-", ".log");
            try {
                Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                        .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .start();
                if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    fail(String.join(" ", command) + " did not finish in " + seconds + " s:\n" + Files.readString(log));
                }
                String output = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
                if (p.exitValue() != 0) {
                    fail(String.join(" ", command) + " exited " + p.exitValue() + ":\n" + output);
                }
                return output;
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
