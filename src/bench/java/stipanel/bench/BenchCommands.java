package stipanel.bench;

import java.util.ArrayList;
import java.util.List;

import stipanel.cli.ExitCode;

/**
 * The benchmark and the generator of national-scale deliveries, kept out of the product jar (issue 16): run through
 * {@code src/bench/bench COMMAND …}, which compiles them with the tests and puts the product and its dependencies on
 * the class path. {@link Benchmark} starts its child JVMs here too.
 */
public final class BenchCommands {

    static final String USAGE = """
            Usage: src/bench/bench COMMAND [options]

              generate --out DIR …          national-scale synthetic deliveries (--help for the options)
              benchmark --data DIR …        each file loaded by DuckDB's read_csv and by sti-panel, side by side
              bench-load PATH FILE WORK     one load path in this JVM, printing a RESULT line (the benchmark's child)
              bench-panel WAREHOUSE [OUT]   buildPanel (a full build unless --incremental) and the workbook, timed on a copy
              profile …                     a load under Java Flight Recorder
            """;

    private BenchCommands() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        List<String> a = new ArrayList<>(List.of(args));
        String command = a.isEmpty() ? "" : a.remove(0);
        return switch (command) {
            case "generate" -> Generate.run(a, System.out, System.err);
            case "benchmark" -> Benchmark.run(a, System.out, System.err);
            case "bench-load" -> BenchLoad.run(a, System.out, System.err);
            case "bench-panel" -> BenchPanel.run(a, System.out, System.err);
            case "profile" -> Profile.run(a, System.out, System.err);
            default -> {
                System.err.print(USAGE);
                yield ExitCode.BAD_ARGUMENTS;
            }
        };
    }
}
