package stipanel.ingest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVRecord;

/**
 * The GB/T 2260 region lists shipped in {@code jobs/reference/gbt2260/} and the two ways extracts name a region:
 * by code (six digits, or the twelve-digit statistical code) or, in yearbook tables, by name within the city or
 * province the table's title names (docs/panel.md).
 */
public final class Regions {

    private static final Pattern NAME_PREFIX = Pattern.compile("^(其中:?|#|\\*)+");

    private static final Map<String, Region> BY_CODE = new LinkedHashMap<>();
    /** The same regions indexed by their six-digit code as a number: the per-row lookup of {@link #resolveCode}. */
    private static final Region[] BY_NUMBER = new Region[1_000_000];

    static {
        Map<String, String> provinces = new LinkedHashMap<>();
        for (CSVRecord r : ReferenceData.csv("reference/gbt2260/provinces.csv")) {
            String code = r.get("code") + "0000";
            provinces.put(code, r.get("name"));
            BY_CODE.put(code, new Region(code, r.get("name"), Region.Level.PROVINCE, null, code));
        }
        for (CSVRecord r : ReferenceData.csv("reference/gbt2260/cities.csv")) {
            String code = r.get("code") + "00";
            String province = r.get("provinceCode") + "0000";
            BY_CODE.put(code, new Region(code, r.get("name"), Region.Level.CITY, code, province));
        }
        for (CSVRecord r : ReferenceData.csv("reference/gbt2260/areas.csv")) {
            String code = r.get("code");
            BY_CODE.put(code, new Region(code, r.get("name"), Region.Level.COUNTY,
                    r.get("cityCode") + "00", r.get("provinceCode") + "0000"));
        }
    }

    static {
        for (Region r : BY_CODE.values()) {
            if (isCode(r.code(), 6)) {
                BY_NUMBER[Integer.parseInt(r.code())] = r;
            }
        }
    }

    private Regions() {
    }

    public static Collection<Region> all() {
        return BY_CODE.values();
    }

