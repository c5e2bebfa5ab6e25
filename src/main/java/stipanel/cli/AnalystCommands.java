package stipanel.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import stipanel.panel.IndicatorCatalogue;
import stipanel.panel.ModelGraph;
import stipanel.panel.ModelListing;
import stipanel.warehouse.Warehouse;

/**
 * The analysts' commands, both on the published warehouse opened read-only (so they never block, nor are blocked
 * by, the nightly run): {@code describe} prints the views and their columns with their comments;
 * {@code export-parquet DIR} writes the fact tables and the panel as Parquet files.
 */
public final class AnalystCommands {

    /**
     * Views and tables exported besides every table of schema {@code facts}; the ledger of deliveries too, because
     * which rows count (latest 数据截止日期, then the later delivery) depends on it.
     */
    static final List<String> EXPORTED_VIEWS = List.of("main.indicator_panel", "main.sti_index", "ingest.deliveries",
            "ref.regions");

    private AnalystCommands() {
    }

    /** {@code describe [--warehouse FILE]}, or {@code describe --sql [MODEL|INDICATOR]} (no warehouse needed). */
    public static int describe(List<String> args, PrintStream out, PrintStream err) {
        if (!args.isEmpty() && args.get(0).equals("--sql")) {
            if (args.size() > 2) {
                throw new IllegalArgumentException("describe --sql takes at most one model or indicator code");
            }
            ModelListing.print(ModelGraph.shipped(IndicatorCatalogue.load()), args.size() == 2 ? args.get(1) : null, out);
            return ExitCode.COMPLETED;
        }
        Path warehouse = warehouse(args, 0);
        try (Connection c = open(warehouse)) {
            out.println("warehouse " + warehouse + " (opened read-only)");
            List<String[]> views = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("""
                    select schema_name, view_name, coalesce(comment, '')
                    from duckdb_views()
                    where not internal and database_name = current_database()
                    order by case schema_name when 'main' then 0 else 1 end, schema_name, view_name
                    """)) {
                while (r.next()) {
                    views.add(new String[] {r.getString(1), r.getString(2), r.getString(3)});
                }
            }
            for (String[] view : views) {
                out.println();
                out.println(("main".equals(view[0]) ? view[1] : view[0] + "." + view[1])
                        + (view[2].isEmpty() ? "" : "  -- " + view[2]));
                try (PreparedStatement p = c.prepareStatement("""
                        select column_name, data_type, coalesce(comment, '')
                        from duckdb_columns()
                        where schema_name = ? and table_name = ? and database_name = current_database()
                        order by column_index
                        """)) {
                    p.setString(1, view[0]);
                    p.setString(2, view[1]);
                    try (ResultSet r = p.executeQuery()) {
                        while (r.next()) {
                            out.printf("  %-24s %-12s %s%n", r.getString(1), r.getString(2), r.getString(3));
                        }
                    }
                }
            }
            out.println();
            out.println("As of a date (table macros: select * from staging.statistics_as_of(DATE '2025-06-30')):");
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("""
                    select distinct schema_name || '.' || function_name || '(' || array_to_string(parameters, ', ')
                        || ')', coalesce(comment, '')
                    from duckdb_functions()
                    where function_type = 'table_macro' and not internal and database_name = current_database()
                        and comment is not null
                    order by 1
                    """)) {
                while (r.next()) {
                    out.println("  " + r.getString(1) + "  -- " + r.getString(2));
                }
            }
            out.println();
            out.println("Tables behind the views: select * from duckdb_columns() where schema_name = 'facts'"
                    + " (also ref, ingest, staging, marts).");
            return ExitCode.COMPLETED;
        } catch (SQLException e) {
            err.println("sti-panel: cannot read " + warehouse + ": " + e.getMessage());
            return ExitCode.FAILED_RESUMABLE;
        }
    }

    /**
     * {@code export-parquet DIR [--warehouse FILE]}: DIR/facts/<table>/year=Y/province=P/*.parquet (hive-partitioned
     * by year and province, for engines beyond one machine), DIR/<view>.parquet.
     */
    public static int exportParquet(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.get(0).startsWith("--")) {
            throw new IllegalArgumentException("export-parquet needs a folder: export-parquet DIR [--warehouse FILE]");
        }
        Path dir = Path.of(args.get(0));
        Path warehouse = warehouse(args, 1);
        try (Connection c = open(warehouse)) {
            List<String[]> sources = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("""
                    select table_name from duckdb_tables()
                    where schema_name = 'facts' and database_name = current_database() order by table_name
                    """)) {
                while (r.next()) {
                    sources.add(new String[] {"facts." + r.getString(1), "facts/" + r.getString(1)});
                }
            }
            for (String view : EXPORTED_VIEWS) {
                sources.add(new String[] {view, view.substring(view.indexOf('.') + 1) + ".parquet"});
            }
            for (String[] source : sources) {
                Path target = dir.resolve(source[1]).toAbsolutePath();
                Files.createDirectories(target.getParent());
                Path temp = target.resolveSibling("." + target.getFileName() + ".part");
                boolean partitioned = source[0].startsWith("facts.");
                long rows;
                try (Statement s = c.createStatement()) {
                    if (partitioned) {
                        deleteTree(temp);
                        s.execute("copy (" + partitionedSelect(c, source[0]) + ") to '"
                                + temp.toString().replace("'", "''") + "' (format parquet, compression zstd,"
                                + " partition_by (year, province), write_partition_columns true)");
                    } else {
                        s.execute("copy (select * from " + source[0] + ") to '" + temp.toString().replace("'", "''")
                                + "' (format parquet, compression zstd)");
                    }
                    try (ResultSet r = s.executeQuery("select count(*) from " + source[0])) {
                        r.next();
                        rows = r.getLong(1);
                    }
                }
                if (partitioned) {
                    deleteTree(target);
                    if (Files.exists(temp)) {
                        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                    }
                } else {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
                out.printf("%-40s %8d rows  %s%n", source[0], rows, target);
            }
            return ExitCode.COMPLETED;
        } catch (SQLException | IOException e) {
            err.println("sti-panel: export-parquet failed: " + e.getMessage());
            return ExitCode.FAILED_RESUMABLE;
        }
    }

    /**
     * A fact table with its partition columns: {@code year} (the table's own year, else its {@code *_year} column,
     * else the year of its first date column: a patent's 申请日, an enterprise's 成立日期) and {@code province}
     * ({@code region_code}'s first two digits + 0000). Both stay in the files too, so that a reader without
     * hive partitioning sees them.
     */
    static String partitionedSelect(Connection c, String table) throws SQLException {
        List<String[]> columns = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("select column_name, data_type from duckdb_columns()"
                + " where schema_name || '.' || table_name = ? and database_name = current_database()"
                + " order by column_index")) {
            p.setString(1, table);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    columns.add(new String[] {r.getString(1), r.getString(2)});
                }
            }
        }
        String year = columns.stream().anyMatch(x -> x[0].equals("year")) ? null
                : columns.stream().filter(x -> x[0].endsWith("_year") && x[1].equals("INTEGER")).findFirst()
                .map(x -> x[0] + " as year")
                .or(() -> columns.stream().filter(x -> x[1].equals("DATE")).findFirst()
                        .map(x -> "year(" + x[0] + ") as year"))
                .orElse("cast(null as integer) as year");
        String province = columns.stream().anyMatch(x -> x[0].equals("region_code"))
                ? "left(region_code, 2) || '0000' as province" : "cast(null as varchar) as province";
        return "select *" + (year == null ? "" : ", " + year) + ", " + province + " from " + table;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static Path warehouse(List<String> args, int from) {
        Path warehouse = RunOptions.DEFAULT_WAREHOUSE;
        for (int i = from; i < args.size(); i++) {
            String option = args.get(i);
            if (!option.equals("--warehouse")) {
                throw new IllegalArgumentException("unknown option '" + option + "'");
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException("--warehouse needs a value");
            }
            warehouse = Path.of(args.get(++i));
        }
        if (!Files.isRegularFile(warehouse)) {
            throw new IllegalArgumentException("--warehouse " + warehouse + " is not a file (run the nightly job first)");
        }
        return warehouse;
    }

    /** Read-only, like an analyst: never blocks the nightly run; attached under a fixed name, so any file name works. */
    static Connection open(Path warehouse) throws SQLException {
        return Warehouse.openReadOnly(warehouse);
    }
}
