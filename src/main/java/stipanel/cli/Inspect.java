package stipanel.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.duckdb.DuckDBConnection;

import stipanel.ingest.Delivery;
import stipanel.ingest.DeliveryLedger;
import stipanel.ingest.ExtractKind;
import stipanel.ingest.ExtractKinds;
import stipanel.ingest.FileIngester;
import stipanel.ingest.FileOutcome;
import stipanel.ingest.HeaderBinding;
import stipanel.ingest.HeaderCell;
import stipanel.ingest.IngestSettings;
import stipanel.ingest.KindDefinitions;
import stipanel.ingest.TableMetadata;
import stipanel.panel.IndicatorCatalogue;
import stipanel.panel.Plan;
import stipanel.warehouse.ReferenceTables;
import stipanel.warehouse.Warehouse;

/**
 * {@code inspect FILE… [--rows N] [--deployment DIR]}: how each file would be read, without loading anything. The
 * file goes through the very ingester the nightly run uses, into a warehouse in memory whose transaction is rolled
 * back, so what it prints is what a run would do: format and encoding, per table the header row found and the kind
 * it matched (or the nearest, and what it lacks), each column bound and each left unread, what the titles and the file
 * name gave, and the first rows as they would load, or be rejected and why.
 */
public final class Inspect {

    static final int DEFAULT_ROWS = 5;

