package stipanel.ops;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import stipanel.testing.PipelineRun;

/**
 * The packaged jar run as the scheduler runs it: a separate JVM, {@code java -jar target/sti-panel.jar run …},
 * on a {@link PipelineRun}'s inbox, warehouse and out folder. Its output goes to files the test reads.
 */
final class JarRun {

    static final Path JAR = Path.of("target", "sti-panel.jar");
    static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);

    final Process process;
    final Path stdout;
    final Path stderr;

    private JarRun(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    static JarRun start(PipelineRun run, Map<String, String> env, List<String> jvmOptions) {
        return start(run, env, jvmOptions, List.of());
    }

    /** Runs to the end under a shell that set {@code umask} first, as a scheduler's user profile would. */
    static JarRun completeUnderUmask(PipelineRun run, String umask) {
        JarRun r = start(run, Map.of(), FAST_START, List.of("sh", "-c", "umask " + umask + " && exec \"$@\"", "sh"));
        r.exitCode();
        return r;
    }

    private static JarRun start(PipelineRun run, Map<String, String> env, List<String> jvmOptions,
                                List<String> prefix) {
        assertTrue(Files.isRegularFile(JAR), JAR + " is built in the package phase; run mvn verify");
        List<String> command = new ArrayList<>(prefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString(), "run",
                "--inbox", run.inbox.toString(), "--warehouse", run.warehouse.toString(), "--out", run.out.toString(),
                "--today", PipelineRun.TODAY.toString()));
        try {
            Path logs = Files.createDirectories(run.inbox.resolveSibling("logs"));
            Path out = Files.createTempFile(logs, "stdout", ".txt");
            Path err = Files.createTempFile(logs, "stderr", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().putAll(env);
            return new JarRun(builder.start(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Short runs: C1 compilation only and the serial collector start faster and change nothing the tests see. */
    static final List<String> FAST_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    static JarRun start(PipelineRun run, Map<String, String> env) {
        return start(run, env, FAST_START);
    }

    /** Runs to the end and returns the exit code. */
    static JarRun complete(PipelineRun run) {
        JarRun r = start(run, Map.of());
        r.exitCode();
        return r;
    }

    int exitCode() {
        try {
            if (!process.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("the run did not end within " + RUN_TIMEOUT + "\n" + stdout() + stderr());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the run prints {@code pausing at <point>}. */
    JarRun awaitPause(String point) {
        long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (stdout().contains("pausing at " + point + "\n")) {
                return this;
            }
            if (!process.isAlive()) {
                fail("the run ended before it reached " + point + " (exit " + process.exitValue() + ")\n"
                        + stdout() + stderr());
            }
            sleep(50);
        }
        process.destroyForcibly();
        fail("the run did not reach " + point + "\n" + stdout() + stderr());
        return this;
    }

    /**
     * SIGKILL, as the OS or an operator's kill -9 would: no shutdown hook, no finally block runs. The night's own JVM
     * (stipanel.cli.TunedJvm) halts when it sees this one gone, within 50 ms; this waits for both.
     */
    void kill9() {
        List<ProcessHandle> night = process.descendants().toList();
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
            for (ProcessHandle jvm : night) {
                jvm.onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            fail("the night's JVM did not end after its launcher was killed: " + e);
        }
        assertTrue(!process.isAlive() && night.stream().noneMatch(ProcessHandle::isAlive), "still alive after SIGKILL");
    }

    String stdout() {
        return read(stdout);
    }

    String stderr() {
        return read(stderr);
    }

    String output() {
        return "--- stdout\n" + stdout() + "--- stderr\n" + stderr();
    }

    private static String read(Path p) {
        try {
            // The run may be writing: a character cut in half reads as a replacement character.
            return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void touch(Path file) {
        try {
            Files.writeString(file, "go");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
