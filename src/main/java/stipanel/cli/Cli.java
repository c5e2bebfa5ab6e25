package stipanel.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import stipanel.ingest.KindDefinitions;

/** The command line: {@code run} (the default), {@code describe}, {@code export-parquet DIR}, {@code --help}. */
public final class Cli {

    static final String USAGE = """
            Usage: java -jar target/sti-panel.jar [run] [options]

            Loads every extract under the inbox into the DuckDB warehouse, computes the indicator panel and writes
            the city's workbook. With no options it runs on data-samples/ into ./warehouse/ and ./out/.

            Options of run:
              --inbox DIR              folder of delivered files, read recursively   (default data-samples)
              --warehouse FILE         the DuckDB warehouse analysts open             (default warehouse/sti-panel.duckdb)
              --out DIR                where the workbook is written                  (default out)
              --as-of YYYY-MM-DD       the panel as it stood on that date: only data published by then
              --plan FILE              a plan file (repeatable); default: the plans in jobs/plans/
              --pledge-threshold N     pledge amount in 万元 from which a patent is high-value (default 1000)
              --today YYYY-MM-DD       the run's date (dates rows without 发布日期); default: today
              --deployment DIR         a folder whose kinds/*.yml add column aliases for new exports
                                       (default: $STIPANEL_DEPLOYMENT, else none)
              --min-file-age SECONDS   a file modified more recently is still being written: the next run
                                       reads it (default 0; names like ~$*, *.part, .* are always skipped)

            A new export arrived? See how it would be read, without loading anything:
              inspect FILE… [--rows N] [--deployment DIR]
                                       format and encoding, the header row and kind found (or the nearest and
                                       what it lacks), each column bound, what titles and file name give, and
                                       the first N rows (default 5) as they would load or be rejected and why

            Analysts' commands (the warehouse opened read-only, so they never block the nightly run):
              describe [--warehouse FILE]              the views and their columns, with their comments
              describe --sql [MODEL|INDICATOR]         the panel's SQL as the build runs it, model by model in
                                                       build order; for a model or an indicator code (such as
                                                       HV_INV_PATENTS) what it is computed from, and where
              export-parquet DIR [--warehouse FILE]    the fact tables and the panel as Parquet files in DIR

            Exit codes:
              0  the run completed (even with rejected rows or refused files)
              1  the run failed; the next run with the same options resumes where it stopped
              2  a configuration error, found before any work: bad arguments, a plan file that does not read
                 (file and line named), an out or warehouse folder that cannot be made, or a warehouse file this
                 release must not write (not DuckDB, or made by a newer release; the file is left as it is)
              3  another run holds the warehouse (its process id and start time are printed)
            """;

    /** The options of {@code run}, as USAGE lists them: anything else is an unknown option, not a missing value. */
    static final Set<String> RUN_OPTIONS = Set.of("--inbox", "--warehouse", "--out", "--as-of", "--today", "--plan",
            "--pledge-threshold", "--deployment", "--min-file-age");

    private Cli() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (asksForHelp(args)) {
            out.print(USAGE);
            return ExitCode.COMPLETED;
        }
        String command = command(args);
        List<String> a = arguments(args);
        try {
            return switch (command) {
                case "run" -> NightlyRun.execute(parseRun(a), out, err);
                case "describe" -> AnalystCommands.describe(a, out, err);
                case "export-parquet" -> AnalystCommands.exportParquet(a, out, err);
                case "inspect" -> Inspect.run(a, out, err);
                default -> throw new IllegalArgumentException("未知命令 '" + command + "'");
            };
        } catch (IllegalArgumentException e) {
            err.println("sti-panel：" + e.getMessage());
            err.println("用法见 --help。");
            return ExitCode.BAD_ARGUMENTS;
        }
    }

    static boolean asksForHelp(String[] args) {
        return List.of(args).contains("--help") || List.of(args).contains("-h");
    }

    /** The command a command line names: {@code run} when it names none (it is empty or starts with an option). */
    static String command(String[] args) {
        return args.length == 0 || args[0].startsWith("--") ? "run" : args[0];
    }

    /** The command line's arguments after its command. */
    static List<String> arguments(String[] args) {
        List<String> a = new ArrayList<>(List.of(args));
        if (!a.isEmpty() && !a.get(0).startsWith("--")) {
            a.remove(0);
        }
        return a;
    }

    static RunOptions parseRun(List<String> args) {
        RunOptions o = RunOptions.defaults();
        Path inbox = o.inbox();
        Path warehouse = o.warehouse();
        Path outDir = o.out();
        LocalDate asOf = null;
        LocalDate today = null;
        Double pledge = null;
        long minFileAge = 0;
        List<Path> plans = new ArrayList<>();
        Path deployment = KindDefinitions.deploymentFromEnvironment();
        for (int i = 0; i < args.size(); i += 2) {
            if (!RUN_OPTIONS.contains(args.get(i))) {
                throw new IllegalArgumentException(args.get(i).startsWith("-") ? "未知选项 '" + args.get(i) + "'"
                        : "'" + args.get(i) + "' 不是选项（选项以 -- 开头，后跟它的值）");
            }
        }
        for (Map.Entry<String, String> pair : optionPairs(args)) {
            String option = pair.getKey();
            String value = pair.getValue();
            switch (option) {
                case "--inbox" -> inbox = Path.of(value);
                case "--warehouse" -> warehouse = Path.of(value);
                case "--out" -> outDir = Path.of(value);
                case "--as-of" -> asOf = date(option, value);
                case "--today" -> today = date(option, value);
                case "--plan" -> plans.add(Path.of(value));
                case "--pledge-threshold" -> pledge = number(option, value);
                case "--deployment" -> deployment = Path.of(value);
                case "--min-file-age" -> minFileAge = seconds(option, value);
                default -> throw new IllegalStateException("RUN_OPTIONS lists " + option + " but run does not read it");
            }
        }
        if (deployment != null) {
            if (!Files.isDirectory(deployment)) {
                throw new IllegalArgumentException("部署配置文件夹 --deployment " + deployment + " 不是文件夹");
            }
            try {
                KindDefinitions.of(deployment);
            } catch (KindDefinitions.DefinitionException e) {
                throw new IllegalArgumentException("部署配置有误：" + e.getMessage());
            }
        }
        return new RunOptions(inbox, warehouse, outDir, asOf, List.copyOf(plans), pledge, today, deployment, minFileAge);
    }

    /** The {@code --option value} pairs of a command line, in order; an option without its value is an error. */
    public static List<Map.Entry<String, String>> optionPairs(List<String> args) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        for (int i = 0; i < args.size(); i += 2) {
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(args.get(i) + " 后面缺少它的值");
            }
            pairs.add(Map.entry(args.get(i), args.get(i + 1)));
        }
        return pairs;
    }

    private static LocalDate date(String option, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " 应为日期 YYYY-MM-DD，而不是 '" + value + "'");
        }
    }

    private static long seconds(String option, String value) {
        try {
            long seconds = Long.parseLong(value);
            if (seconds >= 0) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException(option + " takes a number of seconds, not '" + value + "'");
    }

    private static double number(String option, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " 应为数字，而不是 '" + value + "'");
        }
    }
}