    private Inspect() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        List<Path> files = new ArrayList<>();
        int rows = DEFAULT_ROWS;
        Path deployment = KindDefinitions.deploymentFromEnvironment();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--rows") || a.equals("--deployment")) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(a + " needs a value");
                }
                String value = args.get(++i);
                if (a.equals("--rows")) {
                    rows = rows(value);
                } else {
                    deployment = Path.of(value);
                }
            } else if (a.startsWith("--")) {
                throw new IllegalArgumentException("unknown option '" + a + "' of inspect");
            } else {
                files.add(Path.of(a));
            }
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("inspect needs at least one file: inspect FILE… [--rows N]");
        }
        KindDefinitions definitions;
        try {
            definitions = KindDefinitions.of(deployment);
        } catch (KindDefinitions.DefinitionException e) {
            throw new IllegalArgumentException("部署配置有误：" + e.getMessage());
        }
        List<ExtractKind> kinds = ExtractKinds.all(definitions);
        int exit = ExitCode.COMPLETED;
        try (Connection plain = inMemoryWarehouse(definitions)) {
            DuckDBConnection c = plain.unwrap(DuckDBConnection.class);
            for (Path file : files) {
                if (!Files.isRegularFile(file)) {
                    err.println("sti-panel: " + file + " is not a file");
                    exit = ExitCode.BAD_ARGUMENTS;
                    continue;
                }
                inspect(file, kinds, c, rows, out);
                c.rollback();
            }
        } catch (SQLException e) {
            err.println("sti-panel: inspect failed: " + e.getMessage());
            return ExitCode.FAILED_RESUMABLE;
        }
        return exit;
    }

    private static int rows(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException("--rows takes a number of rows, not '" + value + "'");
    }

    /** A warehouse in memory with the schema and reference tables a run has, in a transaction never committed. */
    private static Connection inMemoryWarehouse(KindDefinitions definitions) throws SQLException {
        Properties p = new Properties();
        p.setProperty("autoinstall_known_extensions", "false");
        p.setProperty("autoload_known_extensions", "false");
        Connection c = DriverManager.getConnection("jdbc:duckdb:", p);
        Warehouse.ensureJobRepository(c);
        Warehouse.migrate(c);
        ReferenceTables.reload(c, IndicatorCatalogue.load(), Plan.shipped(), definitions);
        try (Statement s = c.createStatement()) {
            s.execute("insert into ops.run_settings values (current_date, null, 1000)");
        }
        c.setAutoCommit(false);
        return c;
    }

    private static void inspect(Path file, List<ExtractKind> kinds, DuckDBConnection c, int rows, PrintStream out)
            throws SQLException {
        List<FileIngester.TableReport> tables = new ArrayList<>();
        String hash = DeliveryLedger.contentHash(file);
        Delivery delivery = new Delivery(1, file, file.getFileName().toString(), hash, sizeOf(file), LocalDate.now());
        // The statement that must run before any Appender on this connection (ENGINEERING.md), as in the run.
        DeliveryLedger.lookup(c, hash, delivery.fileName());
        FileOutcome outcome = FileIngester.reporting(kinds, tables::add)
                .ingest(delivery, c, new IngestSettings(LocalDate.now()));
        out.println("文件：" + file);
        out.println("  格式：" + (outcome.format().isEmpty() ? "—" : outcome.format()));
        out.println("  结果：" + switch (outcome.status()) {
            case LOADED -> "可装载（" + outcome.kinds() + "）：读取 " + outcome.rowsRead() + " 行，装载 "
                    + outcome.rowsLoaded() + " 行，拒绝 " + outcome.rowsRejected() + " 行";
            case REFUSED -> "拒收 [" + outcome.reasonCode() + "]";
            case DUPLICATE -> "重复交付";
        });
        for (String message : outcome.messages()) {
            out.println("  说明：" + message);
        }
        boolean document = outcome.format().equals("docx");
        for (FileIngester.TableReport table : tables) {
            printTable(table, document, c, hash, rows, out);
        }
        out.println();
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static void printTable(FileIngester.TableReport table, boolean document, DuckDBConnection c, String hash,
                                   int rows, PrintStream out) throws SQLException {
        out.println("  表：" + (table.sheet().isEmpty() ? "（CSV）"
                : (document ? "Word 文档中的“" : "工作表“") + table.sheet() + "”"));
        if (table.kind() == null) {
            HeaderBinding.Assessment nearest = table.nearest().assessment();
            out.println("    没有找到已知种类的表头" + table.nearest().describe());
            if (nearest != null) {
                printBinding(nearest.binding(), out);
            }
            return;
        }
        out.println("    表头：第 " + table.headerRow() + " 行：" + String.join(" | ", table.header()));
        out.println("    种类：" + table.kind().name() + "（" + table.kind().code() + "）");
        printBinding(table.binding(), out);
        printMetadata(table.binding().metadata(), out);
        if (table.refusal() != null) {
            out.println("    整表未装载：" + table.refusal());
            return;
        }
        printRows(table, c, hash, rows, out);
    }

    private static void printBinding(HeaderBinding binding, PrintStream out) {
        out.println("    列（交付的列名 → 标准列名）：");
        for (Map.Entry<String, HeaderCell> column : binding.columns().entrySet()) {
            String unit = binding.unit(column.getKey());
            out.println("      " + column.getValue().text() + " → " + column.getKey()
                    + (unit.isEmpty() ? "" : "（单位：" + unit + "）"));
        }
        binding.fromMetadata().forEach((column, given) -> {
            if (!binding.has(column)) {
                out.println("      （" + given.from() + "）" + given.value() + " → " + column);
            }
        });
        if (!binding.unread().isEmpty()) {
            out.println("    未读取的列：" + String.join("、", binding.unread()));
        }
    }

    private static void printMetadata(TableMetadata m, PrintStream out) {
        List<String> said = new ArrayList<>();
        if (m.moneyUnit() != null) {
            said.add("金额单位 " + m.moneyUnit().stated() + (m.moneyUnit().convertible() ? "" : "（无法换算为万元）"));
        }
        if (m.year() != null) {
            said.add("年份 " + m.year());
        }
        if (m.cutoff() != null) {
            said.add("数据截止日期 " + m.cutoff() + "（取自" + m.cutoffFrom() + "）");
        }
        if (m.published() != null) {
            said.add("发布日期 " + m.published());
        }
        if (m.scope() != null) {
            said.add("地区范围 " + m.scope().name());
        }
        if (m.proposed()) {
            said.add("拟认定/公示名单");
        }
        if (!m.titles().isEmpty()) {
            out.println("    标题行：" + String.join(" / ", m.titles()));
        }
        out.println("    标题与文件名给出：" + (said.isEmpty() ? "无" : String.join("；", said)));
        m.notes().forEach(note -> out.println("    注意：" + note));
    }

    /** The first {@code rows} data rows of the table: what each loads as, or why it is rejected. */
    private static void printRows(FileIngester.TableReport table, DuckDBConnection c, String hash, int rows,
                                  PrintStream out) throws SQLException {
        if (rows == 0) {
            return;
        }
        Map<Integer, List<String>> byRow = new TreeMap<>();
        for (String factTable : table.kind().factTables()) {
            try (PreparedStatement p = c.prepareStatement("select * exclude (content_hash, sheet) from " + factTable
                    + " where content_hash = ? and coalesce(sheet, '') = ? order by row_number limit ?")) {
                p.setString(1, hash);
                p.setString(2, table.sheet());
                p.setInt(3, rows * 4);
                try (ResultSet r = p.executeQuery()) {
                    ResultSetMetaData meta = r.getMetaData();
                    while (r.next()) {
                        StringBuilder fact = new StringBuilder("装载为 ");
                        for (int i = 2; i <= meta.getColumnCount(); i++) {
                            Object value = r.getObject(i);
                            if (value instanceof Double d) {
                                // 19200000, not 1.92E7: the office compares it with the delivered number.
                                value = new java.math.BigDecimal(d.toString()).stripTrailingZeros().toPlainString();
                            }
                            if (value != null) {
                                fact.append(i > 2 ? "，" : "").append(meta.getColumnName(i)).append('=').append(value);
                            }
                        }
                        byRow.computeIfAbsent(r.getInt("row_number"), k -> new ArrayList<>()).add(fact.toString());
                    }
                }
            }
        }
        try (PreparedStatement p = c.prepareStatement("select row_number, reason_code, reason from ingest.rejected_rows"
                + " where content_hash = ? and coalesce(sheet, '') = ? order by row_number limit ?")) {
            p.setString(1, hash);
            p.setString(2, table.sheet());
            p.setInt(3, rows);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    byRow.computeIfAbsent(r.getInt(1), k -> new ArrayList<>())
                            .add("拒绝 [" + r.getString(2) + "] " + r.getString(3));
                }
            }
        }
        out.println("    前 " + rows + " 行：");
        byRow.entrySet().stream().limit(rows).forEach(e -> e.getValue()
                .forEach(line -> out.println("      第 " + e.getKey() + " 行 " + line)));
    }
}
