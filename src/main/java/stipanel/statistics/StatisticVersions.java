package stipanel.statistics;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;

import stipanel.ingest.Cells;
import stipanel.ingest.FactAppender;
import stipanel.ingest.LoadContext;
import stipanel.ingest.RawRow;
import stipanel.ingest.Region;
import stipanel.ingest.RowRejectedException;
import stipanel.ingest.SheetRefusedException;
import stipanel.ingest.TableMetadata;

/** Versions of base statistics in {@code facts.statistic_versions}, whatever the layout they came in. */
final class StatisticVersions {

    static final String TABLE = "facts.statistic_versions";

    private StatisticVersions() {
    }

    /**
     * The date a table's versions carry when its rows state none: the title's 发布日期, else the day the file was first
     * ingested ({@link TableMetadata#published()} null). A 发布日期 that is no date refuses the table.
     */
    static LocalDate titleDate(LoadContext context) {
        TableMetadata metadata = context.metadata();
        if (metadata.publishedUnreadable() != null) {
            throw new SheetRefusedException("title_date_invalid", "标题中的发布日期“" + metadata.publishedUnreadable()
                    + "”不是日期");
        }
        return metadata.published() == null ? context.delivery().firstIngestedOn() : metadata.published();
    }

    /**
     * The unit of a value whose delivery states none ({@code unstated} says where, for the reason): for a money
     * statistic the title's unit line (金额单位：千元), else the canonical unit (""). A title unit that does not convert
     * rejects the row when {@code value} is there.
     */
    static String titleUnit(BaseStatistic statistic, TableMetadata metadata, String value, String unstated) {
        TableMetadata.UnitStatement title = metadata.moneyUnit();
        if (!statistic.unit().equals("万元") || title == null) {
            return "";
        }
        if (!title.convertible() && !Cells.isMissing(value)) {
            throw new RowRejectedException("title_unit_unconvertible", unstated + "，标题所述金额单位“" + title.stated()
                    + "”无法换算为万元");
        }
        return title.convertible() ? title.unit() : "";
    }

    /** Appends one version; {@code value} null for a published "not available" (…). */
    static void append(FactAppender appender, RawRow row, BaseStatistic statistic, Region region, int year,
                       BigDecimal value, String status, LocalDate publishedOn, boolean publishedOnIsIngestDate,
                       String deliveredName, String deliveredUnit, String deliveredValue) throws SQLException {
        appender.row(row).add(statistic.code()).add(region.code()).add(year).add(value).add(status)
                .add(publishedOn).add(publishedOnIsIngestDate).add(deliveredName).add(deliveredUnit)
                .add(deliveredValue);
        appender.end();
    }
}
