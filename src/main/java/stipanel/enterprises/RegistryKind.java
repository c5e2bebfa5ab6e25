package stipanel.enterprises;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import stipanel.ingest.Cells;
import stipanel.ingest.Column;
import stipanel.ingest.FactAppender;
import stipanel.ingest.HeaderBinding;
import stipanel.ingest.LoadContext;
import stipanel.ingest.RawRow;
import stipanel.ingest.RowRejectedException;
import stipanel.ingest.TableKind;
import stipanel.ingest.Uscc;

/**
 * 企业登记 (DOMAIN.md §7): the registry's extract, one enterprise per row. Every row is kept; which row of an
 * enterprise is current (the latest 数据截止日期) is decided in SQL ({@code staging.registry_current}).
 */
@Component
public class RegistryKind extends TableKind {

    static final String USCC = "统一社会信用代码";
    static final String NAME = "企业名称";
    static final String TYPE = "企业类型";
    static final String STATUS = "登记状态";
    static final String ESTABLISHED = "成立日期";
    static final String STATUS_CHANGED = "状态变更日期";
    static final String CAPITAL = "注册资本";
    static final String INDUSTRY = "行业代码";
    static final String ADDRESS_REGION = "住所行政区划代码";
    static final String AUTHORITY = "登记机关";
    static final String CUTOFF = "数据截止日期";

    private static final List<Column> COLUMNS = List.of(
            Column.required(USCC, "社会信用代码", "信用代码", "统一代码"),
            Column.optional(NAME, "名称", "企业(机构)名称", "市场主体名称"),
            Column.optional(TYPE, "企业类型(类别)", "市场主体类型"),
            Column.required(STATUS, "企业状态", "经营状态", "登记状态(经营状态)"),
            Column.required(ESTABLISHED, "成立时间", "注册日期"),
            Column.optional(STATUS_CHANGED, "注销/吊销/迁出日期", "注销日期", "状态日期"),
            Column.optional(CAPITAL, "注册资金"),
            Column.optional(INDUSTRY, "国民经济行业代码", "行业门类代码", "所属行业代码"),
            Column.optional(ADDRESS_REGION, "住所所在行政区划代码", "住所区划代码", "行政区划代码"),
            Column.optional(AUTHORITY),
            Column.optional(CUTOFF, "截止日期", "数据日期"));

    static final String TABLE = "facts.registry_entries";

    public RegistryKind() {
        super("enterprise_registry", TABLE, COLUMNS);
    }

    @Override
    protected void load(LoadContext context, RawRow row, FactAppender appender) throws SQLException {
        HeaderBinding h = context.header();
        String uscc = Uscc.valid(h.get(row, USCC), USCC);
        String status = RegistrationStatus.of(h.get(row, STATUS), STATUS);
        LocalDate established = Places.requiredDate(h.get(row, ESTABLISHED), ESTABLISHED);
        LocalDate changed = Cells.date(h.get(row, STATUS_CHANGED), STATUS_CHANGED);
        if (RegistrationStatus.ENDING.contains(status) && changed == null) {
            throw new RowRejectedException(STATUS + " " + status + " without " + STATUS_CHANGED);
        }
        if (changed != null && changed.isBefore(established)) {
            throw new RowRejectedException(STATUS_CHANGED + " " + changed + " is before " + ESTABLISHED + " "
                    + established);
        }
        RegisteredCapital capital = RegisteredCapital.parse(h.get(row, CAPITAL), h.unit(CAPITAL), CAPITAL);
        String industry = IndustryCode.of(h.get(row, INDUSTRY), INDUSTRY);
        String region = Places.county(h.get(row, ADDRESS_REGION), ADDRESS_REGION);
        LocalDate cutoff = Cells.date(h.get(row, CUTOFF), CUTOFF);
        boolean undated = cutoff == null;
        appender.row(row).add(uscc).add(uscc.substring(8, 17)).add(Cells.optionalText(h.get(row, NAME)))
                .add(Cells.optionalText(h.get(row, TYPE))).add(status).add(Cells.text(h.get(row, STATUS)))
                .add(established).add(changed)
                .add(capital == null ? null : capital.amountWan())
                .add(capital == null ? null : capital.currency())
                .add(Cells.optionalText(h.get(row, CAPITAL))).add(industry).add(region)
                .add(Cells.optionalText(h.get(row, AUTHORITY)))
                .add(undated ? context.delivery().firstIngestedOn() : cutoff).add(undated);
        appender.end();
    }
}