    public static Optional<Region> byCode(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    /** A delivered code: six digits or the twelve-digit statistical code (330922000000 → 330922). */
    public static Region resolveCode(String raw, String column) {
        String t = Cells.text(raw);
        // Six or twelve ASCII digits, looked up by number: no regex, substring or string hash per row.
        if (!isCode(t, 6) && !isCode(t, 12)) {
            throw new RowRejectedException("region_code_invalid", column + "“" + t
                    + "”不是行政区划代码（应为 6 位数字，如 330922，或 12 位统计用区划代码）");
        }
        Region region = BY_NUMBER[Integer.parseInt(t, 0, 6, 10)];
        if (region == null) {
            throw new RowRejectedException("region_code_unknown", column + "“" + t + "”不是 GB/T 2260 中的县、市或省代码");
        }
        return region;
    }

    /** {@code length} ASCII digits, as {@code \\d{length}} matches them. */
    private static boolean isCode(String t, int length) {
        if (t.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * A region named in a table, within {@code scope} (a city or province, or {@code null} for the whole country):
     * full name or short name (嵊泗县, 嵊泗), indentation and a 其中： prefix ignored. 全市/合计 name the scope itself.
     */
    public static Region resolveName(String raw, Region scope, String column) {
        String name = NAME_PREFIX.matcher(Cells.text(raw).replaceAll("\\s", "")).replaceFirst("");
        if (Cells.isMissing(name)) {
            throw new RowRejectedException("value_missing", column + "为空");
        }
        if (scope != null && (name.equals("全市") || name.equals("合计") || name.equals("总计")
                || name.equals("全省") || name.equals(scope.name()) || name.equals(scope.shortName()))) {
            return scope;
        }
        List<Region> matches = new ArrayList<>();
        for (Region r : BY_CODE.values()) {
            if (within(r, scope) && (r.name().equals(name) || r.shortName().equals(name))) {
                matches.add(r);
            }
        }
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            throw new RowRejectedException("region_name_unknown", column + "“" + Cells.text(raw) + "”不是"
                    + (scope == null ? "任何地区的名称" : scope.name() + "所辖地区的名称"));
        }
        throw new RowRejectedException("region_name_ambiguous", column + "“" + Cells.text(raw) + "”在"
                + (scope == null ? "全国" : scope.name()) + "有 " + matches.size() + " 个同名地区，无法确定是哪一个："
                + describe(matches));
    }

    private static boolean within(Region r, Region scope) {
        if (scope == null) {
            return true;
        }
        return switch (scope.level()) {
            case CITY -> scope.code().equals(r.cityCode()) && r.level() == Region.Level.COUNTY;
            case PROVINCE -> scope.code().equals(r.provinceCode()) && r.level() != Region.Level.PROVINCE;
            case COUNTY -> scope.code().equals(r.code());
        };
    }

    /** Counties by the first character of their full name: where an address scan looks up the names at a position. */
    private static final Map<Character, List<Region>> COUNTIES_BY_FIRST_CHAR = new java.util.HashMap<>();

    static {
        for (Region r : BY_CODE.values()) {
            if (r.level() == Region.Level.COUNTY && isPlaceName(r)) {
                COUNTIES_BY_FIRST_CHAR.computeIfAbsent(r.name().charAt(0), c -> new ArrayList<>()).add(r);
            }
        }
    }

    /**
     * The county a county-name column names, within the city and province columns beside it (docs/sources.md: 区县 with
     * 所属城市 and 所属省份; 中国申请人区县 with 中国申请人地市). A name that two counties share is resolved by the city (or
     * province) column, else rejected as ambiguous, naming both. {@code what} names the columns for the reason.
     */
    public static Region countyNamed(String county, String city, String province, String what) {
        Region scope = scope(city, province, what);
        String name = NAME_PREFIX.matcher(Cells.text(county).replaceAll("\\s", "")).replaceFirst("");
        if (name.isEmpty() || Cells.isMissing(name)) {
            throw new RowRejectedException("region_name_missing", what + "为空");
        }
        List<Region> matches = new ArrayList<>();
        for (Region r : BY_CODE.values()) {
            if (r.level() == Region.Level.COUNTY && within(r, scope)
                    && (r.name().equals(name) || r.shortName().equals(name))) {
                matches.add(r);
            }
        }
        if (matches.size() == 1) {
            return matches.get(0);
        }
        // 行政区域 舟山市嵊泗县: a county named after its city in one cell.
        Optional<Region> inText = countyNamedIn(name, scope);
        if (matches.isEmpty() && inText.isPresent()) {
            return inText.get();
        }
        String where = scope == null ? "全国" : scope.name();
        if (matches.isEmpty()) {
            throw new RowRejectedException("region_name_unknown", what + "“" + Cells.text(county) + "”不是" + where
                    + "的区县");
        }
        throw new RowRejectedException("region_name_ambiguous", what + "“" + Cells.text(county) + "”在" + where + "有 "
                + matches.size() + " 个同名区县：" + describe(matches) + "（请提供所属城市）");
    }

    /**
     * The one county whose full name a text names (an address 浙江省舟山市嵊泗县菜园镇…, a 登记机关
     * 舟山市普陀区市场监督管理局), within {@code scope} and within the city or province the text itself names; empty when
     * it names none or several. A name inside a longer one at the same place (西区 in 河西区) is not a second county.
     */
    public static Optional<Region> countyNamedIn(String text, Region scope) {
        List<Region> named = countiesNamedIn(text, scope);
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }

    /** Every county {@link #countyNamedIn} finds in {@code text}: for a reason that lists them. */
    public static List<Region> countiesNamedIn(String text, Region scope) {
        String t = Cells.text(text).replaceAll("\\s", "");
        Region narrowed = scope;
        for (Region r : regionsNamedIn(t, Region.Level.CITY)) {
            if (within(r, scope) || scope == null) {
                narrowed = r;
                break;
            }
        }
        if (narrowed == scope) {
            for (Region r : regionsNamedIn(t, Region.Level.PROVINCE)) {
                if (scope == null) {
                    narrowed = r;
                    break;
                }
            }
        }
        List<int[]> spans = new ArrayList<>();
        List<Region> found = new ArrayList<>();
        for (int i = 0; i < t.length(); i++) {
            for (Region r : COUNTIES_BY_FIRST_CHAR.getOrDefault(t.charAt(i), List.of())) {
                if (t.startsWith(r.name(), i) && within(r, narrowed)) {
                    spans.add(new int[] {i, i + r.name().length()});
                    found.add(r);
                }
            }
        }
        List<Region> counties = new ArrayList<>();
        for (int k = 0; k < found.size(); k++) {
            int[] span = spans.get(k);
            boolean inside = false;
            for (int j = 0; j < spans.size(); j++) {
                int[] other = spans.get(j);
                if (j != k && other[0] <= span[0] && span[1] <= other[1]
                        && (other[1] - other[0]) > (span[1] - span[0])) {
                    inside = true;
                }
            }
            if (!inside && !counties.contains(found.get(k))) {
                counties.add(found.get(k));
            }
        }
        return counties;
    }

    /** "310107 上海市普陀区、330903 舟山市普陀区": each county after the city (or municipality) it lies in. */
    public static String describe(List<Region> regions) {
        List<String> parts = new ArrayList<>();
        for (Region r : regions) {
            Region city = r.cityCode() == null ? null : BY_CODE.get(r.cityCode());
            Region above = city != null && !isPlaceName(city) ? BY_CODE.get(r.provinceCode()) : city;
            parts.add(r.code() + " " + (above == null || above == r ? "" : above.name()) + r.name());
        }
        return String.join("、", parts);
    }

    /**
     * A region whose name is a place: not the statistical groupings 市辖区, 县 (Chongqing's counties) and
     * 省直辖县级行政区划, whose names a text can contain without naming a place.
     */
    private static boolean isPlaceName(Region r) {
        return !r.name().equals("市辖区") && !r.name().equals("县") && !r.name().endsWith("行政区划");
    }

    /** The city (else province) the name columns give, or null when both are empty. */
    private static Region scope(String city, String province, String what) {
        Region provinceRegion = null;
        if (!Cells.isMissing(province)) {
            provinceRegion = named(Cells.text(province), Region.Level.PROVINCE, null)
                    .orElseThrow(() -> new RowRejectedException("region_name_unknown", what + "：所属省份“"
                            + Cells.text(province) + "”不是省级行政区"));
        }
        if (!Cells.isMissing(city)) {
            Region scope = provinceRegion;
            // A municipality (上海市, 北京市) stands in the city column; GB/T 2260 lists it as a province.
            Optional<Region> municipality = named(Cells.text(city), Region.Level.PROVINCE, null);
            if (municipality.isPresent() && (scope == null || scope.equals(municipality.get()))) {
                return municipality.get();
            }
            return named(Cells.text(city), Region.Level.CITY, scope)
                    .orElseThrow(() -> new RowRejectedException("region_name_unknown", what + "：所属城市“"
                            + Cells.text(city) + "”不是" + (scope == null ? "" : scope.name()) + "的地级行政区"));
        }
        return provinceRegion;
    }

    /** The one region of {@code level} named {@code name} (full or short) within {@code scope}. */
    private static Optional<Region> named(String name, Region.Level level, Region scope) {
        String n = name.replaceAll("\\s", "");
        List<Region> matches = BY_CODE.values().stream()
                .filter(r -> r.level() == level && isPlaceName(r) && within(r, scope)
                        && (r.name().equals(n) || r.shortName().equals(n)))
                .toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    private static List<Region> regionsNamedIn(String text, Region.Level level) {
        List<Region> named = new ArrayList<>();
        for (Region r : BY_CODE.values()) {
            if (r.level() == level && isPlaceName(r) && text.contains(r.name())) {
                named.add(r);
            }
        }
        return named;
    }

    /** The first city or province whose full name appears in {@code text} (a table title), if any. */
    public static Optional<Region> namedIn(String text) {
        Region province = null;
        for (Region r : BY_CODE.values()) {
            if (r.level() == Region.Level.CITY && isPlaceName(r) && text.contains(r.name())) {
                return Optional.of(r);
            }
            if (province == null && r.level() == Region.Level.PROVINCE && text.contains(r.name())) {
                province = r;
            }
        }
        return Optional.ofNullable(province);
    }
}
