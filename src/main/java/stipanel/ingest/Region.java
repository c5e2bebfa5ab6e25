package stipanel.ingest;

/**
 * A GB/T 2260 region in its six-digit code: a county (区/县/县级市), a city (four digits + 00) or a province
 * (two digits + 0000). {@code cityCode} and {@code provinceCode} are six-digit too.
 */
public record Region(String code, String name, Level level, String cityCode, String provinceCode) {

    public enum Level { COUNTY, CITY, PROVINCE }

    /** The name without its administrative suffix, as yearbooks abbreviate it: 嵊泗县 → 嵊泗. */
    public String shortName() {
        String n = name;
        for (String suffix : new String[] {"自治县", "自治旗", "林区", "特区", "县", "区", "市", "旗", "省"}) {
            if (n.length() > suffix.length() + 1 && n.endsWith(suffix)) {
                return n.substring(0, n.length() - suffix.length());
            }
        }
        return n;
    }
}
