package stipanel.workbook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import stipanel.workbook.Tables.Width;

/** 各县对比: every indicator for the plan region's city and all its counties, side by side, in the latest year. */
final class ComparisonSheet {

    static final String NAME = "各县对比";
    static final String STI_INDEX_NAME = "科技创新指数（非官方，基期＝100）";

    private ComparisonSheet() {
    }

    static void write(XSSFWorkbook wb, Styles st, WorkbookData d) {
        XSSFSheet sheet = wb.createSheet(NAME);
        WorkbookData.Plan plan = d.plan();
        int year = d.latestYear();
        List<String> header = new ArrayList<>(List.of("序号", "指标", "指标代码", "计量单位"));
        List<Width> widths = new ArrayList<>(List.of(Width.fit(), Width.wrap(20), Width.fit(), Width.fit()));
        d.comparisonRegions().forEach(r -> {
            header.add(r.name());
            widths.add(Width.atLeast(8));
        });
        Map<String, WorkbookData.Target> targets = new HashMap<>();
        d.targets().forEach(t -> targets.put(t.indicator(), t));
        String city = plan.cityName() == null ? "" : plan.cityName();
        Tables.heading(sheet, st, year + "年" + city + "各县（区）科技创新主要指标对比",
                "地区：" + city + "及所辖县（区）　年份：" + year + "年　" + d.dateLabel(), "计量单位：见各行",
                header.size());
        Tables.header(sheet, st, header);
        int r = Tables.FIRST_BODY_ROW;
        int n = 1;
        for (WorkbookData.Indicator indicator : d.indicators()) {
            boolean integral = true;
            for (WorkbookData.Region region : d.comparisonRegions()) {
                Double v = value(d.latestValues(), region.code(), indicator.code());
                integral &= v == null || v == Math.rint(v);
            }
            String format = Styles.formatFor(indicator.unit(), integral);
            WorkbookData.Target target = targets.get(indicator.code());
            if (target != null && Precision.of(target).values() > 2) {
                // the decimals 指标面板 shows this indicator with, so that the two sheets agree
                format = Precision.format(Precision.of(target).values());
            }
            Row row = sheet.createRow(r++);
            Tables.number(row, 0, (double) n++, st.number("0"));
            Tables.text(row, 1, indicator.name(), st.textWrap);
            Tables.text(row, 2, indicator.code(), st.text);
            Tables.text(row, 3, indicator.unit(), st.centered);
            int c = 4;
            for (WorkbookData.Region region : d.comparisonRegions()) {
                Tables.number(row, c++, value(d.latestValues(), region.code(), indicator.code()), st.number(format));
            }
        }
        Row row = sheet.createRow(r++);
        Tables.number(row, 0, (double) n, st.number("0"));
        Tables.text(row, 1, STI_INDEX_NAME, st.textWrap);
        Tables.text(row, 2, "STI_INDEX", st.text);
        Tables.text(row, 3, "基期＝100", st.centered);
        int c = 4;
        for (WorkbookData.Region region : d.comparisonRegions()) {
            Map<Integer, Double> index = d.stiIndex().get(region.code());
            Tables.number(row, c++, index == null ? null : index.get(year), st.number("0.0"));
        }
        int last = r - 1;
        Tables.notes(sheet, st, last, List.of(
                "资料来源：各县（区）统计局等部门报送数据，经 sti-panel 汇总计算（数据仓库视图 indicator_panel、sti_index）。",
                "注：1. 市级比率为所辖县之和之比（有官方市级数时用官方数），数量为所辖县之和；空白表示数据缺失（不以0代替）。",
                "　　2. 科技创新指数为本系统测算的非官方指数，各县以各自基期为100，方法见“指标说明”。"), header.size());
        Tables.finish(sheet, header.size(), last, 3, widths.toArray(Width[]::new));
    }

    private static Double value(Map<String, Map<String, Double>> values, String region, String indicator) {
        Map<String, Double> byIndicator = values.get(region);
        return byIndicator == null ? null : byIndicator.get(indicator);
    }
}
