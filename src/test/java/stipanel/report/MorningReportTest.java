package stipanel.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import stipanel.testing.PipelineRun;

/** The report's account of a night: what changed since the last run, and a night with nothing new. */
class MorningReportTest {

    static final String REPORT = "嵊泗县_科技创新指标晨报_2026-11-28.html";
    static final String REVISION = "statistics/统计局_2024年数据修订.csv";

    @Test
    void aRevisionDeliveredOvernightIsListedOldToNew(@TempDir Path root) throws IOException {
        // given a night on the statistics without the revisions of 2025-09-30
        PipelineRun run = new PipelineRun(root);
        try (var files = Files.list(PipelineRun.samples().resolve("statistics"))) {
            files.filter(f -> !f.getFileName().toString().equals("统计局_2024年数据修订.csv"))
                    .forEach(f -> run.deliver(f, "statistics/" + f.getFileName()));
        }
        run.run();
        // when the revisions arrive and the next night runs
        run.deliverSamples(REVISION).run();
        Document report = Jsoup.parse(Files.readString(run.out.resolve(REPORT), StandardCharsets.UTF_8));
        // then Shengsi's R&D intensity of 2024 is listed: R&D 7700 万元 (初步核算) → 8100 万元 (最终核实), over the
        // GDP of 140 亿元 that the national database's export gives already
        assertThat(run.exitCode).as(run.stderr).isZero();
        Element intensity = report.selectFirst(
                "table.changes tr[data-indicator=RD_INTENSITY][data-region=330922][data-year=2024]");
        assertThat(intensity.child(3).text()).isEqualTo("0.55");
        assertThat(intensity.child(4).text()).isEqualTo("0.58");
        assertThat(Double.parseDouble(intensity.child(3).attr("data-value"))).isCloseTo(0.55, within(1e-12));
        assertThat(Double.parseDouble(intensity.child(4).attr("data-value"))).isCloseTo(0.5785714285714286,
                within(1e-12));
        // and every change of the city and its counties is listed, the plan's county first
        Set<String> expected = new HashSet<>();
        for (List<Object> r : run.rows("""
                select indicator_code, region_code, year from ops.panel_changes
                where job_execution_id = (select max(run_id) from runs) and change <> 'new'
                    and (region_code = '330900' or left(region_code, 4) = '3309')""")) {
            expected.add(r.get(0) + "/" + r.get(1) + "/" + r.get(2));
        }
        List<Element> rows = report.select("table.changes tbody tr");
        Set<String> listed = new HashSet<>();
        rows.forEach(r -> listed.add(r.attr("data-indicator") + "/" + r.attr("data-region") + "/" + r.attr("data-year")));
        assertThat(listed).isEqualTo(expected).hasSize(rows.size());
        assertThat(rows.get(0).attr("data-region")).isEqualTo("330922");
        // and the night's files are the one revision
        assertThat(report.select("table.files tbody tr")).hasSize(1);
        assertThat(report.selectFirst("[data-figure=files_loaded]").text()).isEqualTo("1");
    }

    @Test
    void anEmptyInboxIsSaidFirst(@TempDir Path root) throws IOException {
        // given an inbox with nothing in it
        PipelineRun run = new PipelineRun(root).run();
        // when
        Document report = Jsoup.parse(Files.readString(run.out.resolve(REPORT), StandardCharsets.UTF_8));
        // then
        assertThat(report.selectFirst("#empty-inbox").text()).startsWith("收件箱中没有任何文件");
        assertThat(report.selectFirst("[data-figure=inbox_files]").text()).isEqualTo("0");
    }
}
