package stipanel.warehouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL run statement by statement on the caller's connection (and so inside the caller's transaction: DuckDB 2.0 would
 * run a semicolon-separated string in auto-commit).
 */
public final class SqlScript {

    private SqlScript() {
    }

    /** Runs every statement of {@code sql}; statements end with a semicolon at the end of a line. */
    public static void run(Connection connection, String sql, String origin) throws SQLException {
        for (String statement : statements(sql)) {
            try (Statement s = connection.createStatement()) {
                s.execute(statement);
            } catch (SQLException e) {
                throw new SQLException(origin + ": " + e.getMessage() + "\n" + statement, e);
            }
        }
    }

    public static List<String> statements(String sql) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\n", -1)) {
            if (line.strip().startsWith("--") && current.toString().isBlank()) {
                continue;
            }
            current.append(line).append('\n');
            if (line.stripTrailing().endsWith(";")) {
                String s = current.toString().strip();
                statements.add(s.substring(0, s.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }
}
