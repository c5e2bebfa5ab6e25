package stipanel.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import stipanel.testing.PipelineRun;
import stipanel.workbook.WorkbookFixture;

/**
 * The morning report opened in real headless Chromium, as the office opens it: it renders with no console message
 * (no script error, nothing blocked or loaded), a screenshot shows the status colours, and the numbers in the DOM
 * Chromium built are the warehouse's.
 */
class MorningReportBrowserTest {

    static final String REPORT = "嵊泗县_科技创新指标晨报_2026-11-28.html";

    @TempDir
    static Path scratch;

    static PipelineRun run;
    static Path report;
    static Chromium chromium;
    static Chromium.Rendered rendered;
    static Document dom;

    @BeforeAll
    static void runAndRender() {
        chromium = new Chromium(scratch);
        // given the nightly run on every sample source
        run = WorkbookFixture.shared();
        report = run.out.resolve(REPORT);
        // when Chromium renders the report it wrote
        rendered = chromium.dumpDom(report);
        dom = Jsoup.parse(rendered.dom());
    }

    @Test
    void theReportRendersWithNoConsoleMessageAndLoadsNothing() throws IOException {
        // then
        assertThat(rendered.consoleMessages()).isEmpty();
        String source = Files.readString(report, StandardCharsets.UTF_8);
        assertThat(source).doesNotContain("<script", "<link", "src=", "href=", "url(", "@import", "@font-face");
        assertThat(source.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http:", "https:");
        assertThat(dom.select("meta[http-equiv=Content-Security-Policy]").attr("content"))
                .startsWith("default-src 'none';");
    }

    @Test
    void theConsoleCheckSeesAPageThatFails() throws IOException {
        // given a page with a script error and an image from the network, as a broken report would be
        Path broken = Files.writeString(scratch.resolve("broken.html"), "<!DOCTYPE html><html><head>"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\"></head><body>"
                + "<img src=\"http://example.invalid/x.png\"></body></html>", StandardCharsets.UTF_8);
        // when
        Chromium.Rendered failing = chromium.dumpDom(broken);
        // then
        assertThat(failing.consoleMessages()).isNotEmpty();
    }

    @Test
    void thePanelsNumbersInTheDomAreTheWarehouses() {
        // given the plan region's panel, as the warehouse has it
        Map<String, Object[]> panel = new HashMap<>();
        for (List<Object> r : run.rows("select indicator_code, year, value, expected_value, status, target_value"
                + " from indicator_panel where region_code = '330922' and target_value is not null")) {
            panel.put(r.get(0) + "/" + r.get(1), new Object[] {r.get(2), r.get(3), r.get(4), r.get(5)});
        }
        int latest = (Integer) run.value("select max(year) from marts.panel_years");
        // when
        List<Element> rows = dom.select("table.panel tbody tr");
        // then every value cell holds the warehouse's value, shown to within half its last decimal
        int compared = 0;
        for (Element row : rows) {
            String code = row.attr("data-indicator");
            for (Element cell : row.select("td[data-year][data-value]")) {
                Object[] p = panel.get(code + "/" + cell.attr("data-year"));
                assertThat(p).as(code + " " + cell.attr("data-year")).isNotNull();
                compared += same(cell, (Double) p[0], code + " " + cell.attr("data-year"));
            }
            Object[] now = panel.get(code + "/" + latest);
            same(row.selectFirst("td[data-target]"), (Double) now[3], code + " target");
            same(row.selectFirst("td[data-expected]"), (Double) now[1], code + " expected");
            assertThat(row.selectFirst("td[data-status]").attr("data-status")).as(code).isEqualTo(now[2]);
        }
        long values = (Long) run.value("select count(*) from indicator_panel where region_code = '330922'"
                + " and target_value is not null and value is not null and year >= 2022");
        assertThat(rows).hasSize(20);
        assertThat(compared).isEqualTo((int) values);
        // and a chart for every target
        assertThat(dom.select("table.panel svg.trend")).hasSize(20);
    }

    @Test
    void theNightsFiguresAreTheRunsViewsAndEveryRejectedRowIsCountedUnderItsReason() {
        // given
        List<Object> runs = run.rows("select files_loaded, files_refused, files_duplicate, rows_loaded, rows_rejected"
                + " from runs").get(0);
        // then
        assertThat(figure("files_loaded")).isEqualTo(runs.get(0));
        assertThat(figure("files_refused")).isEqualTo(runs.get(1));
        assertThat(figure("files_duplicate")).isEqualTo(runs.get(2));
        assertThat(figure("rows_loaded")).isEqualTo(runs.get(3));
        assertThat(figure("rows_rejected")).isEqualTo(runs.get(4));
        assertThat(dom.select("table.files tbody tr")).hasSize(((Number) run.value(
                "select count(*) from source_files")).intValue());
        long grouped = 0;
        for (Element cell : dom.select("table.reasons td[data-rows]")) {
            grouped += Long.parseLong(cell.attr("data-rows"));
        }
        assertThat(grouped).isEqualTo(runs.get(4));
        // the check characters of credit codes: three rows fail GB 32100 and two GB 11714, in three files; one
        // group of five, with its first three rows
        List<Element> uscc = dom.select("table.reasons tbody tr[data-reason=uscc_check_failed]");
        assertThat(uscc).hasSize(Night.EXAMPLES);
        assertThat(uscc.get(0).selectFirst("td[data-rows]").text()).isEqualTo("5");
        assertThat(uscc.stream().map(tr -> tr.attr("data-group")).distinct()).hasSize(1);
        // and the refused file is named with why
        assertThat(dom.select("table.files tr[data-status=refused]").text()).contains(WorkbookFixture.REFUSED_FILE);
    }

    @Test
    void theGapsAreThePanelsNullValues() {
        // given the plan region's values the panel does not have
        Set<String> missing = new HashSet<>();
        for (List<Object> r : run.rows("select indicator_code, year from indicator_panel"
                + " where region_code = '330922' and value is null")) {
            missing.add(r.get(0) + "/" + r.get(1));
        }
        // when
        Set<String> listed = new HashSet<>();
        for (Element row : dom.select("table.gaps tbody tr")) {
            for (String year : row.child(1).text().split("、")) {
                listed.add(row.attr("data-indicator") + "/" + year);
            }
        }
        // then
        assertThat(listed).isEqualTo(missing).contains("RD_INST_COVERAGE/2025");
    }

    @Test
    void aScreenshotShowsEveryStatusColour() throws IOException {
        // when
        Path png = scratch.resolve("report.png");
        Chromium.Rendered shot = chromium.screenshot(report, png, 1400, 5200);
        // then
        assertThat(shot.consoleMessages()).isEmpty();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1400);
        Map<Integer, Integer> pixels = new HashMap<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                pixels.merge(image.getRGB(x, y) & 0xFFFFFF, 1, Integer::sum);
            }
        }
        // the fills of 已达标, 符合进度, 落后 and 无数据 cells, each over at least a cell's area
        for (int colour : new int[] {0xC6EFCE, 0xDDEBF7, 0xFFC7CE, 0xEDEDED}) {
            assertThat(pixels.getOrDefault(colour, 0)).as(Integer.toHexString(colour)).isGreaterThan(1000);
        }
    }

    private static long figure(String name) {
        return Long.parseLong(dom.selectFirst("[data-figure=" + name + "]").text());
    }

    /** Checks a cell's exact value and that its text shows it rounded to its own decimals; 1 when it held one. */
    private static int same(Element cell, Double expected, String what) {
        if (expected == null) {
            assertThat(cell.text()).as(what).isEmpty();
            return 0;
        }
        String shown = cell.text().replace(",", "");
        double v = Double.parseDouble(cell.attr(cell.hasAttr("data-value") ? "data-value"
                : cell.hasAttr("data-target") ? "data-target" : "data-expected"));
        assertThat(v).as(what).isEqualTo(expected);
        int decimals = Math.max(new BigDecimal(shown).scale(), 0);
        assertThat(Double.parseDouble(shown)).as(what + " shown " + shown)
                .isCloseTo(expected, within(0.5 * Math.pow(10, -decimals) + 1e-12));
        return 1;
    }
}
