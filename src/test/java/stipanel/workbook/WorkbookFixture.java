package stipanel.workbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import stipanel.testing.PipelineRun;

/** A run on every sample source plus an extract whose rejected rows look like spreadsheet formulas. */
public final class WorkbookFixture {

    static final String WORKBOOK = "嵊泗县_科技创新指标面板_2026-11-28.xlsx";
    static final String FORMULA_FILE = "=1+1_人社局补报.csv";
    public static final String REFUSED_FILE = "@联络员名单.txt";
    /** Rows whose 年份 is no year, each starting with a character a spreadsheet reads as a formula. */
    static final List<String> FORMULA_ROWS = List.of(
            "=1+2,330922,嵊泗县,技能人才总量,1,人,最终核实,2025-03-01",
            "+3-1,330922,嵊泗县,技能人才总量,1,人,最终核实,2025-03-01",
            "-4+1,330922,嵊泗县,技能人才总量,1,人,最终核实,2025-03-01",
            "@SUM(A1),330922,嵊泗县,技能人才总量,1,人,最终核实,2025-03-01");

    /**
     * An extract with {@link DataQualitySheet#SHOWN_PER_REASON} + 3 rows whose 年份 is no year (row 2 on) and two of
     * an unknown region code (its last rows): the sheet lists 100 of the first reason, counts the 3 others, and lists
     * both of the second.
     */
    static final String MANY_REJECTED_FILE = "技能人才_各乡镇补报.csv";

    private static final String STATISTICS_HEADER = "年份,地区代码,地区名称,指标名称,数值,计量单位,数据状态,发布日期\n";

    private static PipelineRun shared;

    private WorkbookFixture() {
    }

    /** One run shared by the workbook tests of this JVM (each takes seconds); its folder is deleted at exit. */
    public static synchronized PipelineRun shared() {
        if (shared == null) {
            try {
                Path root = Files.createTempDirectory("sti-panel-workbook-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
                shared = run(root);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    private static void delete(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }

    static PipelineRun run(Path root) {
        PipelineRun run = new PipelineRun(root);
        try (Stream<Path> sources = Files.list(PipelineRun.samples())) {
            for (Path source : sources.filter(Files::isDirectory).toList()) {
                run.deliverSamples(source.getFileName().toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run.deliverText(FORMULA_FILE, STATISTICS_HEADER + String.join("\n", FORMULA_ROWS) + "\n", StandardCharsets.UTF_8);
        StringBuilder many = new StringBuilder(STATISTICS_HEADER);
        for (int i = 1; i <= 103; i++) {
            many.append("待定,330922,嵊泗县,技能人才总量,").append(i).append(",人,最终核实,2025-03-01\n");
        }
        many.append("2024,339999,嵊泗县,技能人才总量,1,人,最终核实,2025-03-01\n".repeat(2));
        run.deliverText(MANY_REJECTED_FILE, many.toString(), StandardCharsets.UTF_8);
        run.deliverText(REFUSED_FILE, "=cmd|' /C calc'!A0\n", StandardCharsets.UTF_8);
        run.run();
        if (run.exitCode != 0) {
            throw new IllegalStateException(run.stderr);
        }
        return run;
    }

    /**
     * indicator → year → [value, expected, status] of Shengsi's plan targets, target by indicator, and the code of
     * each indicator name.
     */
    record Panel(Map<String, Map<Integer, Object[]>> byIndicator, Map<String, Double> targets,
                 Map<String, String> codes) {
    }

    static Panel panel(PipelineRun run) {
        Map<String, Map<Integer, Object[]>> byIndicator = new HashMap<>();
        Map<String, Double> targets = new HashMap<>();
        Map<String, String> codes = new HashMap<>();
        for (List<Object> r : run.rows("select indicator_code, year, value, expected_value, status, target_value,"
                + " indicator_name from indicator_panel where region_code = '330922' and target_value is not null")) {
            byIndicator.computeIfAbsent((String) r.get(0), k -> new HashMap<>())
                    .put((Integer) r.get(1), new Object[] {r.get(2), r.get(3), r.get(4)});
            targets.put((String) r.get(0), ((Number) r.get(5)).doubleValue());
            codes.put((String) r.get(6), (String) r.get(0));
        }
        return new Panel(byIndicator, targets, codes);
    }
}
