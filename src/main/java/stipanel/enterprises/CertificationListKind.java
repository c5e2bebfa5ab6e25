package stipanel.enterprises;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import stipanel.ingest.Cells;
import stipanel.ingest.KindDefinitions;
import stipanel.ingest.FactAppender;
import stipanel.ingest.HeaderBinding;
import stipanel.ingest.HeaderCell;
import stipanel.ingest.LoadContext;
import stipanel.ingest.RawRow;
import stipanel.ingest.Region;
import stipanel.ingest.Regions;
import stipanel.ingest.RowRejectedException;
import stipanel.ingest.TableKind;
import stipanel.ingest.TableMetadata;
import stipanel.ingest.Uscc;

/**
 * 科技认定名单 (docs/source-rules.md "Enterprises"): one certificate per row, of any 认定类别. The loader checks the row and fixes the dates
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
    static final String CITY = "所属城市";
    static final String COUNTY = "所属区县";

    /** GR + 4-digit year + 2-digit province + 6 digits. */
    private static final Pattern HTE_CERTIFICATE = Pattern.compile("GR(\\d{4})(\\d{2})(\\d{6})");

    static final String TABLE = "facts.certifications";

    public CertificationListKind(KindDefinitions definitions) {
        super(definitions.get("certification_list"), TABLE);
    }

    /**
     * A list without a 认定类别 column is still this kind when its title or sheet name names one category
     * ({@code 2024年度浙江省科技型中小企业备案名单}); otherwise the column is lacking, as a required column is.
     */
    @Override
    public HeaderBinding.Assessment assess(List<String> header, TableMetadata metadata) {
        HeaderBinding.Assessment a = super.assess(header, metadata);
        if (!a.binding().has(CATEGORY) && CertificationCategory.namedIn(metadata.text()).isEmpty()) {
            List<String> missing = new ArrayList<>(a.missing());
            missing.add(CATEGORY + "（列，或标题、工作表名中的认定类别）");
            return new HeaderBinding.Assessment(a.kind(), a.binding(), List.copyOf(missing));
        }
        return a;
    }

    @Override
    protected void load(LoadContext context, RawRow row, FactAppender appender) throws SQLException {
        HeaderBinding h = context.header();
        String uscc = Cells.isMissing(h.get(row, USCC)) ? null : Uscc.valid(h.get(row, USCC), USCC);
        String name = Cells.optionalText(h.get(row, NAME));
        if (uscc == null && name == null) {
            throw new RowRejectedException("value_missing", USCC + "与" + NAME + "均为空，无法确定是哪家企业");
        }
        String reportedCategory = Cells.text(h.get(row, CATEGORY));
        CertificationCategory category;
        if (Cells.isMissing(reportedCategory)) {
            reportedCategory = h.metadata().text().strip();
            category = CertificationCategory.namedIn(reportedCategory).orElseThrow(() -> new RowRejectedException(
                    "category_unknown", CATEGORY + "为空，标题和工作表名也未写明认定类别"));
        } else {
            String stated = reportedCategory;
            category = CertificationCategory.named(stated).orElseThrow(() -> new RowRejectedException(
                    "category_unknown", CATEGORY + "“" + stated + "”不是已知的认定类别"));
        }
        String certificate = certificate(h.get(row, CERTIFICATE), category);
        LocalDate certified = Cells.date(h.get(row, CERTIFIED), CERTIFIED);
        LocalDate stated = Cells.date(h.get(row, VALID_UNTIL), VALID_UNTIL);
        List<String> notes = new ArrayList<>();
        Integer year = certificationYear(h, row, category, certificate, certified, notes);
        if (certified == null && year == null) {
            throw new RowRejectedException("value_missing", CERTIFIED + "为空，" + YEAR + "、证书编号和标题也未写明年份");
        }
        if (year == null) {
            year = certified.getYear();
        }
        if (stated != null && certified != null && stated.isBefore(certified)) {
            throw new RowRejectedException("date_order", VALID_UNTIL + " " + stated + " 早于" + CERTIFIED + " "
                    + certified);
        }
        LocalDate validUntil = stated;
        if (stated == null && category.validity() == CertificationCategory.Validity.YEARS_3_DEFAULT) {
            // Without 认定日期 the certificate is valid at the year ends of its year and the two after (docs/sources.md).
            validUntil = certified != null ? certified.plusYears(3) : LocalDate.of(year + 2, 12, 31);
        }
        String status = status(h.get(row, STATUS));
        LocalDate revoked = Cells.date(h.get(row, REVOKED), REVOKED);
        if (status.equals("撤销") && revoked == null) {
            throw new RowRejectedException("revocation_undated", STATUS + "“" + Cells.text(h.get(row, STATUS))
                    + "”而" + REVOKED + "为空");
        }
        if (revoked != null && certified != null && revoked.isBefore(certified)) {
            throw new RowRejectedException("date_order", REVOKED + " " + revoked + " 早于" + CERTIFIED + " "
                    + certified);
        }
        ListRegion region = listRegion(h, row, notes);
        appender.row(row).add(uscc).add(name).add(category.canonical())
                .add(reportedCategory).add(category.component()).add(certificate).add(certified)
                .add(validUntil).add(stated == null && validUntil != null).add(year).add(status)
                .add(Cells.optionalText(h.get(row, STATUS))).add(revoked).add(region.code())
                .add(EnterpriseName.key(name)).add(h.metadata().proposed()).add(region.name())
                .add(notes.isEmpty() ? null : String.join("；", notes));
        appender.end();
    }

    /**
     * 认定年度: the column's (else, for a certificate number with a year, GR2023… → 2023; else the title's year). A
     * certificate number whose year disagrees with 认定年度 is noted, and 认定年度 wins.
     */
    private static Integer certificationYear(HeaderBinding h, RawRow row, CertificationCategory category,
                                             String certificate, LocalDate certified, List<String> notes) {
        HeaderCell own = h.columns().get(YEAR);
        Integer stated = own == null ? null : Cells.year(row.cell(own.index()), YEAR);
        Integer numbered = null;
        if (category == CertificationCategory.HIGH_TECH && certificate != null) {
            var m = HTE_CERTIFICATE.matcher(certificate);
            numbered = m.matches() ? Integer.valueOf(m.group(1)) : null;
        }
        Integer year = stated;
        if (year != null && numbered != null && !numbered.equals(year)) {
            notes.add(CERTIFICATE + " " + certificate + " 的年份 " + numbered + " 与" + YEAR + " " + year + " 不一致，以"
                    + YEAR + "为准");
        }
        if (year == null && certified == null) {
            year = numbered;
        }
        if (year == null) {
            year = Cells.year(h.get(row, YEAR), YEAR);
        }
        if (year != null && (year < 1990 || year > 2100)) {
            throw new RowRejectedException("year_invalid", YEAR + "“" + h.get(row, YEAR) + "”不在 1990 至 2100 年之间");
        }
        return year;
    }

    /** The HTE certificate number must be GR + year + province + serial; other categories' numbers are free text. */
    static String certificate(String raw, CertificationCategory category) {
        String number = Cells.isMissing(raw) ? null : Cells.text(raw).replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        if (category != CertificationCategory.HIGH_TECH) {
            return number;
        }
        if (number == null) {
            throw new RowRejectedException("certificate_invalid", CERTIFICATE + "为空（高新技术企业须有证书编号：GR + 4 位年份 + 2 位省份代码 + 6 位数字）");
        }
        var m = HTE_CERTIFICATE.matcher(number);
        if (!m.matches()) {
            throw new RowRejectedException("certificate_invalid", CERTIFICATE + "“" + Cells.text(raw)
                    + "”不是 GR + 4 位年份 + 2 位省份代码 + 6 位数字");
        }
        Optional<Region> province = Regions.byCode(m.group(2) + "0000");
        if (province.isEmpty() || province.get().level() != Region.Level.PROVINCE) {
            throw new RowRejectedException("certificate_invalid", CERTIFICATE + "“" + Cells.text(raw) + "”中的 "
                    + m.group(2) + " 不是省份代码");
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
            // 异动情况 更名: the firm renamed, its certificate unchanged.
            case "有效", "正常", "在册", "在库", "认定", "已认定", "通过", "复审通过", "重新认定", "入库", "更名", "名称变更",
                    "变更" -> "有效";
            case "撤销", "取消", "已撤销", "已取消", "撤销认定", "取消认定", "取消资格" -> "撤销";
            case "过期", "失效", "到期", "已过期" -> "过期";
            default -> throw new RowRejectedException("certification_status_unknown", STATUS + "“" + Cells.text(raw)
                    + "”不是 有效、撤销、取消、过期、更名 之一");
        };
    }

    /** The region a list gives, by code or by name, and the name as the list wrote it. */
    record ListRegion(String code, String name) {
    }

    /**
     * 地区代码: any GB/T 2260 region (a city's list may give the city; only a county places an enterprise). Else the
     * list's region names (县（市、区） within 设区市, 行政区域 舟山市嵊泗县), within the city or province the title names.
     * A name that names no region or two is noted, not rejected: the row counts where the registry places the firm,
     * and an unmatched firm without a county is reported as not placed.
     */
    private static ListRegion listRegion(HeaderBinding h, RawRow row, List<String> notes) {
        String raw = h.get(row, REGION);
        if (!Cells.isMissing(raw)) {
            return new ListRegion(Regions.resolveCode(raw, REGION).code(), null);
        }
        String county = h.get(row, COUNTY);
        String city = h.get(row, CITY);
        String name = (Cells.isMissing(city) ? "" : Cells.text(city)) + (Cells.isMissing(county) ? "" : Cells.text(county));
        if (name.isEmpty()) {
            return new ListRegion(null, null);
        }
        Region scope = h.metadata().scope();
        String what = h.has(COUNTY) ? h.columns().get(COUNTY).text() : COUNTY;
        try {
            if (Cells.isMissing(county)) {
                Region cityRegion = Regions.resolveName(city, scope != null && scope.level() == Region.Level.PROVINCE
                        ? scope : null, CITY);
                return new ListRegion(cityRegion.code(), name);
            }
            String scopeCity = scope != null && scope.level() == Region.Level.CITY ? scope.name() : null;
            String scopeProvince = scope != null && scope.level() == Region.Level.PROVINCE ? scope.name() : null;
            Region region = Regions.countyNamed(county, Cells.isMissing(city) ? scopeCity : city,
                    Cells.isMissing(city) ? scopeProvince : null, what);
            return new ListRegion(region.code(), name);
        } catch (RowRejectedException e) {
            notes.add(e.reason());
            return new ListRegion(null, name);
        }
    }
}
