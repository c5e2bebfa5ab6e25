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
 * province the table's title names (DOMAIN.md §2).
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
            throw new RowRejectedException(column + " is not a 6- or 12-digit region code: '" + raw + "'");
        }
        Region region = BY_NUMBER[Integer.parseInt(t, 0, 6, 10)];
        if (region == null) {
            throw new RowRejectedException(column + " '" + raw + "' is in no GB/T 2260 list");
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
        String where = scope == null ? "the whole country" : scope.name();
        if (matches.isEmpty()) {
            throw new RowRejectedException(column + " '" + raw + "' names no region of " + where);
        }
        throw new RowRejectedException(column + " '" + raw + "' is ambiguous in " + where + ": "
                + matches.stream().map(Region::code).toList());
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

    /** The first city or province whose full name appears in {@code text} (a table title), if any. */
    public static Optional<Region> namedIn(String text) {
        Region province = null;
        for (Region r : BY_CODE.values()) {
            if (r.level() == Region.Level.CITY && !r.name().equals("市辖区") && text.contains(r.name())) {
                return Optional.of(r);
            }
            if (province == null && r.level() == Region.Level.PROVINCE && text.contains(r.name())) {
                province = r;
            }
        }
        return Optional.ofNullable(province);
    }
}
