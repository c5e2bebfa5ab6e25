package stipanel.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * SQL files shipped on the classpath, run statement by statement on the caller's connection (and so inside the
 * caller's transaction: DuckDB 2.0 would run a semicolon-separated string in auto-commit).
 */
public final class SqlScript {

    private SqlScript() {
    }

    /** The files matching a classpath pattern such as {@code sql/warehouse/*.sql}, in name order. */
    public static List<Resource> resources(String pattern) {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:" + pattern);
            List<Resource> list = new ArrayList<>(Arrays.asList(found));
            list.sort(Comparator.comparing(Resource::getFilename));
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException(pattern, e);
        }
    }

    public static String read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(resource.getDescription(), e);
        }
    }

    public static String read(String classpathLocation) {
        return read(new PathMatchingResourcePatternResolver().getResource("classpath:" + classpathLocation));
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
