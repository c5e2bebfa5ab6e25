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
