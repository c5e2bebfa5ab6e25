package stipanel.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import stipanel.testing.PipelineRun;

/**
 * Opens the workbook as the city would, with LibreOffice headless: converts it to PDF, and every sheet to CSV to read
 * back what LibreOffice computed from the file. Skips, loudly, where LibreOffice is not installed (.ci/run installs it).
 */
class LibreOfficeWorkbookTest {

    @TempDir
    static Path root;

    static PipelineRun run;
    static Path converted;

    @BeforeAll
    static void runAndConvert() throws Exception {
        Optional<Path> soffice = soffice();
        if (soffice.isEmpty()) {
            System.err.println("\n*** SKIPPED: LibreOffice (soffice) is not installed, so the workbook was NOT opened"
                    + " as the city opens it. Install libreoffice-calc-nogui and fonts-wqy-zenhei (.ci/run does). ***\n");
        }
        Assumptions.assumeTrue(soffice.isPresent(), "LibreOffice (soffice) is not installed: the workbook was NOT"
                + " opened as the city would; install libreoffice-calc-nogui fonts-wqy-zenhei (see .ci/run)");
        // given every sample source and rows that look like formulas
        run = WorkbookFixture.shared();
        converted = Files.createDirectories(root.resolve("converted"));
        Files.copy(run.out.resolve(WorkbookFixture.WORKBOOK), converted.resolve("panel.xlsx"));
        // when LibreOffice opens it and saves it as PDF and as one CSV per sheet (UTF-8, raw values)
        String profile = root.resolve("lo-profile").toUri().toString();
        convert(soffice.get(), profile, "pdf");
        convert(soffice.get(), profile, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1");
    }

    private static void convert(Path soffice, String profile, String filter) throws Exception {
        Process p = new ProcessBuilder(soffice.toString(), "-env:UserInstallation=" + profile, "--headless",
                "--norestore", "--convert-to", filter, "--outdir", converted.toString(),
                converted.resolve("panel.xlsx").toString())
                .redirectErrorStream(true).redirectOutput(root.resolve("soffice.log").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("soffice --convert-to " + filter + " did not finish in 120 s");
        }
    }

    private static Optional<Path> soffice() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "soffice");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        Path usual = Path.of("/usr/bin/soffice");
        return Files.isExecutable(usual) ? Optional.of(usual) : Optional.empty();
    }

    private static List<CSVRecord> sheet(String name) throws IOException {
        Path csv = converted.resolve("panel-" + name + ".csv");
        assertThat(csv).as("LibreOffice's CSV of sheet " + name).isRegularFile();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.parse(in).getRecords();
        }
    }

    @Test
    void libreOfficeRendersTheWorkbookAsPdf() throws IOException {
        // then
        Path pdf = converted.resolve("panel.pdf");
        assertThat(pdf).isRegularFile();
        assertThat(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(Files.size(pdf)).isGreaterThan(20_000);
    }

    @Test
    void numbersLibreOfficeReadsEqualTheWarehouses() throws IOException {
        // given
        WorkbookFixture.Panel panel = WorkbookFixture.panel(run);
        List<CSVRecord> rows = sheet("指标面板");
        List<String> header = rows.get(Tables.HEADER_ROW).toList();
        int latest = panel.byIndicator().get("SKILLED").keySet().stream().max(Integer::compare).orElseThrow();
        // when
        Map<String, CSVRecord> byCode = new HashMap<>();
        for (CSVRecord r : rows.subList(Tables.FIRST_BODY_ROW, rows.size())) {
            if (r.size() > 2 && panel.targets().containsKey(r.get(2))) {
                byCode.put(r.get(2), r);
            }
        }
        // then
        assertThat(byCode.keySet()).isEqualTo(panel.targets().keySet());
        int compared = 0;
        for (Map.Entry<String, CSVRecord> e : byCode.entrySet()) {
            Map<Integer, Object[]> years = panel.byIndicator().get(e.getKey());
            for (int y = 2023; y <= latest; y++) {
                compared += same(e.getValue().get(header.indexOf(y + "年")), years.get(y)[0], e.getKey() + " " + y);
            }
            compared += same(e.getValue().get(header.indexOf("基期值（2022年）")), years.get(2022)[0], e.getKey());
            compared += same(e.getValue().get(header.indexOf("2027年目标")), panel.targets().get(e.getKey()), e.getKey());
            compared += same(e.getValue().get(header.indexOf(latest + "年预期值")), years.get(latest)[1], e.getKey());
            assertThat(e.getValue().get(header.indexOf(latest + "年状态")))
                    .isEqualTo(Status.of((String) years.get(latest)[2]).label);
        }
        assertThat(compared).as("numbers compared").isGreaterThan(50);
    }

    @Test
    void rejectedRowsStartingWithFormulaCharactersStayTextInLibreOffice() throws IOException {
        // when
        List<String> raw = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (CSVRecord r : sheet("数据质量")) {
            if (r.size() >= 8) {
                files.add(r.get(1));
                raw.add(r.get(7));
            }
        }
        // then: had any become a formula, LibreOffice would show its result (or Err:…) instead of the text
        assertThat(raw).containsAll(WorkbookFixture.FORMULA_ROWS);
        assertThat(files).contains(WorkbookFixture.FORMULA_FILE, WorkbookFixture.REFUSED_FILE);
        assertThat(Arrays.asList(Files.readString(converted.resolve("panel-数据质量.csv")).split("\n")))
                .noneMatch(line -> line.contains("Err:") || line.contains("#NAME?"));
    }

    private static int same(String shown, Object expected, String what) {
        if (expected == null) {
            assertThat(shown).as(what).isEmpty();
            return 0;
        }
        double e = ((Number) expected).doubleValue();
        assertThat(Double.parseDouble(shown)).as(what).isCloseTo(e, within(Math.max(1e-9, Math.abs(e) * 1e-12)));
        return 1;
    }
}
