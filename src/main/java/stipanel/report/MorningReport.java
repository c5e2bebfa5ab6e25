package stipanel.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import stipanel.output.AtomicFile;
import stipanel.workbook.Precision;
import stipanel.workbook.Status;
import stipanel.workbook.WorkbookData;

/**
 * The office's morning report: one self-contained HTML page per plan, beside the workbook, that a person opens in any
 * browser without a network (no script, no external file or font; the page forbids itself to load any). It shows the
 * night's run (files by status, rows, rejections grouped by reason with examples), what changed in the panel since
 * the last run, the plan's panel with its status colours and a small chart per target, and the data gaps.
 */
public final class MorningReport {

    /** The changes listed by value; the rest are counted, and all are in ops.panel_changes. */
    static final int MAX_CHANGES = 200;

    private MorningReport() {
    }

    public static String fileName(String regionName, LocalDate date) {
        return regionName + "_科技创新指标晨报_" + date + ".html";
    }

    /** Writes the report of each plan's {@code data} (the workbook's) into {@code outDir}, each beside and renamed. */
    public static List<Path> write(Connection c, Path outDir, List<WorkbookData> plans, LocalDate runDate,
                                   long jobInstanceId, int inboxFiles) throws SQLException, IOException {
        Files.createDirectories(outDir);
        Night night = Night.load(c, jobInstanceId, inboxFiles);
        List<Path> written = new ArrayList<>();
        for (WorkbookData data : plans) {
            String page = page(data, night, Change.load(c, jobInstanceId, data.plan()), Gap.load(c, data.plan()),
                    runDate);
            Path target = outDir.resolve(fileName(data.plan().regionName(), data.date()));
            AtomicFile.write(target, out -> out.write(page.getBytes(StandardCharsets.UTF_8)));
            written.add(target);
        }
        return written;
    }

    static String page(WorkbookData d, Night night, List<Change> changes, List<Gap> gaps, LocalDate runDate) {
        String title = d.plan().regionName() + "科技创新指标晨报";
        Html h = new Html().raw("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
                .raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                        + "style-src 'unsafe-inline'; img-src data:\">")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .element("title", title + " " + d.date()).raw("<style>").raw(CSS).raw(statusColours())
                .raw("</style></head><body>");
        h.open("header").element("h1", title)
                .element("p", d.dateLabel() + "　运行日期 " + runDate + "　规划：" + d.plan().title()
                        + (d.plan().document() == null ? "" : "（" + d.plan().document() + "）"), "class", "sub")
                .close("header");
        NightSection.write(h, night);
        changes(h, night.summary(), changes);
        panel(h, d);
        gaps(h, gaps);
        h.open("footer").element("h2", "五、在哪里查看").open("ul")
                .element("li", "全部拒收文件与被拒绝的行：工作簿“数据质量”表；数据仓库视图 source_files、rejected_rows。")
                .element("li", "面板全部数值及空值原因：数据仓库视图 indicator_panel（value、null_reason）。")
                .element("li", "每次运行的变化：数据仓库表 ops.panel_changes，运行记录视图 runs。")
                .element("li", "打印给市里的表格：同一文件夹中的工作簿 " + d.plan().regionName() + "_科技创新指标面板_"
                        + d.date() + ".xlsx。")
                .close("ul").close("footer");
        return h.raw("</body></html>\n").toString();
    }

    private static void changes(Html h, RunSummary s, List<Change> changes) {
        h.open("section", "id", "changes").element("h2", "二、自上次运行以来的变化");
        h.element("p", "面板数值：" + s.valuesChanged() + " 个变化、" + s.valuesNew() + " 个新增、" + s.valuesRemoved()
                + " 个删除" + (s.indicatorsChanged().isEmpty() ? "。" : "；涉及指标 "
                + String.join("、", s.indicatorsChanged()) + "。"), "data-figure", "values_changed",
                "data-value", String.valueOf(s.valuesChanged()));
        List<Change> listed = changes.stream().filter(c -> !c.change().equals("new")).toList();
        if (listed.isEmpty()) {
            h.element("p", s.valuesNew() > 0 && s.valuesChanged() == 0
                    ? "本次新建的面板数值没有可比的上次数值。" : "没有数值变化。");
        } else {
            h.open("table", "class", "changes").open("thead").open("tr");
            for (String name : List.of("指标", "地区", "年份", "原值", "新值", "变化")) {
                h.element("th", name);
            }
            h.close("tr").close("thead").open("tbody");
            for (Change c : listed.subList(0, Math.min(listed.size(), MAX_CHANGES))) {
                int decimals = decimalsApart(c.previous(), c.value());
                h.open("tr", "data-indicator", c.indicator(), "data-region", c.region(), "data-year",
                        String.valueOf(c.year())).element("td", c.indicatorName()).element("td", c.regionName())
                        .element("td", String.valueOf(c.year()))
                        .element("td", shown(c.previous(), decimals), "class", "num", "data-value", exact(c.previous()))
                        .element("td", shown(c.value(), decimals), "class", "num", "data-value", exact(c.value()))
                        .element("td", c.change().equals("removed") ? "删除" : "变化").close("tr");
            }
            h.close("tbody").close("table");
            if (listed.size() > MAX_CHANGES) {
                h.element("p", "只列出前 " + MAX_CHANGES + " 个；全部变化见数据仓库表 ops.panel_changes。");
            }
        }
        h.close("section");
    }

