package stipanel.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Stream;

import stipanel.ingest.Inbox;

/**
 * The JVM a night runs in. A county's night delivers a few rows, and most of its time was the JVM starting cold: the
 * JIT compilers took half its CPU, and some 7,700 classes were loaded and verified (docs/performance.md, "The JVM a
 * night runs in"). A jar cannot carry JVM options, so {@code java -jar sti-panel.jar run} starts a second JVM with
 * them, waits for it and exits with its exit code:
 * <ul>
 * <li>{@code -XX:TieredStopAtLevel=1} (C1 only) when the inbox's files that arrived since the warehouse was last
 *     written come to less than {@value #SMALL_DELIVERY_BYTES} bytes: C2 pays for itself only over large deliveries
 *     read row by row in Java (a 1 M-row registry took 48 % longer under C1);</li>
 * <li>the classes of the archive {@code sti-panel.jsa} beside the jar (AppCDS), which the first run after the jar or
 *     the JDK changed writes when it ends, where the jar's folder can be written.</li>
 * </ul>
 * The options given to the first JVM are passed on; a JIT or class-archive option among them wins over these. The
 * second JVM ends when the first does, also when the first is killed ({@link #endWithLauncher}).
 * {@code STIPANEL_JVM_TUNING=off} runs the night in the first JVM, as does any run not started from the jar.
 */
public final class TunedJvm {

    static final long SMALL_DELIVERY_BYTES = 16L << 20;

    /** Set on the second JVM to the launcher's process id; that JVM then runs the night itself. */
    static final String TUNED_PROPERTY = "stipanel.launcher-pid";

    static final String TUNING_VARIABLE = "STIPANEL_JVM_TUNING";

    private TunedJvm() {
    }

