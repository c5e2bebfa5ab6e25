package stipanel.report;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import stipanel.testing.ExternalTool;

/**
 * Headless Chromium as the office's browser: it renders a page from a file and gives its DOM, a screenshot, and the
 * console messages the page caused (logged to stderr). Each call runs in a fresh profile, without network services.
 */
final class Chromium {

    /** What one rendering gave: the DOM (or nothing, for a screenshot) and the browser's log. */
    record Rendered(String dom, String log) {

        /** The page's console messages (errors, CSP violations, failed loads), one a line. */
        List<String> consoleMessages() {
            return log.lines().filter(l -> l.contains(":CONSOLE")).toList();
        }
    }

    private final Path program;
    private final Path scratch;

    Chromium(Path scratch) {
        this.program = ExternalTool.require("chromium", "chromium");
        this.scratch = scratch;
    }

    Rendered dumpDom(Path page) {
        return render(page, "--dump-dom");
    }

    Rendered screenshot(Path page, Path png, int width, int height) {
        return render(page, "--screenshot=" + png, "--window-size=" + width + "," + height,
                "--hide-scrollbars");
    }

    private Rendered render(Path page, String... action) {
        try {
            Path profile = Files.createTempDirectory(scratch, "chromium-profile-");
            Path out = Files.createTempFile(scratch, "chromium", ".out");
            Path err = Files.createTempFile(scratch, "chromium", ".log");
            List<String> command = new ArrayList<>(List.of(program.toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                    "--enable-logging=stderr", "--v=0"));
            command.addAll(List.of(action));
            command.add(page.toUri().toString());
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("chromium did not finish in 120 s: " + Files.readString(err));
            }
            String log = Files.readString(err, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                fail("chromium exited " + p.exitValue() + ":\n" + log);
            }
            return new Rendered(Files.readString(out, StandardCharsets.UTF_8), log);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
