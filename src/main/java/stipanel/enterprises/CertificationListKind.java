package stipanel.enterprises;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import stipanel.ingest.Cells;
import stipanel.ingest.KindDefinitions;
import stipanel.ingest.FactAppender;
import stipanel.ingest.HeaderBinding;
import stipanel.ingest.LoadContext;
import stipanel.ingest.RawRow;
import stipanel.ingest.Region;
import stipanel.ingest.Regions;
import stipanel.ingest.RowRejectedException;
import stipanel.ingest.TableKind;
import stipanel.ingest.Uscc;

/**
 * 科技认定名单 (DOMAIN.md §8): one certificate per row, of any 认定类别. The loader checks the row and fixes the dates
 * a certificate runs between (defaults included); whether it counts at a year end is decided in SQL
 * ({@code staging.certification_year_ends}).
 */
@Component
public class CertificationListKind extends TableKind {

    static final String USCC = "统一社会信用代码";
    static final String NAME = "企业名称";
    static final String CATEGORY = "认定类别";
    static final String CERTIFICATE = "证书编号";
    static final String CERTIFIED = "认定日期";
    static final String VALID_UNTIL = "有效期至";
    static final String YEAR = "认定年度";
    static final String STATUS = "状态";
    static final String REVOKED = "撤销日期";
    static final String REGION = "地区代码";

    /** GR + 4-digit year + 2-digit province + 6 digits. */
    private static final Pattern HTE_CERTIFICATE = Pattern.compile("GR(\\d{4})(\\d{2})(\\d{6})");

    static final String TABLE = "facts.certifications";

    public CertificationListKind(KindDefinitions definitions) {
        super(definitions.get("certification_list"), TABLE);
    }

    @Override
    protected void load(LoadContext context, RawRow row, FactAppender appender) throws SQLException {
        HeaderBinding h = context.header();
        String uscc = Uscc.valid(h.get(row, USCC), USCC);
        String reportedCategory = Cells.text(h.get(row, CATEGORY));
        CertificationCategory category = CertificationCategory.named(reportedCategory).orElseThrow(() ->
                new RowRejectedException(CATEGORY + " '" + reportedCategory + "' is no known category"));
        String certificate = certificate(h.get(row, CERTIFICATE), category);
        LocalDate certified = Cells.date(h.get(row, CERTIFIED), CERTIFIED);
        LocalDate stated = Cells.date(h.get(row, VALID_UNTIL), VALID_UNTIL);
        Integer year = Cells.year(h.get(row, YEAR), YEAR);
        if (year != null && (year < 1990 || year > 2100)) {
            throw new RowRejectedException(YEAR + " is out of range: '" + h.get(row, YEAR) + "'");
        }
        if (certified == null && !(category.validity() == CertificationCategory.Validity.THE_YEAR
                && year != null)) {
            throw new RowRejectedException(CERTIFIED + " is missing"
                    + (category.validity() == CertificationCategory.Validity.THE_YEAR ? " and so is " + YEAR : ""));
        }
        if (year == null) {
            year = certified.getYear();
        }
        if (stated != null && certified != null && stated.isBefore(certified)) {
            throw new RowRejectedException(VALID_UNTIL + " " + stated + " is before " + CERTIFIED + " " + certified);
        }
        LocalDate validUntil = stated;
        if (stated == null && category.validity() == CertificationCategory.Validity.YEARS_3_DEFAULT) {
            validUntil = certified.plusYears(3);
        }
        String status = status(h.get(row, STATUS));
        LocalDate revoked = Cells.date(h.get(row, REVOKED), REVOKED);
        if (status.equals("撤销") && revoked == null) {
            throw new RowRejectedException(STATUS + " " + Cells.text(h.get(row, STATUS)) + " without " + REVOKED);
        }
        if (revoked != null && certified != null && revoked.isBefore(certified)) {
            throw new RowRejectedException(REVOKED + " " + revoked + " is before " + CERTIFIED + " " + certified);
        }
        String region = listRegion(h.get(row, REGION));
        appender.row(row).add(uscc).add(Cells.optionalText(h.get(row, NAME))).add(category.canonical())
                .add(reportedCategory).add(category.component()).add(certificate).add(certified)
                .add(validUntil).add(stated == null && validUntil != null).add(year).add(status)
                .add(Cells.optionalText(h.get(row, STATUS))).add(revoked).add(region);
        appender.end();
    }

    /** The HTE certificate number must be GR + year + province + serial; other categories' numbers are free text. */
    static String certificate(String raw, CertificationCategory category) {
        String number = Cells.isMissing(raw) ? null : Cells.text(raw).replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        if (category != CertificationCategory.HIGH_TECH) {
            return number;
        }
        if (number == null) {
            throw new RowRejectedException(CERTIFICATE + " is missing (高新技术企业 need GR + year + province + 6 digits)");
        }
        var m = HTE_CERTIFICATE.matcher(number);
        if (!m.matches()) {
            throw new RowRejectedException(CERTIFICATE + " '" + raw + "' is not GR + 4-digit year + 2-digit province"
                    + " + 6 digits");
        }
        Optional<Region> province = Regions.byCode(m.group(2) + "0000");
        if (province.isEmpty() || province.get().level() != Region.Level.PROVINCE) {
            throw new RowRejectedException(CERTIFICATE + " '" + raw + "': " + m.group(2) + " is no province code");
        }
        return number;
    }

    /** 有效 (or empty, 正常 …), 撤销 (撤销, 取消) or 过期; the dates decide expiry, 状态 only revocation. */
    static String status(String raw) {
        String t = Cells.text(raw).replaceAll("\\s", "");
        if (Cells.isMissing(t)) {
            return "有效";
        }
        return switch (t) {
            case "有效", "正常", "在册", "在库", "认定", "已认定", "通过", "复审通过", "重新认定", "入库" -> "有效";
            case "撤销", "取消", "已撤销", "已取消", "撤销认定", "取消认定", "取消资格" -> "撤销";
            case "过期", "失效", "到期", "已过期" -> "过期";
            default -> throw new RowRejectedException(STATUS + " '" + raw + "' is none of 有效, 撤销, 取消, 过期");
        };
    }

    /** Any GB/T 2260 region (a city's list may give the city); only a county places an enterprise. */
    private static String listRegion(String raw) {
        return Cells.isMissing(raw) ? null : Regions.resolveCode(raw, REGION).code();
    }
}
