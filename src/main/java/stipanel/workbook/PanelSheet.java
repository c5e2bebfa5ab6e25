package stipanel.workbook;

import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * 指标面板: one row per plan target: indicator, unit, base-year value, each plan year's value (coloured by its
 * status), the target, and the expected value and status of the latest panel year.
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
        List<String> header = new ArrayList<>(List.of("序号", "指标", "指标代码", "计量单位",
                "基期值（" + plan.baseYear() + "年）"));
        years.forEach(y -> header.add(y + "年"));
        header.addAll(List.of(plan.targetYear() + "年目标", latest + "年预期值", latest + "年状态", "规划条款",
                "规划原文"));
        int[] widths = new int[header.size()];
        int[] fixed = {6, 34, 24, 9, 12};
        for (int i = 0; i < widths.length; i++) {
            widths[i] = i < fixed.length ? fixed[i] : 12;
        }
        widths[widths.length - 2] = 34;
        widths[widths.length - 1] = 48;
        Tables.heading(sheet, st, plan.regionName() + "科技创新体系建设主要指标监测表（" + plan.baseYear() + "—" + latest
                + "年）", "地区：" + plan.regionName() + "（" + plan.regionCode() + "）　规划：" + plan.title()
                + (plan.document() == null ? "" : "（" + plan.document() + "）") + "　" + d.dateLabel(),
                "计量单位：见各行", header.size());
        Tables.header(sheet, st, header, widths);
        int r = Tables.FIRST_BODY_ROW;
        int n = 1;
        for (WorkbookData.Target t : d.targets()) {
            String format = Styles.formatFor(t.unit(), t.integral());
            Row row = sheet.createRow(r++);
            int c = 0;
            Tables.number(row, c++, (double) n++, st.number("0"));
            Tables.text(row, c++, t.name() + (t.defined() ? "" : "（尚无指标定义）"), st.text);
            Tables.text(row, c++, t.indicator(), st.text);
            Tables.text(row, c++, t.unit(), st.centered);
            Tables.number(row, c++, t.at(plan.baseYear()).value(), st.number(format));
            for (int y : years) {
                WorkbookData.Point p = t.at(y);
                Tables.number(row, c++, p.value(), st.number(format, Status.of(p.status())));
            }
            Tables.number(row, c++, t.threshold(), st.number(format));
            WorkbookData.Point now = t.at(latest);
            Tables.number(row, c++, now.expected(), st.number(format));
            Status status = Status.of(now.status());
            Tables.text(row, c++, status == null ? "" : status.label, status == null ? st.centered : st.status(status));
            Tables.text(row, c++, t.section(), st.textWrap);
            Tables.text(row, c, t.wording(), st.textWrap);
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
                        + "各年数值的底色为该年状态：绿 已达标，蓝 符合进度，红 落后，灰 无数据。",
                "　　3. 空白单元格表示数据缺失（不以0代替），原因见数据仓库 indicator_panel.null_reason；"
                        + "%、百分点 两位小数，亿元 两位小数，人、家、件、项、人次 为整数。"));
        Tables.finish(sheet, header.size(), last, 3);
    }
}
