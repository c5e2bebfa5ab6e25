package stipanel.workbook;

import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import stipanel.workbook.Tables.Width;

/**
 * 指标面板: one row per plan target: indicator, unit, base-year value, each plan year's value (coloured by its
 * status), the target, the expected value and status of the latest panel year, why a status could not be judged
 * against an expected value, and the plan's section and wording. Indicator codes are on 各县对比 and 指标说明: this
 * sheet is printed for the city, and a code column would take the width the plan's wording needs.
 */
final class PanelSheet {

    static final String NAME = "指标面板";

    private PanelSheet() {
    }

    /** The plan years shown as columns: the panel's years after the base year. */
    static List<Integer> yearColumns(WorkbookData d) {
        return d.years().stream().filter(y -> y > d.plan().baseYear()).toList();
    }

    static void write(XSSFWorkbook wb, Styles st, WorkbookData d) {
        XSSFSheet sheet = wb.createSheet(NAME);
        WorkbookData.Plan plan = d.plan();
        int latest = d.latestYear();
        List<Integer> years = yearColumns(d);
        List<String> header = new ArrayList<>(List.of("序号", "指标", "计量单位", "基期值\n（" + plan.baseYear() + "年）"));
        List<Width> widths = new ArrayList<>(List.of(Width.fit(), Width.wrap(18), Width.fit(), Width.fit()));
        years.forEach(y -> {
            header.add(y + "年");
            widths.add(Width.atLeast(7));
        });
        header.addAll(List.of(plan.targetYear() + "年\n目标", latest + "年\n预期值", latest + "年\n状态", "状态说明",
                "规划条款与原文"));
        widths.addAll(List.of(Width.atLeast(7), Width.atLeast(7), Width.fit(), Width.wrap(16), Width.wrap(34)));
        Tables.heading(sheet, st, plan.regionName() + "科技创新体系建设主要指标监测表（" + plan.baseYear() + "—" + latest
                + "年）", "地区：" + plan.regionName() + "（" + plan.regionCode() + "）　规划：" + plan.title()
                + (plan.document() == null ? "" : "（" + plan.document() + "）") + "　" + d.dateLabel(),
                "计量单位：见各行", header.size());
        Tables.header(sheet, st, header);
        int r = Tables.FIRST_BODY_ROW;
        int n = 1;
        for (WorkbookData.Target t : d.targets()) {
            Precision precision = Precision.of(t);
            String values = Precision.format(precision.values());
            Row row = sheet.createRow(r++);
            int c = 0;
            Tables.number(row, c++, (double) n++, st.number("0"));
            Tables.text(row, c++, t.name() + (t.defined() ? "" : "（尚无指标定义）"), st.textWrap);
            Tables.text(row, c++, t.unit(), st.centered);
            Tables.number(row, c++, t.at(plan.baseYear()).value(), st.number(values));
            for (int y : years) {
                WorkbookData.Point p = t.at(y);
                Tables.number(row, c++, p.value(), st.number(values, Status.of(p.status())));
            }
            Tables.number(row, c++, t.threshold(), st.number(Precision.format(precision.target())));
            WorkbookData.Point now = t.at(latest);
            Tables.number(row, c++, now.expected(), st.number(Precision.format(precision.expected())));
            Status status = Status.of(now.status());
            Tables.text(row, c++, status == null ? "" : status.label, status == null ? st.centered : st.status(status));
            Tables.text(row, c++, t.statusNote(plan.baseYear(), years), st.textWrap);
            Tables.text(row, c, (t.section() == null ? "" : t.section() + "：") + (t.wording() == null ? ""
                    : t.wording()), st.textWrap);
        }
        int last = r - 1;
        Tables.notes(sheet, st, last, List.of(
                "资料来源：" + plan.regionName() + "统计局、财政局、人社局、科技局、市场监管局、知识产权局报送数据，"
                        + "经 sti-panel 汇总计算（数据仓库视图 indicator_panel）。",
                "注：1. 目标值为规划" + plan.targetYear() + "年目标（" + (plan.document() == null ? plan.title()
                        : plan.document()) + "）。预期值按规划进度：基期值＋（目标值－基期值）×（年份－" + plan.baseYear()
                        + "）÷" + (plan.targetYear() - plan.baseYear()) + "；累计指标自0起算（" + plan.firstYear()
                        + "年起累计）；年均增长率与全市平均差距以目标值本身为预期值；基期无数据时无预期值。",
                "　　2. 状态：已达标＝不低于目标值；符合进度＝不低于预期值；落后＝其他（含无预期值）；无数据＝该年指标值缺失。"
                        + "各年数值的底色为该年状态：绿 已达标，蓝 符合进度，红 落后，灰 无数据。无法对照预期值判断的，原因见“状态说明”。",
                "　　3. 空白单元格表示数据缺失（不以0代替），原因见“状态说明”和数据仓库 indicator_panel.null_reason。"
                        + "%、百分点、亿元 两位小数，人、家、件、项、人次 为整数；一行数值与目标值或预期值仅在更多位小数上不同时，"
                        + "该行多显示几位小数，使未达到的值不会显示得与目标值或预期值相同。"), header.size());
        Tables.finish(sheet, header.size(), last, 2, widths.toArray(Width[]::new));
    }
}
