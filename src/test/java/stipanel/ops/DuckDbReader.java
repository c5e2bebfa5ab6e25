package stipanel.ops;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;

/**
 * An analyst's separate process: run in its own JVM with a DuckDB driver of any version on the class path, opens a
 * file read-only and prints DuckDB's version, then each row of a query, cells separated by '|'. Its own process
 * matters: within one JVM, DuckDB shares one database instance among the connections to a path.
 */
public final class DuckDbReader {

    /** Runs the reader in a new JVM with {@code driverJar} and returns its output; fails on a non-zero exit. */
    static String read(Path driverJar, Path database, String sql) {
        try {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    driverJar.toAbsolutePath() + File.pathSeparator
                            + Path.of(DuckDbReader.class.getProtectionDomain().getCodeSource().getLocation().toURI()),
                    DuckDbReader.class.getName(), database.toAbsolutePath().toString(), sql)
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("reader failed:\n" + output);
            }
            return output;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The DuckDB driver the tests run with (2.0). */
    static Path currentDriver() {
        try {
            return Path.of(org.duckdb.DuckDBDriver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private DuckDbReader() {
    }

    public static void main(String[] args) throws Exception {
        Properties p = new Properties();
        p.setProperty("duckdb.read_only", "true");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + args[0], p);
             Statement v = c.createStatement(); ResultSet version = v.executeQuery("select version()");
             Statement s = c.createStatement(); ResultSet r = s.executeQuery(args[1])) {
            version.next();
            System.out.println("duckdb " + version.getString(1));
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? "|" : "").append(r.getString(i));
                }
                System.out.println(row);
            }
        }
    }
}