    private static void panel(Html h, WorkbookData d) {
        WorkbookData.Plan plan = d.plan();
        int latest = d.latestYear();
        List<Integer> years = d.years().stream().filter(y -> y > plan.baseYear()).toList();
        h.open("section", "id", "panel").element("h2", "三、规划指标面板（" + plan.baseYear() + "—" + latest + "年）");
        h.open("p", "class", "legend").text("各年数值的底色为该年状态：");
        for (Status s : Status.values()) {
            h.element("span", s.label, "class", "s-" + s.code);
        }
        h.text("。图中实线为实际值，虚线为规划进度，点线为" + plan.targetYear() + "年目标。").close("p");
        h.open("table", "class", "panel").open("thead").open("tr");
        List<String> header = new ArrayList<>(List.of("序号", "指标", "计量单位", "基期值（" + plan.baseYear() + "年）"));
        years.forEach(y -> header.add(y + "年"));
        header.addAll(List.of(plan.targetYear() + "年目标", latest + "年预期值", latest + "年状态", "趋势", "状态说明"));
        header.forEach(name -> h.element("th", name));
        h.close("tr").close("thead").open("tbody");
        int n = 1;
        for (WorkbookData.Target t : d.targets()) {
            Precision p = Precision.of(t);
            h.open("tr", "data-indicator", t.indicator()).element("td", String.valueOf(n++), "class", "num")
                    .element("td", t.name() + (t.defined() ? "" : "（尚无指标定义）")).element("td", t.unit());
            value(h, t, plan.baseYear(), p.values(), false);
            for (int y : years) {
                value(h, t, y, p.values(), true);
            }
            h.element("td", Precision.show(t.threshold(), p.target()), "class", "num", "data-target",
                    exact(t.threshold()));
            WorkbookData.Point now = t.at(latest);
            h.element("td", shown(now.expected(), p.expected()), "class", "num", "data-expected",
                    exact(now.expected()), "data-year", String.valueOf(latest));
            Status status = now.status() == null ? null : Status.of(now.status());
            h.element("td", status == null ? "" : status.label, "class", status == null ? "status" : "status s-"
                    + status.code, "data-status", now.status());
            h.open("td", "class", "chart").raw(Sparkline.svg(t, plan, d.latestYear(), p)).close("td");
            h.element("td", t.statusNote(plan.baseYear(), years), "class", "note");
            h.close("tr");
        }
        h.close("tbody").close("table").close("section");
    }

    private static void value(Html h, WorkbookData.Target t, int year, int decimals, boolean coloured) {
        WorkbookData.Point p = t.at(year);
        String css = "num" + (coloured && p.status() != null ? " s-" + p.status() : "");
        h.element("td", shown(p.value(), decimals), "class", css, "data-year", String.valueOf(year),
                "data-value", exact(p.value()));
    }

    private static void gaps(Html h, List<Gap> gaps) {
        h.open("section", "id", "gaps").element("h2", "四、数据缺口");
        if (gaps.isEmpty()) {
            h.element("p", "本县所有指标各年均有数值。").close("section");
            return;
        }
        h.element("p", "下列指标在这些年份没有数值（空值不以0代替），原因如下；补报所缺数据后，下次运行即补上。");
        h.open("table", "class", "gaps").open("thead").open("tr").element("th", "指标").element("th", "年份")
                .element("th", "原因").close("tr").close("thead").open("tbody");
        for (Gap g : gaps) {
            h.open("tr", "data-indicator", g.indicator()).element("td", g.indicatorName())
                    .element("td", String.join("、", g.years().stream().map(String::valueOf).toList()))
                    .element("td", g.reason()).close("tr");
        }
        h.close("tbody").close("table").close("section");
    }

    /** The fewest decimals, from two, at which two different values show differently. */
    static int decimalsApart(Double a, Double b) {
        int d = 2;
        while (a != null && b != null && !a.equals(b) && d < 10
                && Precision.show(a, d).equals(Precision.show(b, d))) {
            d++;
        }
        return d;
    }

    static String shown(Double v, int decimals) {
        return v == null ? "" : Precision.show(v, decimals);
    }

