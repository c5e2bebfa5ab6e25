package stipanel.enterprises;

import java.math.BigDecimal;
import java.sql.SQLException;
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
import stipanel.ingest.Units;
import stipanel.ingest.Uscc;

/**
 * 规上工业企业名录 (docs/source-rules.md "Enterprises"): one above-scale industrial enterprise per year and row, money in 万元. Its sums
 * stand in for missing official aggregates and its 是否有研发机构 feeds RD_INST_COVERAGE.
 */
@Component
public class RosterKind extends TableKind {

    static final String YEAR = "年份";
    static final String USCC = "统一社会信用代码";
    static final String NAME = "企业名称";
    static final String REGION = "地区代码";
    static final String INDUSTRY = "行业代码";
    static final String REVENUE = "营业收入";
    static final String RD_EXPENSE = "研发费用";
    static final String VALUE_ADDED = "工业增加值";
    static final String HIGH_TECH = "是否高新技术产业";
    static final String RD_INSTITUTION = "是否有研发机构";

    /** Above scale: annual main revenue of at least 2000万元 (since 2011). */
    static final BigDecimal ABOVE_SCALE_WAN = BigDecimal.valueOf(2000);

    static final String TABLE = "facts.roster_entries";

    public RosterKind(KindDefinitions definitions) {
        super(definitions.get("above_scale_roster"), TABLE);
    }

    @Override
    protected void load(LoadContext context, RawRow row, FactAppender appender) throws SQLException {
        HeaderBinding h = context.header();
        Integer year = Cells.year(h.get(row, YEAR), YEAR);
        if (year == null || year < 1990 || year > 2100) {
            throw new RowRejectedException("year_invalid", YEAR + (year == null ? "为空"
                    : "“" + year + "”不在 1990—2100 年之间"));
        }
        String uscc = Uscc.valid(h.get(row, USCC), USCC);
        String region = Places.county(h.get(row, REGION), REGION);
        if (region == null) {
            throw new RowRejectedException("value_missing", REGION + "为空");
        }
        String industry = IndustryCode.of(h.get(row, INDUSTRY), INDUSTRY);
        BigDecimal revenue = money(h, row, REVENUE);
        if (revenue == null) {
            throw new RowRejectedException("value_missing", REVENUE + "为空");
        }
        if (revenue.compareTo(ABOVE_SCALE_WAN) < 0) {
            throw new RowRejectedException("below_scale", REVENUE + " " + revenue.stripTrailingZeros().toPlainString()
                    + " 万元，低于 2000 万元：不是规模以上工业企业");
        }
        BigDecimal rd = money(h, row, RD_EXPENSE);
        BigDecimal va = money(h, row, VALUE_ADDED);
        Boolean highTech = Places.yesNo(h.get(row, HIGH_TECH), HIGH_TECH);
        Boolean rdInstitution = Places.yesNo(h.get(row, RD_INSTITUTION), RD_INSTITUTION);
        appender.row(row).add(year).add(uscc).add(Cells.optionalText(h.get(row, NAME))).add(region)
                .add(industry).add(revenue).add(rd).add(va).add(highTech).add(rdInstitution);
        appender.end();
    }

    /** A money column in 万元: the header's unit ({@code 营业收入（万元）}) converted, none meaning 万元. */
    private static BigDecimal money(HeaderBinding h, RawRow row, String column) {
        BigDecimal value = Cells.number(h.get(row, column), column);
        if (value != null && value.signum() < 0) {
            throw new RowRejectedException("value_negative", column + "“" + Cells.text(h.get(row, column)) + "”为负数");
        }
        return Units.convert(value, h.unit(column), "万元", column);
    }
}
