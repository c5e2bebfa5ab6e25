package stipanel.ingest;

import org.duckdb.DuckDBConnection;

/**
 * What a loader gets for one table: the run's connection (inside the file's transaction), the delivery for lineage,
 * the sheet name, the bound header (with what the titles and the file name say, {@link #metadata()}).
 */
public record LoadContext(DuckDBConnection connection, Delivery delivery, String sheet, HeaderBinding header,
                          IngestSettings settings) {

    /** What the table's title rows, sheet name and file name say: unit, year, cut-off, 发布日期, scope. */
    public TableMetadata metadata() {
        return header.metadata();
    }

    /** Starts an appender row carrying this table's lineage columns first: content hash, sheet, row number. */
    public FactAppender appender(String schema, String table) throws java.sql.SQLException {
        return new FactAppender(connection.createAppender(schema, table), this);
    }
}
