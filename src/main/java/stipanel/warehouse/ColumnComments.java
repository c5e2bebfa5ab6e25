package stipanel.warehouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Views repeat the columns of the tables they read, and each source's component table ({@code marts.*_components},
 * jobs/components/) the columns of {@code marts.reported_components}. Rather than write each comment again, such a
 * column left without a comment takes the comment of the same-named table column ({@code facts} and {@code ingest}
 * first).
 */
public final class ColumnComments {

    private ColumnComments() {
    }

    public static void inherit(Connection c) throws SQLException {
        List<String[]> updates = new ArrayList<>();
        String sql = """
                with documented as (
                    select column_name, min_by(comment, case schema_name when 'facts' then 0 when 'ingest' then 1
                        else 2 end) as comment
                    from duckdb_columns()
                    where comment is not null and comment <> ''
                      and (schema_name, table_name) in (select schema_name, table_name from duckdb_tables())
                    group by column_name
                )
                select v.schema_name, v.table_name, v.column_name, d.comment
                from duckdb_columns() as v
                join documented as d on d.column_name = v.column_name
                where (v.comment is null or v.comment = '')
                    and ((v.schema_name, v.table_name) in (select schema_name, view_name from duckdb_views() where not internal)
                        or (v.schema_name = 'marts' and v.table_name like '%_components'))
                """;
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                updates.add(new String[] {r.getString(1), r.getString(2), r.getString(3), r.getString(4)});
            }
        }
        for (String[] u : updates) {
            try (Statement s = c.createStatement()) {
                s.execute("comment on column " + u[0] + "." + u[1] + "." + u[2] + " is '" + u[3].replace("'", "''")
                        + "'");
            }
        }
    }
}
