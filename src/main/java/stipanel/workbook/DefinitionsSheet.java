package stipanel.workbook;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import stipanel.workbook.Tables.Width;

/**
 * 指标说明: each indicator's name, definition (formula), unit and source, the plan's target for it, and the method of
 * the unofficial composite index.
 */
final class DefinitionsSheet {

    static final String NAME = "指标说明";

    static final List<String> STI_INDEX_METHOD = List.of(
            "科技创新指数（STI_INDEX）为 sti-panel 测算的非官方指数，浙江省科技创新指数的权重未公开，本指数不能替代官方指数。",
            "方法：1. 指标：各规划目标中以线性进度考核的指标（水平值与比率；累计指标、年均增长率与全市差距不参与）。",
            "　　2. 标准化：每项指标在同一市所辖各县、数据中全部年份范围内做极差（min–max）标准化，映射到60—100："
                    + "得分＝60＋40×（值－最小值）÷（最大值－最小值）（越低越好的指标反向）；最大值等于最小值的指标不参与。",
            "　　3. 合成：等权重，取该县当年与基期均有得分的指标的平均得分。",
            "　　4. 指数：当年平均得分 ÷ 基期平均得分 × 100（基期＝100）；无可比指标时为空。");

    private DefinitionsSheet() {
    }

    static void write(XSSFWorkbook wb, Styles st, WorkbookData d) {
        XSSFSheet sheet = wb.createSheet(NAME);
        List<String> header = List.of("序号", "指标代码", "指标名称", "英文名称", "计量单位", "计算公式（定义）", "数据来源",
                "规划目标", "规划条款与原文");
        Tables.heading(sheet, st, d.plan().regionName() + "科技创新指标说明（" + d.plan().baseYear() + "—"
                + d.plan().targetYear() + "年规划）", "指标定义 jobs/indicators/（每个指标一个文件）；规划 " + d.plan().title(),
                null, header.size());
        Tables.header(sheet, st, header);
        Map<String, WorkbookData.Target> targets = new HashMap<>();
        d.targets().forEach(t -> targets.put(t.indicator(), t));
        int r = Tables.FIRST_BODY_ROW;
        int n = 1;
        for (WorkbookData.Indicator i : d.indicators()) {
            Row row = sheet.createRow(r++);
            Tables.number(row, 0, (double) n++, st.number("0"));
            Tables.text(row, 1, i.code(), st.text);
            Tables.text(row, 2, i.name(), st.textWrap);
            Tables.text(row, 3, i.nameEn(), st.textWrap);
            Tables.text(row, 4, i.unit(), st.centered);
            Tables.text(row, 5, i.formula(), st.textWrap);
            Tables.text(row, 6, i.source(), st.textWrap);
            target(row, st, targets.remove(i.code()));
        }
        for (WorkbookData.Target t : d.targets()) {
            if (targets.containsKey(t.indicator())) {
                Row row = sheet.createRow(r++);
                Tables.number(row, 0, (double) n++, st.number("0"));
                Tables.text(row, 1, t.indicator(), st.text);
                Tables.text(row, 2, t.name(), st.textWrap);
                Tables.text(row, 3, "", st.text);
                Tables.text(row, 4, "", st.centered);
                Tables.text(row, 5, "尚无指标定义（jobs/indicators/ 中无此代码），面板显示为无数据", st.textWrap);
                Tables.text(row, 6, "", st.textWrap);
                target(row, st, t);
            }
        }
        Row row = sheet.createRow(r++);
        Tables.number(row, 0, (double) n, st.number("0"));
        Tables.text(row, 1, "STI_INDEX", st.text);
        Tables.text(row, 2, ComparisonSheet.STI_INDEX_NAME, st.textWrap);
        Tables.text(row, 3, "Composite S&T innovation index (unofficial)", st.textWrap);
        Tables.text(row, 4, "基期＝100", st.centered);
        Tables.text(row, 5, "同市各县各年极差标准化（60—100）、等权平均，当年÷基期×100，详见表下说明", st.textWrap);
        Tables.text(row, 6, "本表所列指标（数据仓库视图 sti_index）", st.textWrap);
        Tables.text(row, 7, "", st.text);
        Tables.text(row, 8, "", st.text);
        int last = r - 1;
        List<String> notes = new java.util.ArrayList<>(List.of(
                "资料来源：指标目录 jobs/indicators/（每项指标一个 SQL 文件），规划 jobs/plans/；数据仓库 ref.indicators、ref.plan_targets。"));
        notes.addAll(STI_INDEX_METHOD);
        Tables.notes(sheet, st, last, notes, header.size());
        Tables.finish(sheet, header.size(), last, 2, Width.fit(), Width.fit(), Width.wrap(16), Width.wrap(18),
                Width.fit(), Width.wrap(28), Width.wrap(18), Width.fit(), Width.wrap(26));
    }

    private static void target(Row row, Styles st, WorkbookData.Target t) {
        if (t == null) {
            Tables.text(row, 7, "", st.text);
            Tables.text(row, 8, "", st.text);
            return;
        }
        String direction = "at_most".equals(t.direction()) ? "≤" : "≥";
        Tables.text(row, 7, direction + format(t.threshold()), st.centered);
        Tables.text(row, 8, (t.section() == null ? "" : t.section() + "：") + (t.wording() == null ? "" : t.wording()),
                st.textWrap);
    }

    private static String format(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
