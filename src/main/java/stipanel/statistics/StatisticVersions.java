package stipanel.statistics;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;

import stipanel.ingest.FactAppender;
import stipanel.ingest.RawRow;
import stipanel.ingest.Region;

/** Versions of base statistics in {@code facts.statistic_versions}, whatever the layout they came in. */
final class StatisticVersions {

    static final String TABLE = "facts.statistic_versions";

    private StatisticVersions() {
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
