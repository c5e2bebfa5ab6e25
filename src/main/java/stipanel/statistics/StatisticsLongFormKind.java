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
 * 统计指标长表 (docs/source-rules.md "Statistics"): one published value per row, as the statistics bureau and the departments that use
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
        if (year == null) {
            throw new RowRejectedException("value_missing", YEAR + "为空");
        }
        if (year < 1949 || year > 2100) {
            throw new RowRejectedException("year_invalid", YEAR + "“" + Cells.text(h.get(row, YEAR))
                    + "”超出范围（应在 1949 至 2100 年之间）");
        }
        Region region = region(h, row);
        BaseStatistic statistic = statistic(h, row);
        String deliveredUnit = Cells.text(h.get(row, UNIT));
        BigDecimal value = Units.convert(Cells.number(h.get(row, VALUE), VALUE),
                deliveredUnit.isEmpty() ? unstatedUnit(h, statistic, row) : deliveredUnit, statistic.unit(), VALUE);
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
            throw new RowRejectedException("value_missing", REGION_CODE + "和" + REGION_NAME + "都为空（至少应填一项）");
        }
        return Regions.resolveName(name, null, REGION_NAME);
    }

    private static BaseStatistic statistic(HeaderBinding h, RawRow row) {
        Optional<BaseStatistic> byCode = BaseStatistic.byCode(Cells.text(h.get(row, STATISTIC_CODE)));
        if (byCode.isPresent()) {
            return byCode.get();
        }
        String name = h.get(row, STATISTIC);
        if (Cells.isMissing(name)) {
            throw new RowRejectedException("value_missing", STATISTIC + "为空");
        }
        return BaseStatistic.named(name).orElseThrow(() -> new RowRejectedException("statistic_unknown", STATISTIC
                + "“" + Cells.text(name) + "”不是已知的基础统计指标（可用的指标名称与别名见数据仓库 ref.base_statistics）"));
    }
}
