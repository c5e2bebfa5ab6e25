package stipanel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad command lines exit 2 with a message naming what is wrong, before anything runs. */
class CliTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "run --as-of|--as-of needs a value",
            "run --as-of 2025-13-01|--as-of takes a date YYYY-MM-DD, not '2025-13-01'",
            "run --colour red|unknown option '--colour'",
            "run --inbox /nonexistent/inbox|--inbox /nonexistent/inbox is not a folder",
            "run --pledge-threshold many|--pledge-threshold takes a number, not 'many'",
            "rerun|unknown command 'rerun'"})
    void aBadCommandLineExitsTwoAndSaysWhy(String commandLine, String message) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Cli.run(commandLine.split(" "), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(ExitCode.BAD_ARGUMENTS, exit);
        assertEquals("sti-panel: " + message + "\nTry --help.\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void optionsComeInPairsInTheirOrder() {
        assertEquals(List.of(Map.entry("--plan", "a.yml"), Map.entry("--plan", "b.yml")),
                Cli.optionPairs(List.of("--plan", "a.yml", "--plan", "b.yml")));
    }
}
