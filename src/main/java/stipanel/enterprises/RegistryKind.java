package stipanel.enterprises;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

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
 * 企业登记 (docs/source-rules.md "Enterprises"): the registry's extract, one enterprise per row. Every row is kept; which row of an
 * enterprise is current (the latest 数据截止日期) is decided in SQL ({@code staging.registry_current}).
 */
@Component
public class RegistryKind extends TableKind {

    static final String USCC = "统一社会信用代码";
    static final String NAME = "企业名称";
    static final String FORMER_NAMES = "曾用名";
    static final String TYPE = "企业类型";
    static final String STATUS = "登记状态";
    static final String ESTABLISHED = "成立日期";
    static final String STATUS_CHANGED = "状态变更日期";
    static final String DEREGISTERED = "注销日期";
    static final String REVOKED = "吊销日期";
    static final String MOVED_OUT = "迁出日期";
    static final String CAPITAL = "注册资本";
    static final String CURRENCY = "币种";
    static final String INDUSTRY = "行业代码";
    static final String ADDRESS_REGION = "住所行政区划代码";
    static final String PROVINCE = "所属省份";
    static final String CITY = "所属城市";
    static final String COUNTY = "所属区县";
    static final String AUTHORITY = "登记机关";
    static final String CUTOFF = "数据截止日期";

    static final String TABLE = "facts.registry_entries";

    public RegistryKind(KindDefinitions definitions) {
        super(definitions.get("enterprise_registry"), TABLE);
    }

    @Override
    protected void load(LoadContext context, RawRow row, FactAppender appender) throws SQLException {
        HeaderBinding h = context.header();
        String uscc = Uscc.valid(h.get(row, USCC), USCC);
        String status = RegistrationStatus.of(h.get(row, STATUS), STATUS);
        LocalDate established = Places.requiredDate(h.get(row, ESTABLISHED), ESTABLISHED);
        LocalDate changed = changedOn(h, row, status);
        // 企查查 and the data-sharing extract give 注销/吊销 without a date: the cut-off dates it (staging.registry_*).
        boolean changeDateUnknown = RegistrationStatus.ENDING.contains(status) && changed == null;
        if (changed != null && changed.isBefore(established)) {
            throw new RowRejectedException("date_order", STATUS_CHANGED + " " + changed + " 早于" + ESTABLISHED + " "
                    + established);
        }
        String currency = RegisteredCapital.currencyNamed(h.get(row, CURRENCY), CURRENCY);
        RegisteredCapital capital = RegisteredCapital.parse(h.get(row, CAPITAL), h.unit(CAPITAL), CAPITAL, currency,
                CURRENCY);
        String industry = IndustryCode.of(h.get(row, INDUSTRY), INDUSTRY);
        Placement placement = placement(h, row, uscc);
        LocalDate cutoff = Cells.date(h.get(row, CUTOFF), CUTOFF);
        boolean undated = cutoff == null;
        String name = Cells.optionalText(h.get(row, NAME));
        String formerNames = Cells.optionalText(h.get(row, FORMER_NAMES));
        appender.row(row).add(uscc).add(uscc.substring(8, 17)).add(name)
                .add(Cells.optionalText(h.get(row, TYPE))).add(status).add(Cells.text(h.get(row, STATUS)))
                .add(established).add(changed)
                .add(capital == null ? null : capital.amountWan())
                .add(capital == null ? null : capital.currency())
                .add(Cells.optionalText(h.get(row, CAPITAL))).add(industry).add(placement.region())
                .add(Cells.optionalText(h.get(row, AUTHORITY)))
                .add(undated ? context.delivery().firstIngestedOn() : cutoff).add(undated)
                .add(changeDateUnknown).add(placement.source()).add(EnterpriseName.key(name)).add(formerNames)
                .add(EnterpriseName.keys(formerNames));
        appender.end();
    }

    /**
     * The date an ending status took effect: 状态变更日期, else the column dated for that status (注销日期 for 注销,
     * 吊销日期 for 吊销, 迁出日期 for 迁出); null when neither says.
     */
    static LocalDate changedOn(HeaderBinding h, RawRow row, String status) {
        LocalDate stated = Cells.date(h.get(row, STATUS_CHANGED), STATUS_CHANGED);
        if (stated != null) {
            return stated;
        }
        String column = switch (status) {
            case "注销" -> DEREGISTERED;
            case "吊销" -> REVOKED;
            case "迁出" -> MOVED_OUT;
            default -> null;
        };
        return column == null ? null : Cells.date(h.get(row, column), column);
    }

    /** A county and what gave it. */
    record Placement(String region, String source) {
    }

    /**
     * The county of a registry row (docs/sources.md): 住所行政区划代码 (or 行政区划代码); else 所属区县 within 所属城市 and
     * 所属省份; else a county the 登记机关's name names (嵊泗县市场监督管理局); else characters 3–8 of the credit code
     * when they are a county. A 所属区县 that names no county or two is rejected, naming the candidates: a guess
     * would count the firm in the wrong county. Nothing at all: no county (the lists may still place the firm).
     */
    static Placement placement(HeaderBinding h, RawRow row, String uscc) {
        String code = Places.county(h.get(row, ADDRESS_REGION), ADDRESS_REGION);
        if (code != null) {
            return new Placement(code, "行政区划代码");
        }
        if (!Cells.isMissing(h.get(row, COUNTY))) {
            return new Placement(Regions.countyNamed(h.get(row, COUNTY), h.get(row, CITY), h.get(row, PROVINCE),
                    COUNTY).code(), COUNTY);
        }
        String authority = h.get(row, AUTHORITY);
        if (!Cells.isMissing(authority)) {
            var named = Regions.countyNamedIn(authority, null);
            if (named.isPresent()) {
                return new Placement(named.get().code(), AUTHORITY);
            }
        }
        var credit = Regions.byCode(uscc.substring(2, 8));
        if (credit.isPresent() && credit.get().level() == Region.Level.COUNTY) {
            return new Placement(credit.get().code(), "信用代码");
        }
        return new Placement(null, null);
    }
}
