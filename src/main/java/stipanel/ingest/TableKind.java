package stipanel.ingest;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The common shape of an extract kind: recognised by a fixed list of columns, loaded into one fact table. A
 * subclass says only how one row is read: validate everything, then append it with its lineage, or throw
 * {@link RowRejectedException}.
 */
public abstract class TableKind implements ExtractKind {

    private final String code;
    private final String schema;
    private final String table;
    private final List<Column> columns;

    /** {@code factTable} as {@code schema.table}. */
    protected TableKind(String code, String factTable, List<Column> columns) {
        this.code = code;
        this.schema = factTable.substring(0, factTable.indexOf('.'));
        this.table = factTable.substring(factTable.indexOf('.') + 1);
        this.columns = List.copyOf(columns);
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public Optional<HeaderBinding> recognise(List<String> header) {
        return HeaderBinding.bind(header, columns);
    }

    public List<Column> columns() {
        return columns;
    }

    @Override
    public List<String> factTables() {
        return List.of(schema + "." + table);
    }

    @Override
    public RowLoader open(LoadContext context) throws SQLException {
        FactAppender appender = context.appender(schema, table);
        return new RowLoader() {
            @Override
            public void load(RawRow row) throws SQLException {
                TableKind.this.load(context, row, appender);
            }

            @Override
            public void close() throws SQLException {
                appender.close();
            }
        };
    }

    /** Loads one data row: {@code appender.row(row)…end()} once everything is valid, else a rejection. */
    protected abstract void load(LoadContext context, RawRow row, FactAppender appender) throws SQLException;
}
