package stipanel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad command lines exit 2 with a message naming what is wrong, before anything runs. */
class CliTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "run --as-of|--as-of 后面缺少它的值",
            "run --frobnicate|未知选项 '--frobnicate'",
            "run --frobnicate --inbox data-samples|未知选项 '--frobnicate'",
            "run --inbox data-samples --colour red|未知选项 '--colour'",
            "run --inbox data-samples stray|'stray' 不是选项（选项以 -- 开头，后跟它的值）",
            "run --as-of 2025-13-01|--as-of 应为日期 YYYY-MM-DD，而不是 '2025-13-01'",
            "run --pledge-threshold many|--pledge-threshold 应为数字，而不是 'many'",
            "rerun|未知命令 'rerun'"})
    void aBadCommandLineExitsTwoAndSaysWhy(String commandLine, String message) {
        // when
        Result r = cli(commandLine.split(" "));
        // then
        assertEquals(ExitCode.BAD_ARGUMENTS, r.exit());
        assertEquals("sti-panel：" + message + "\n用法见 --help。\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void aMissingInboxIsAConfigurationErrorThatSaysTheMountMayHaveFailed() {
        // when
        Result r = cli("run", "--inbox", "/nonexistent/inbox");
        // then
        assertEquals(ExitCode.BAD_ARGUMENTS, r.exit());
        assertEquals("sti-panel：收件箱 /nonexistent/inbox 不存在（--inbox）。若收件箱是挂载的共享目录，请检查它是否已挂载。\n"
                + "配置有误，本次运行没有开始（退出码 2）：改正后再运行。\n", r.err());
    }

    @Test
    void everyOptionOfRunIsInTheHelpAndNothingElse() {
        // given the options the help lists under "Options of run"
        String options = Cli.USAGE.substring(Cli.USAGE.indexOf("Options of run:"), Cli.USAGE.indexOf("Analysts'"));
        Set<String> listed = new TreeSet<>();
        Matcher m = Pattern.compile("^\\s+(--[a-z-]+)", Pattern.MULTILINE).matcher(options);
        while (m.find()) {
            listed.add(m.group(1));
        }
        // then an option the help does not list is unknown, and every listed option is read
        assertThat(listed).isEqualTo(new TreeSet<>(Cli.RUN_OPTIONS));
    }

    @Test
    void optionsComeInPairsInTheirOrder() {
        assertEquals(List.of(Map.entry("--plan", "a.yml"), Map.entry("--plan", "b.yml")),
                Cli.optionPairs(List.of("--plan", "a.yml", "--plan", "b.yml")));
    }

    record Result(int exit, String out, String err) {
    }

    static Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