    /** The value as the warehouse holds it, for a reader that wants every digit (and for the tests). */
    static String exact(Double v) {
        return v == null ? "" : BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** A panel value that changed since the last run. */
    record Change(String indicator, String indicatorName, String region, String regionName, int year, Double previous,
                  Double value, String change) {

        /** The changes in the plan's city and its counties, the plan's region first; at most one more than shown. */
        static List<Change> load(Connection c, long jobInstanceId, WorkbookData.Plan plan) throws SQLException {
            List<Change> changes = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("with " + RunSummary.EXECUTIONS + """
                    select change.indicator_code, coalesce(indicator.name_zh, change.indicator_code), change.region_code,
                           region.name, change.year, change.previous_value, change.value, change.change
                    from ops.panel_changes as change
                    join ref.regions as region on region.code = change.region_code
                    left join ref.indicators as indicator on indicator.code = change.indicator_code
                    where change.job_execution_id in (select run_id from executions)
                        and (region.code = ? or region.city_code = ?) and change.change <> 'new'
                    order by change.region_code <> ?, change.region_code, indicator.rowid, change.year
                    limit ?
                    """)) {
                p.setLong(1, jobInstanceId);
                p.setString(2, plan.cityCode());
                p.setString(3, plan.cityCode());
                p.setString(4, plan.regionCode());
                p.setInt(5, MAX_CHANGES + 1);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        changes.add(new Change(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                                r.getInt(5), WorkbookData.nullable(r, 6), WorkbookData.nullable(r, 7), r.getString(8)));
                    }
                }
            }
            return changes;
        }
    }

    /** An indicator of the plan's region without a value in some years, for one reason. */
    record Gap(String indicator, String indicatorName, List<Integer> years, String reason) {

        static List<Gap> load(Connection c, WorkbookData.Plan plan) throws SQLException {
            Map<String, Gap> gaps = new LinkedHashMap<>();
            try (PreparedStatement p = c.prepareStatement("""
                    select panel.indicator_code, coalesce(panel.indicator_name, panel.indicator_code), panel.year,
                           coalesce(panel.null_reason, '尚无指标定义')
                    from main.indicator_panel as panel
                    left join ref.indicators as indicator on indicator.code = panel.indicator_code
                    where panel.region_code = ? and panel.value is null
                    order by indicator.rowid nulls last, panel.indicator_code, panel.year
                    """)) {
                p.setString(1, plan.regionCode());
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        String code = r.getString(1);
                        String name = r.getString(2);
                        String reason = r.getString(4);
                        gaps.computeIfAbsent(code + "\u0000" + reason, k -> new Gap(code, name, new ArrayList<>(), reason))
                                .years().add(r.getInt(3));
                    }
                }
            }
            return List.copyOf(gaps.values());
        }
    }

    /** The status colours of the workbook, as CSS classes s-achieved, s-on_track, … */
    private static String statusColours() {
        StringBuilder css = new StringBuilder();
        for (Status s : Status.values()) {
            css.append(".s-").append(s.code).append("{background:#").append(s.fill).append(";color:#").append(s.font)
                    .append("}\n");
        }
        return css.toString();
    }

    static final String CSS = """
            body{font-family:"Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Zen Hei","Microsoft YaHei",\
            "PingFang SC",sans-serif;margin:24px;color:#222;font-size:14px;line-height:1.45}
            h1{font-size:22px;margin:0}
            h2{font-size:17px;margin:28px 0 8px;border-bottom:2px solid #1F4E78;padding-bottom:3px;color:#1F4E78}
            h3{font-size:15px;margin:16px 0 6px}
            .sub{color:#555;margin:4px 0 0}
            table{border-collapse:collapse;margin:6px 0}
            th,td{border:1px solid #bbb;padding:3px 6px;vertical-align:middle}
            th{background:#F2F2F2;font-weight:600}
            td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
            td.status{text-align:center;font-weight:600;white-space:nowrap}
            td.note{max-width:22em;font-size:12px;color:#444}
            td.chart{padding:1px 4px}
            .figures{display:flex;flex-wrap:wrap;gap:10px;margin:8px 0}
            .figure{border:1px solid #ccc;border-radius:4px;padding:6px 12px;min-width:7em}
            .figure b{display:block;font-size:20px}
            .warn{background:#FFF2CC;border:1px solid #D6A700;padding:8px 12px;margin:8px 0}
            .raw{font-family:monospace;font-size:12px;white-space:pre-wrap;word-break:break-all;max-width:40em}
            .legend span{padding:1px 6px;margin:0 3px}
            footer{margin-top:24px;color:#444}
            @media print{body{margin:0;font-size:11px}h2{break-after:avoid}tr{break-inside:avoid}}
            """;
}
