package stipanel.statistics;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

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
import stipanel.ingest.Units;

/**
 * 统计指标长表 (DOMAIN.md §4): one published value per row, as the statistics bureau and the departments that use
 * its template (人社局, 财政局 …) deliver them. Every row is a version; which version counts is decided in SQL
 * ({@code staging.statistics_current}).
 */
@Component
public class StatisticsLongFormKind extends TableKind {

    static final String YEAR = "年份";
    static final String REGION_CODE = "地区代码";
    static final String REGION_NAME = "地区名称";
    static final String STATISTIC = "指标名称";
    static final String VALUE = "数值";
    static final String UNIT = "计量单位";
    static final String STATUS = "数据状态";
    static final String PUBLISHED = "发布日期";
    static final String STATISTIC_CODE = "指标代码";

    public StatisticsLongFormKind(KindDefinitions definitions) {
        super(definitions.get("statistics_long"), StatisticVersions.TABLE);
    }

    @Override
    protected void load(LoadContext context, RawRow row, FactAppender appender) throws SQLException {
        HeaderBinding h = context.header();
        Integer year = Cells.year(h.get(row, YEAR), YEAR);
        if (year == null || year < 1949 || year > 2100) {
            throw new RowRejectedException(YEAR + " is missing or out of range: '" + h.get(row, YEAR) + "'");
        }
        Region region = region(h, row);
        BaseStatistic statistic = statistic(h, row);
        String deliveredUnit = Cells.text(h.get(row, UNIT));
        BigDecimal value = Units.convert(Cells.number(h.get(row, VALUE), VALUE),
                deliveredUnit.isEmpty() ? unstatedUnit(h, statistic, row) : deliveredUnit, statistic.unit(), UNIT);
        String status = PublicationStatus.of(h.get(row, STATUS));
        LocalDate published = Cells.date(h.get(row, PUBLISHED), PUBLISHED);
        boolean undated = published == null;
        StatisticVersions.append(appender, row, statistic, region, year, value, status,
                undated ? context.delivery().firstIngestedOn() : published, undated,
                Cells.text(h.get(row, STATISTIC)), deliveredUnit, Cells.text(h.get(row, VALUE)));
    }

    /**
     * The unit of a row whose 计量单位 is empty: the 数值 header's (数值（万元）), else for a money statistic the title's
     * unit line (金额单位：千元); none means the statistic's canonical unit.
     */
    private static String unstatedUnit(HeaderBinding h, BaseStatistic statistic, RawRow row) {
        if (!h.unit(VALUE).isEmpty()) {
            return h.unit(VALUE);
        }
        return StatisticVersions.titleUnit(statistic, h.metadata(), h.get(row, VALUE), VALUE + "：计量单位为空");
    }

    private static Region region(HeaderBinding h, RawRow row) {
        String code = h.get(row, REGION_CODE);
        if (!Cells.isMissing(code)) {
            return Regions.resolveCode(code, REGION_CODE);
        }
        String name = h.get(row, REGION_NAME);
        if (Cells.isMissing(name)) {
            throw new RowRejectedException("neither " + REGION_CODE + " nor " + REGION_NAME + " is given");
        }
        return Regions.resolveName(name, null, REGION_NAME);
    }

    private static BaseStatistic statistic(HeaderBinding h, RawRow row) {
        Optional<BaseStatistic> byCode = BaseStatistic.byCode(Cells.text(h.get(row, STATISTIC_CODE)));
        if (byCode.isPresent()) {
            return byCode.get();
        }
        String name = h.get(row, STATISTIC);
        return BaseStatistic.named(name).orElseThrow(() ->
                new RowRejectedException(STATISTIC + " '" + Cells.text(name) + "' is no base statistic or alias"));
    }
}
