package stipanel.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import stipanel.workbook.Precision;
import stipanel.workbook.WorkbookData;

/**
 * A small inline SVG chart of one plan target, as the workbook's 趋势 sheet draws it larger: the actual values (solid,
 * with points), the plan's trajectory (dashed) and the target (dotted), from the base year to the target year.
 */
final class Sparkline {

    static final int WIDTH = 180;
    static final int HEIGHT = 54;
    private static final int PAD = 5;

    private Sparkline() {
    }

    static String svg(WorkbookData.Target t, WorkbookData.Plan plan, int latestYear, Precision precision) {
        int first = plan.baseYear();
        int last = Math.max(plan.targetYear(), latestYear);
        List<double[]> actual = new ArrayList<>();
        List<double[]> expected = new ArrayList<>();
        double min = t.threshold();
        double max = t.threshold();
        for (int y = first; y <= last; y++) {
            Double v = t.at(y).value();
            Double e = t.trajectory(y, plan);
            if (v != null) {
                actual.add(new double[] {y, v});
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            if (e != null) {
                expected.add(new double[] {y, e});
                min = Math.min(min, e);
                max = Math.max(max, e);
            }
        }
        if (max == min) {
            max = min + 1;
        }
        Html h = new Html().open("svg", "xmlns", "http://www.w3.org/2000/svg", "class", "trend",
                "width", String.valueOf(WIDTH), "height", String.valueOf(HEIGHT),
                "viewBox", "0 0 " + WIDTH + " " + HEIGHT, "role", "img", "data-indicator", t.indicator());
        h.element("title", t.name() + "：实际值、规划进度与" + plan.targetYear() + "年目标 "
                + Precision.show(t.threshold(), precision.target()));
        double ty = y(t.threshold(), min, max);
        h.open("line", "x1", fmt(PAD), "y1", fmt(ty), "x2", fmt(WIDTH - PAD), "y2", fmt(ty), "stroke", "#B22222",
                "stroke-width", "1", "stroke-dasharray", "1 2").close("line");
        if (expected.size() > 1) {
            h.open("polyline", "points", points(expected, first, last, min, max), "fill", "none", "stroke", "#FF8C00",
                    "stroke-width", "1.2", "stroke-dasharray", "4 2").close("polyline");
        }
        if (actual.size() > 1) {
            h.open("polyline", "points", points(actual, first, last, min, max), "fill", "none", "stroke", "#4169E1",
                    "stroke-width", "2").close("polyline");
        }
        for (double[] p : actual) {
            h.open("circle", "cx", fmt(x(p[0], first, last)), "cy", fmt(y(p[1], min, max)), "r", "2.2", "fill",
                    "#4169E1").close("circle");
        }
        return h.close("svg").toString();
    }

    private static String points(List<double[]> points, int first, int last, double min, double max) {
        List<String> s = new ArrayList<>();
        for (double[] p : points) {
            s.add(fmt(x(p[0], first, last)) + "," + fmt(y(p[1], min, max)));
        }
        return String.join(" ", s);
    }

    private static double x(double year, int first, int last) {
        return PAD + (year - first) * (WIDTH - 2 * PAD) / Math.max(last - first, 1);
    }

    private static double y(double v, double min, double max) {
        return HEIGHT - PAD - (v - min) * (HEIGHT - 2 * PAD) / (max - min);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
