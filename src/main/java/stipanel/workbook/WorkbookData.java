package stipanel.workbook;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one plan's workbook shows, read from the warehouse's own views and reference tables in the run's
 * transaction, so that every number in the workbook is the warehouse's.
 */
public record WorkbookData(Plan plan, String dateLabel, LocalDate date, List<Integer> years, List<Target> targets,
                    List<Indicator> indicators, List<Region> comparisonRegions,
                    Map<String, Map<String, Double>> latestValues, Map<String, Map<Integer, Double>> stiIndex) {

    public record Plan(String planId, String regionCode, String regionName, String cityCode, String cityName, String title,
                String document, int baseYear, int firstYear, int targetYear) {
    }

    /** The panel's value, expected value and status of one indicator, region and year. */
    public record Point(Double value, Double expected, String status, String nullReason) {
    }

    public record Target(String indicator, String name, String unit, double threshold, String direction, String section,
                  String wording, boolean defined, String trajectory, Map<Integer, Point> byYear) {

        public Point at(int year) {
            return byYear.getOrDefault(year, new Point(null, null, null, null));
        }

        /**
         * The expected value of {@code year}: the panel's where the panel has the year, else (a year still to come)
         * by the same rule as marts.panel, from the base year's expected value.
         */
        public Double trajectory(int year, Plan plan) {
            if (byYear.containsKey(year)) {
                return byYear.get(year).expected();
            }
            if ("target".equals(trajectory) || year >= plan.targetYear()) {
                return year < plan.baseYear() ? null : threshold;
            }
            Double base = at(plan.baseYear()).expected();
            if (base == null || year < plan.baseYear()) {
                return null;
            }
            return base + (threshold - base) * (year - plan.baseYear()) / (plan.targetYear() - plan.baseYear());
        }

        /**
         * Why the status of some of {@code years} is not judged against an expected value, for the reader: the value
         * is missing (and why), or the base year has none, so there is no expected value and anything short of the
         * target is 落后. Years with the same reason are named together; empty when every status is judged.
         */
        public String statusNote(int baseYear, List<Integer> years) {
            if (!defined) {
                return "尚无指标定义（jobs/indicators/ 中无此代码），各年均为无数据";
            }
            Map<String, List<Integer>> byReason = new LinkedHashMap<>();
            for (int y : years) {
                Point p = at(y);
                String reason = null;
                if ("no_data".equals(p.status()) || p.status() == null) {
                    reason = "无数据" + (p.nullReason() == null ? "" : "：" + p.nullReason());
                } else if ("behind".equals(p.status()) && p.expected() == null) {
                    reason = "基期（" + baseYear + "年）无数据，没有预期值";
                }
                if (reason != null) {
                    byReason.computeIfAbsent(reason, k -> new ArrayList<>()).add(y);
                }
            }
            List<String> notes = new ArrayList<>();
            byReason.forEach((reason, ys) -> notes.add(
                    String.join("、", ys.stream().map(String::valueOf).toList()) + "年" + reason));
            return String.join("；", notes);
        }
    }

    public record Indicator(String code, String name, String nameEn, String unit, String formula, String source,
                     String trajectory, String inputs) {
    }

    public record Region(String code, String name, String level) {
    }

    public int latestYear() {
        return years.isEmpty() ? plan.targetYear() : years.get(years.size() - 1);
    }

    public static List<Plan> plans(Connection c) throws SQLException {
        List<Plan> plans = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("""
                select plan.plan_id, plan.region_code, region.name, region.city_code, city.name, plan.title,
                       plan.document, plan.base_year, plan.first_year, plan.target_year
                from ref.plans as plan
                join ref.regions as region on region.code = plan.region_code
                left join ref.regions as city on city.code = region.city_code
                order by plan.plan_id
                """); ResultSet r = p.executeQuery()) {
            while (r.next()) {
                plans.add(new Plan(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                        r.getString(6), r.getString(7), r.getInt(8), r.getInt(9), r.getInt(10)));
            }
        }
        return plans;
    }

    /**
     * What the workbook and the morning report of each plan show, read once for both: as of {@code asOf}, or (null)
     * on the run's date.
     */
    public static List<WorkbookData> loadAll(Connection c, LocalDate asOf, LocalDate runDate) throws SQLException {
        List<WorkbookData> all = new ArrayList<>();
        for (Plan plan : plans(c)) {
            all.add(load(c, plan, asOf != null ? asOf : runDate, asOf != null));
        }
        return all;
    }

    public static WorkbookData load(Connection c, Plan plan, LocalDate date, boolean asOf) throws SQLException {
        List<Integer> years = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("select year from marts.panel_years order by year");
             ResultSet r = p.executeQuery()) {
            while (r.next()) {
                years.add(r.getInt(1));
            }
        }
        List<Indicator> indicators = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("""
                select code, name_zh, name_en, unit, formula, source, trajectory, inputs
                from ref.indicators order by rowid
                """); ResultSet r = p.executeQuery()) {
            while (r.next()) {
                indicators.add(new Indicator(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                        r.getString(5), r.getString(6), r.getString(7), r.getString(8)));
            }
        }
        Map<String, Target> targets = new LinkedHashMap<>();
        try (PreparedStatement p = c.prepareStatement("""
                select target.indicator_code, coalesce(indicator.name_zh, target.indicator_code), indicator.unit,
                       target.target_value, target.direction, target.section, target.wording,
                       indicator.code is not null, indicator.trajectory
                from ref.plan_targets as target
                left join ref.indicators as indicator on indicator.code = target.indicator_code
                where target.plan_id = ?
                order by target.rowid
                """)) {
            p.setString(1, plan.planId());
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    targets.put(r.getString(1), new Target(r.getString(1), r.getString(2), r.getString(3),
                            r.getDouble(4), r.getString(5), r.getString(6), r.getString(7), r.getBoolean(8),
                            r.getString(9), new HashMap<>()));
                }
            }
        }
        try (PreparedStatement p = c.prepareStatement("""
                select indicator_code, year, value, expected_value, status, null_reason
                from main.indicator_panel where region_code = ?
                """)) {
            p.setString(1, plan.regionCode());
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    Target t = targets.get(r.getString(1));
                    if (t != null) {
                        t.byYear().put(r.getInt(2), new Point(nullable(r, 3), nullable(r, 4), r.getString(5),
                                r.getString(6)));
                    }
                }
            }
        }
        List<Region> regions = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("""
                select code, name, level from ref.regions
                where (city_code = ? and level = 'county') or code = ?
                order by case level when 'county' then 0 else 1 end, code
                """)) {
            p.setString(1, plan.cityCode());
            p.setString(2, plan.cityCode());
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    regions.add(new Region(r.getString(1), r.getString(2), r.getString(3)));
                }
            }
        }
        int latest = years.isEmpty() ? plan.targetYear() : years.get(years.size() - 1);
        Map<String, Map<String, Double>> latestValues = new HashMap<>();
        try (PreparedStatement p = c.prepareStatement("""
                select panel.region_code, panel.indicator_code, panel.value
                from main.indicator_panel as panel
                join ref.regions as region on region.code = panel.region_code
                where panel.year = ? and (region.city_code = ? or region.code = ?)
                """)) {
            p.setInt(1, latest);
            p.setString(2, plan.cityCode());
            p.setString(3, plan.cityCode());
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    latestValues.computeIfAbsent(r.getString(1), k -> new HashMap<>()).put(r.getString(2),
                            nullable(r, 3));
                }
            }
        }
        Map<String, Map<Integer, Double>> sti = new LinkedHashMap<>();
        try (PreparedStatement p = c.prepareStatement("""
                select sti.region_code, sti.year, sti.value
                from main.sti_index as sti
                join ref.regions as region on region.code = sti.region_code
                where region.city_code = ?
                order by sti.region_code, sti.year
                """)) {
            p.setString(1, plan.cityCode());
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    sti.computeIfAbsent(r.getString(1), k -> new HashMap<>()).put(r.getInt(2), nullable(r, 3));
                }
            }
        }
        String label = (asOf ? "数据截至 " : "数据日期 ") + date;
        return new WorkbookData(plan, label, date, years, List.copyOf(targets.values()), indicators, regions,
                latestValues, sti);
    }

    public static Double nullable(ResultSet r, int column) throws SQLException {
        double v = r.getDouble(column);
        return r.wasNull() ? null : v;
    }
}
