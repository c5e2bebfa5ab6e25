package stipanel.ingest;

import java.util.List;

import org.duckdb.DuckDBConnection;

/**
 * What a loader gets for one table: the run's connection (inside the file's transaction), the delivery for lineage,
 * the sheet name, the texts above the header (titles that carry a year, a city, a 发布日期), and the bound header.
 */
public record LoadContext(DuckDBConnection connection, Delivery delivery, String sheet, List<String> titleTexts,
                          HeaderBinding header, IngestSettings settings) {

    /** Starts an appender row carrying this table's lineage columns first: content hash, sheet, row number. */
    public FactAppender appender(String schema, String table) throws java.sql.SQLException {
        return new FactAppender(connection.createAppender(schema, table), this);
    }
}
