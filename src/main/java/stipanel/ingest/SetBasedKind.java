package stipanel.ingest;

import java.sql.SQLException;
import java.util.List;

/**
 * A kind whose CSV deliveries DuckDB checks as a set (issue #7): the file is staged by DuckDB's reader
 * ({@link StagedCsv}) and the kind's fast lane, a query, picks the rows that are certainly valid in their plain
 * form and gives their facts, which go into the fact table in one statement. Every other row goes through the
 * kind's row loader as it would in the row path, so every rule keeps one implementation, and every reason with it,
 * in Java; the lane only has to be narrower than the rules, never wider.
 */
public interface SetBasedKind extends ExtractKind {

    /** The kind's columns, in the order {@code delivered} gives them. */
    List<Column> columns();

    /**
     * The fast lane: a query over the view {@code delivered} ({@code ordinal}, the data row's position from 0;
     * {@code cells_fit}, false when a cell is too long for any field; then one text column per column of the kind,
     * named as the column, NULL where empty or not delivered) that returns {@code ordinal}, {@code fast} and then
     * the fact table's columns after its lineage, in table order. Where {@code fast} is true those must be exactly
     * what the row loader appends for the row; elsewhere they must not raise errors. May create temporary macros
     * on the context's connection first.
     */
    String fastLane(LoadContext context) throws SQLException;
}