    /**
     * Runs the command in a tuned JVM and returns its exit code; empty when this JVM is to run it (it is the tuned
     * one, the command is not {@code run}, or this JVM was not started with {@code -jar}).
     */
    public static OptionalInt relaunch(String[] args) {
        OptionalLong launcher = launcher();
        if (launcher.isPresent()) {
            endWithLauncher(launcher.getAsLong());
            return OptionalInt.empty();
        }
        if ("off".equalsIgnoreCase(System.getenv(TUNING_VARIABLE)) || Cli.asksForHelp(args)
                || !Cli.command(args).equals("run")) {
            return OptionalInt.empty();
        }
        Optional<Path> jar = jar();
        Optional<List<String>> jvmOptions = jvmOptions();
        if (jar.isEmpty() || jvmOptions.isEmpty()) {
            return OptionalInt.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions.get());
        if (!chooses(jvmOptions.get(), "-XX:TieredStopAtLevel", "-XX:+TieredCompilation", "-XX:-TieredCompilation",
                "-Xint", "-Xcomp") && smallDelivery(args)) {
            command.add("-XX:TieredStopAtLevel=1");
        }
        ClassArchive archive = chooses(jvmOptions.get(), "-XX:SharedArchiveFile", "-XX:ArchiveClassesAtExit", "-Xshare")
                ? ClassArchive.NONE : ClassArchive.beside(jar.get());
        command.addAll(archive.options());
        command.add("-D" + TUNED_PROPERTY + "=" + ProcessHandle.current().pid());
        command.add("-jar");
        command.add(jar.get().toString());
        command.addAll(List.of(args));
        Process night;
        try {
            night = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            return OptionalInt.empty();
        }
        // Stopped by the scheduler (SIGTERM) or Ctrl-C: the night is asked to stop too, as it would have been.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            night.destroy();
            try {
                night.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        int exit;
        try {
            exit = night.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            night.destroyForcibly();
            exit = ExitCode.FAILED_RESUMABLE;
        }
        archive.keepIf(exit == ExitCode.COMPLETED);
        return OptionalInt.of(exit);
    }

    /**
     * The tuned JVM halts when the JVM that started it is gone (killed with SIGKILL, which no hook sees): the scheduler
     * that killed it must not find the night still running. A halt is a crash, which every step survives.
     */
    private static void endWithLauncher(long pid) {
        // By its id, not as the parent: a launcher killed before this JVM started leaves it a parent of init's.
        Optional<ProcessHandle> launcher = ProcessHandle.of(pid);
        Thread watch = new Thread(() -> {
            while (launcher.map(ProcessHandle::isAlive).orElse(false)) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
            Runtime.getRuntime().halt(ExitCode.FAILED_RESUMABLE);
        }, "launcher-watch");
        watch.setDaemon(true);
        watch.start();
    }

    /**
     * The id of the process the scheduler started: in a tuned JVM, the launcher's (killing it ends the night too), so
     * that a run refused because the warehouse is busy names the process the operator knows.
     */
    static long startedProcess() {
        return launcher().orElse(ProcessHandle.current().pid());
    }

    private static OptionalLong launcher() {
        String pid = System.getProperty(TUNED_PROPERTY);
        try {
            return pid == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(pid));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static Optional<Path> jar() {
        try {
            Path source = Path.of(TunedJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(source) && source.toString().endsWith(".jar") ? Optional.of(source)
                    : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** This JVM's options: its command line up to {@code -jar}. */
    private static Optional<List<String>> jvmOptions() {
        Optional<String[]> line = ProcessHandle.current().info().arguments();
        if (line.isEmpty()) {
            return Optional.empty();
        }
        List<String> arguments = List.of(line.get());
        int jarAt = arguments.indexOf("-jar");
        return jarAt < 0 ? Optional.empty() : Optional.of(arguments.subList(0, jarAt));
    }

    private static boolean chooses(List<String> options, String... prefixes) {
        return options.stream().anyMatch(o -> Stream.of(prefixes).anyMatch(o::startsWith));
    }

    /**
     * Whether the inbox's files changed or placed there after the warehouse was last written (all of them when there
     * is no warehouse) come to less than {@value #SMALL_DELIVERY_BYTES} bytes. It only chooses the JIT: a wrong
     * guess costs time, never a fact. The change time counts as well as the modification time, because a copy that
     * keeps a file's modification time (rsync -t, cp -p) still changes it.
     */
    static boolean smallDelivery(String[] args) {
        Path inbox = RunOptions.DEFAULT_INBOX;
        Path warehouse = RunOptions.DEFAULT_WAREHOUSE;
        try {
            for (Map.Entry<String, String> pair : Cli.optionPairs(Cli.arguments(args))) {
                switch (pair.getKey()) {
                    case "--inbox" -> inbox = Path.of(pair.getValue());
                    case "--warehouse" -> warehouse = Path.of(pair.getValue());
                    default -> {
                        // other options do not change what is delivered
                    }
                }
            }
            FileTime written = Files.exists(warehouse) ? Files.getLastModifiedTime(warehouse) : FileTime.fromMillis(0);
            long bytes = 0;
            for (Path f : Inbox.files(inbox)) {
                if (arrived(f).compareTo(written) > 0) {
                    bytes += Files.size(f);
                }
            }
            return bytes < SMALL_DELIVERY_BYTES;
        } catch (IOException | RuntimeException e) {
            // The night itself reports what is wrong with its options; the JIT stays as it is.
            return false;
        }
    }

    private static FileTime arrived(Path f) throws IOException {
        FileTime modified = Files.readAttributes(f, BasicFileAttributes.class).lastModifiedTime();
        try {
            FileTime changed = (FileTime) Files.getAttribute(f, "unix:ctime");
            return changed.compareTo(modified) > 0 ? changed : modified;
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return modified;
        }
    }

    /** The class-data archive a tuned JVM starts from, or writes when it ends. */
    private record ClassArchive(List<String> options, Path written, Path archive) {

        static final ClassArchive NONE = new ClassArchive(List.of(), null, null);

        /** The JVM's notes on classes it cannot archive, and on an archive it cannot use, are not the office's. */
        private static final String QUIET = "-Xlog:cds*=off";

        static ClassArchive beside(Path jar) {
            String name = jar.getFileName().toString();
            Path archive = jar.resolveSibling(name.substring(0, name.length() - ".jar".length()) + ".jsa");
            try {
                FileTime made = Files.isRegularFile(archive) ? Files.getLastModifiedTime(archive) : null;
                Path jdk = Path.of(System.getProperty("java.home"), "lib", "modules");
                if (made != null && made.compareTo(Files.getLastModifiedTime(jar)) > 0
                        && (!Files.exists(jdk) || made.compareTo(Files.getLastModifiedTime(jdk)) > 0)) {
                    return new ClassArchive(List.of("-XX:SharedArchiveFile=" + archive, QUIET), null, archive);
                }
                if (!Files.isWritable(jar.getParent())) {
                    return NONE;
                }
            } catch (IOException e) {
                return NONE;
            }
            // Left by a launcher killed while its night wrote the archive (40 MB each).
            String prefix = "." + archive.getFileName() + ".";
            try (Stream<Path> files = Files.list(jar.getParent())) {
                for (Path f : files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList()) {
                    Files.deleteIfExists(f);
                }
            } catch (IOException e) {
                // they stay until the next night that writes the archive
            }
            Path written = archive.resolveSibling(prefix + ProcessHandle.current().pid());
            return new ClassArchive(List.of("-XX:ArchiveClassesAtExit=" + written, QUIET), written, archive);
        }

        /** After a night that wrote the archive: kept if the night completed, by a rename, so never seen half. */
        void keepIf(boolean completed) {
            if (written == null) {
                return;
            }
            try {
                if (completed && Files.isRegularFile(written)) {
                    Files.move(written, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } else {
                    Files.deleteIfExists(written);
                }
            } catch (IOException e) {
                // No archive: the next night writes one again.
            }
        }
    }
}
