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
            throw new RowRejectedException(column + " '" + Cells.text(raw) + "' is a " + region.level().name()
                    .toLowerCase(Locale.ROOT) + " (" + region.name() + "), not a county");
        }
        return region.code();
    }

    static LocalDate requiredDate(String raw, String column) {
        LocalDate date = Cells.date(raw, column);
        if (date == null) {
            throw new RowRejectedException(column + " is missing");
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
            default -> throw new RowRejectedException(column + " '" + raw + "' is neither 是 nor 否");
        };
    }
}
