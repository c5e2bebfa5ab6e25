package stipanel.ingest;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;

import org.duckdb.DuckDBAppender;

/**
 * A DuckDB appender for a fact table whose first three columns are the lineage (content_hash, sheet, row_number).
 * {@link #row(RawRow)} starts a row with them; the typed {@code add} methods take nulls.
 */
public final class FactAppender implements AutoCloseable {

    private final DuckDBAppender appender;
    private final LoadContext context;

    FactAppender(DuckDBAppender appender, LoadContext context) {
        this.appender = appender;
        this.context = context;
    }

    public FactAppender row(RawRow row) throws SQLException {
        appender.beginRow();
        appender.append(context.delivery().contentHash());
        appender.append(context.sheet());
        appender.append(row.number());
        return this;
    }

    public FactAppender add(String value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else {
            appender.append(value);
        }
        return this;
    }

    public FactAppender add(BigDecimal value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else {
            appender.append(value.doubleValue());
        }
        return this;
    }

    public FactAppender add(Integer value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else {
            appender.append(value.intValue());
        }
        return this;
    }

    public FactAppender add(LocalDate value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else {
            appender.append(value);
        }
        return this;
    }

    public FactAppender add(Boolean value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else {
            appender.append(value.booleanValue());
        }
        return this;
    }

    public void end() throws SQLException {
        appender.endRow();
    }

    @Override
    public void close() throws SQLException {
        appender.close();
    }
}
