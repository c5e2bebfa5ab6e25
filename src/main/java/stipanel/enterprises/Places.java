package stipanel.enterprises;

import java.time.LocalDate;
import java.util.Locale;

import stipanel.ingest.Cells;
import stipanel.ingest.Region;
import stipanel.ingest.Regions;
import stipanel.ingest.RowRejectedException;

/** Cell rules the three enterprise kinds share: county codes, required dates, yes/no flags. */
final class Places {

    private Places() {
    }

    /** A county code (6 or 12 digits, in GB/T 2260); {@code null} for a missing cell; a city or province rejects. */
    static String county(String raw, String column) {
        if (Cells.isMissing(raw)) {
            return null;
        }
        Region region = Regions.resolveCode(raw, column);
        if (region.level() != Region.Level.COUNTY) {
            throw new RowRejectedException("region_not_county", column + "“" + Cells.text(raw) + "”是"
                    + (region.level() == Region.Level.CITY ? "设区市" : "省") + "（" + region.name() + "），不是县（市、区）");
        }
        return region.code();
    }

    static LocalDate requiredDate(String raw, String column) {
        LocalDate date = Cells.date(raw, column);
        if (date == null) {
            throw new RowRejectedException("value_missing", column + "为空");
        }
        return date;
    }

    /** 是/否 and their spellings; {@code null} for a missing cell; anything else rejects. */
    static Boolean yesNo(String raw, String column) {
        if (Cells.isMissing(raw)) {
            return null;
        }
        return switch (Cells.text(raw).toUpperCase(Locale.ROOT)) {
            case "是", "有", "Y", "YES", "1", "TRUE", "√" -> true;
            case "否", "无", "N", "NO", "0", "FALSE", "×" -> false;
            default -> throw new RowRejectedException("flag_invalid", column + "“" + Cells.text(raw) + "”既不是“是”也不是“否”");
        };
    }
}
