package stipanel.statistics;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;

import stipanel.ingest.FactAppender;
import stipanel.ingest.LoadContext;
import stipanel.ingest.RawRow;
import stipanel.ingest.Region;

/** Appends versions of base statistics to {@code facts.statistic_versions}, whatever the layout they came in. */
final class StatisticVersionWriter implements AutoCloseable {

    static final String TABLE = "facts.statistic_versions";

    private final FactAppender appender;

    StatisticVersionWriter(LoadContext context) throws SQLException {
        this.appender = context.appender("facts", "statistic_versions");
    }

    /** One version; {@code value} null for a published "not available" (…). */
    void write(RawRow row, BaseStatistic statistic, Region region, int year, BigDecimal value, String status,
               LocalDate publishedOn, boolean publishedOnIsIngestDate, String deliveredName, String deliveredUnit,
               String deliveredValue) throws SQLException {
        appender.row(row).add(statistic.code()).add(region.code()).add(year).add(value).add(status)
                .add(publishedOn).add(publishedOnIsIngestDate).add(deliveredName).add(deliveredUnit)
                .add(deliveredValue);
        appender.end();
    }

    @Override
    public void close() throws SQLException {
        appender.close();
    }
}
