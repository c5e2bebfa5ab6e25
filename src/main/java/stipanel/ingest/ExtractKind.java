package stipanel.ingest;

import java.sql.SQLException;
import java.util.List;

/**
 * A kind of extract a source delivers (统计指标长表, 专利, 企业登记 …), recognised by its header row. Each source
 * package contributes its kinds as Spring beans; {@link FileIngester} offers every header row to all of them.
 */
public interface ExtractKind {

    /** Stable code stored in {@code source_files.kind}, e.g. {@code statistics_long}. */
    String code();

    /** The kind's name for the office, e.g. 专利 ({@code jobs/kinds/<code>.yml}). */
    String name();

    /**
     * How {@code header} (with the table's title, sheet and file name in {@code metadata}) fits this kind: bound when
     * it is this kind's header, else what it lacks (for a refusal that names the nearest kind).
     */
    HeaderBinding.Assessment assess(List<String> header, TableMetadata metadata);

    /**
     * Opens a loader for one table of this kind. May throw {@link SheetRefusedException} when the table
     * cannot be read as a whole (a yearbook without a year in its title).
     */
    RowLoader open(LoadContext context) throws SQLException;

    /** The tables this kind appends to, each with a {@code content_hash} lineage column. */
    List<String> factTables();

    /** Loads the data rows of one table, appending facts in the run's transaction. */
    interface RowLoader extends AutoCloseable {

        /** Loads {@code row} or throws {@link RowRejectedException} with the reason. */
        void load(RawRow row) throws SQLException;

        /**
         * The notes rows that end the table (注：…, 数据来源：… and the rows after them), each as its text, before
         * {@link #close()}: for a kind whose figures a note qualifies (注：2024年数据为初步核算数). Not called for a
         * table without notes.
         */
        default void notes(List<String> notes) {
        }

        /** Flushes what was appended. */
        @Override
        void close() throws SQLException;
    }
}
