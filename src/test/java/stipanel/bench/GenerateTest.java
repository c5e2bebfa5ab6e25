package stipanel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** generate writes deliveries the real ingest reads: valid rows load, and only the rows broken on purpose reject. */
class GenerateTest {

    @TempDir
    Path root;

    private Path generate(String dir, String seed, String badPerMille) {
        Path out = root.resolve(dir);
        int code = Generate.run(List.of("--out", out.toString(), "--seed", seed, "--patents", "3000", "--registry", "2000",
                        "--certifications", "1000", "--years", "1", "--encoding", "both", "--bad-per-mille", badPerMille),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), System.err);
        assertThat(code).isZero();
        return out;
    }

    @Test
    void applicationNumbersAreYearTypeAndSerial() {
        // their check characters come from ApplicationNumber, tested on the examples of docs/source-rules.md in ApplicationNumberTest
        assertThat(Generate.digits(2023, 1, 123456)).isEqualTo("202310123456");
    }

    @Test
    void theSameSeedWritesTheSameBytesAndGbkFilesAreTwinsOfTheUtf8Ones() throws Exception {
        // when
        Path a = generate("a", "11", "5");
        Path b = generate("b", "11", "5");
        // then
        for (String file : List.of("patents.csv", "registry.csv", "certifications.csv", "statistics.csv",
                "patents.gbk.csv")) {
            assertThat(Files.readAllBytes(a.resolve(file))).as(file).isEqualTo(Files.readAllBytes(b.resolve(file)));
        }
        assertThat(new String(Files.readAllBytes(a.resolve("patents.gbk.csv")), "GBK"))
                .isEqualTo(Files.readString(a.resolve("patents.csv")));
        assertThat(Files.readAllLines(a.resolve("statistics.csv"))).hasSize(1 + 2978 * 16);
    }

    @Test
    void everyGeneratedRowLoadsWhenNoneIsBrokenOnPurpose() throws Exception {
        // given
        Path out = generate("clean", "5", "0");
        for (String file : List.of("patents.csv", "registry.csv", "certifications.csv", "statistics.csv",
                "patents.gbk.csv", "registry.gbk.csv")) {
            // when
            long[] rows = BenchLoad.ingester(out.resolve(file), root.resolve("w-" + file), true);
            // then read = loaded, nothing rejected
            assertThat(rows[1]).as(file).isEqualTo(rows[0]).isPositive();
            assertThat(rows[2]).as(file).isZero();
        }
    }

    @Test
    void aSmallShareOfRowsIsBrokenOnPurposeAndRejected() throws Exception {
        // given 50 per mille broken
        Path out = generate("broken", "5", "50");
        // when
        long[] patents = BenchLoad.ingester(out.resolve("patents.csv"), root.resolve("w-p"), true);
        long[] gbk = BenchLoad.ingester(out.resolve("patents.gbk.csv"), root.resolve("w-g"), true);
        // then
        assertThat(patents[0]).isEqualTo(3000);
        assertThat(patents[2]).isBetween(60L, 300L);
        assertThat(gbk).containsExactly(patents);
    }
}
