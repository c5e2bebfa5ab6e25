package stipanel.ingest;

import java.sql.SQLException;
import java.util.List;

/**
 * A kind whose CSV deliveries DuckDB checks as a set (issue #7): the kind's fast lane, a query, runs straight over
 * DuckDB's reader of the file ({@link StagedCsv}), picks the rows that are certainly valid in their plain form and
 * gives their facts, which go into the fact table in one statement. Every other row goes through the
 * kind's row loader as it would in the row path, so every rule keeps one implementation, and every reason with it,
 * in Java; the lane only has to be narrower than the rules, never wider.
 */
public interface SetBasedKind extends ExtractKind {

    /** The kind's columns, in the order {@code delivered} gives them. */
    List<Column> columns();

    /**
     * The fast lane: a query over the view {@code delivered} ({@code ordinal}, the data row's position from 0;
     * {@code cells_fit}, false when a cell is too long for any field; {@code cells}, the row's cells as read; then one
     * text column per column of the kind, named as the column, NULL where empty or not delivered) that returns
     * {@code ordinal}, {@code fast}, the fact table's columns after its lineage, in table order, and last
     * {@code cells} as it got them. Where {@code fast} is true the fact columns must be exactly what the row loader
     * appends for the row; elsewhere they must not raise errors. {@code delivered} is DuckDB's CSV reader, which
     * has no row count for the planner: a join to a small table is best written as {@code in}. May create temporary
     * macros and tables on the context's connection first: that is the connection that runs the lane, not the
     * file's transaction.
     */
    String fastLane(LoadContext context) throws SQLException;
}
