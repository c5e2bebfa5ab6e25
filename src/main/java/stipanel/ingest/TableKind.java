package stipanel.ingest;

import java.sql.SQLException;
import java.util.List;

/**
 * The common shape of an extract kind: recognised by the columns of {@code jobs/kinds/<code>.yml}, loaded into one
 * fact table. A subclass says only how one row is read: validate everything, then append it with its lineage, or
 * throw {@link RowRejectedException}.
 */
public abstract class TableKind implements ExtractKind {

    private final KindDefinition definition;
    private final String schema;
    private final String table;

    /** {@code factTable} as {@code schema.table}. */
    protected TableKind(KindDefinition definition, String factTable) {
        this.definition = definition;
        this.schema = factTable.substring(0, factTable.indexOf('.'));
        this.table = factTable.substring(factTable.indexOf('.') + 1);
    }

    @Override
    public String code() {
        return definition.code();
    }

    @Override
    public String name() {
        return definition.name();
    }

    @Override
    public HeaderBinding.Assessment assess(List<String> header, TableMetadata metadata) {
        return HeaderBinding.assess(header, definition, metadata);
    }

    public List<Column> columns() {
        return definition.columns();
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
