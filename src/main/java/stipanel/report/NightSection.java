package stipanel.report;

import java.util.List;

/** 一、本次运行: the night's figures, its files, the reasons rows were rejected (with examples) and files refused. */
final class NightSection {

    private NightSection() {
    }

    static void write(Html h, Night night) {
        RunSummary s = night.summary();
        h.open("section", "id", "night").element("h2", "一、本次运行");
        if (night.inboxFiles() == 0) {
            h.element("p", "收件箱中没有任何文件：若收件箱是挂载的共享目录，请检查它是否已挂载。本次运行没有装载数据。",
                    "class", "warn", "id", "empty-inbox");
        } else if (s.filesDelivered() == 0) {
            h.element("p", "没有新文件：收件箱的 " + night.inboxFiles() + " 个文件在以前的运行中都已装载过。",
                    "id", "nothing-new");
        }
        h.open("div", "class", "figures");
        figure(h, "inbox_files", "收件箱文件", night.inboxFiles());
        figure(h, "files_loaded", "已装载文件", s.filesLoaded());
        figure(h, "files_refused", "拒收文件", s.filesRefused());
        figure(h, "files_duplicate", "重复文件", s.filesDuplicate());
        figure(h, "rows_loaded", "已装载行", s.rowsLoaded());
        figure(h, "rows_rejected", "被拒绝行", s.rowsRejected());
        h.close("div");
        if (!night.files().isEmpty()) {
            h.element("h3", "本次交付的文件");
            h.open("table", "class", "files").open("thead").open("tr");
            for (String name : List.of("文件", "识别类型", "状态", "读取行", "装载行", "拒绝行", "说明")) {
                h.element("th", name);
            }
            h.close("tr").close("thead").open("tbody");
            for (Night.DeliveredFile f : night.files()) {
                h.open("tr", "data-status", f.status()).element("td", f.relativePath()).element("td", f.kind())
                        .element("td", switch (f.status()) {
                            case "loaded" -> "已装载";
                            case "refused" -> "拒收";
                            case "duplicate" -> "重复";
                            default -> f.status();
                        }, "class", f.status().equals("refused") ? "status s-behind" : "status")
                        .element("td", String.valueOf(f.rowsRead()), "class", "num")
                        .element("td", String.valueOf(f.rowsLoaded()), "class", "num")
                        .element("td", String.valueOf(f.rowsRejected()), "class", "num")
                        .element("td", f.message()).close("tr");
            }
            h.close("tbody").close("table");
        }
        if (!night.reasons().isEmpty()) {
            h.element("h3", "被拒绝的行，按原因");
            h.element("p", "每个原因列出前 " + Night.EXAMPLES + " 行；全部被拒绝的行见工作簿“数据质量”表和数据仓库视图 rejected_rows。"
                    + "改正后重新交付该文件（内容不同即为新交付），下次运行即装载。");
            h.open("table", "class", "reasons").open("thead").open("tr");
            for (String name : List.of("原因代码", "行数", "原因", "文件", "工作表", "行号", "原始内容")) {
                h.element("th", name);
            }
            h.close("tr").close("thead").open("tbody");
            int group = 0;
            for (Night.Reason reason : night.reasons()) {
                boolean first = true;
                group++;
                for (Night.Example e : reason.examples()) {
                    h.open("tr", "data-reason", reason.code(), "data-group", String.valueOf(group));
                    if (first) {
                        String rows = String.valueOf(reason.examples().size());
                        h.open("td", "rowspan", rows).element("code", reason.code()).raw("<br>")
                                .text(reason.description()).close("td")
                                .element("td", String.valueOf(reason.rows()), "class", "num", "rowspan", rows,
                                        "data-rows", String.valueOf(reason.rows()));
                        first = false;
                    }
                    h.element("td", e.reason()).element("td", e.fileName()).element("td", e.sheet())
                            .element("td", e.rowNumber() == null ? "" : String.valueOf(e.rowNumber()), "class", "num")
                            .element("td", e.raw(), "class", "raw").close("tr");
                }
            }
            h.close("tbody").close("table");
        }
        h.close("section");
    }

    private static void figure(Html h, String name, String label, long value) {
        h.open("div", "class", "figure").element("b", String.valueOf(value), "data-figure", name)
                .text(label).close("div");
    }
}
