package stipanel.patents;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVRecord;

import stipanel.ingest.ReferenceData;
import stipanel.warehouse.SqlScript;

/**
 * The SEI↔IPC concordance (战略性新兴产业分类与国际专利分类参照关系表 2021) shipped in
 * {@code jobs/reference/sei_ipc_concordance.csv}, reloaded into {@code ref.sei_ipc_concordance} at every run so
 * that the warehouse says which version the high-value count used. A main IPC is in a strategic emerging industry
 * when it starts with an {@code include} prefix of that industry and with none of its {@code exclude} prefixes.
 */
public final class SeiIpcConcordance {

    public static final String FILE = "reference/sei_ipc_concordance.csv";
    private static final Set<String> RULES = Set.of("include", "exclude");

    private SeiIpcConcordance() {
    }

    public record Entry(String version, String seiCode, String seiName, String rule, String ipcPrefix,
                        String ipcTitle) {
    }

    /** The shipped entries; a malformed entry stops the run rather than silently changing the count. */
    public static List<Entry> entries() {
        List<CSVRecord> records = ReferenceData.csv(FILE);
        return records.stream().map(r -> {
            Entry e = new Entry(r.get("version"), r.get("sei_code"), r.get("sei_name"), r.get("rule"),
                    r.get("ipc_prefix"), r.get("ipc_title"));
            if (!RULES.contains(e.rule()) || !IpcSymbol.PREFIX.matcher(e.ipcPrefix()).matches()) {
                throw new IllegalStateException(FILE + " line " + (r.getRecordNumber() + 1)
                        + ": rule must be include or exclude and ipc_prefix an IPC subclass, group (H01M 10/) or"
                        + " subgroup (H01M 4/06): " + r);
            }
            return e;
        }).toList();
    }

    public static void reload(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("delete from ref.sei_ipc_concordance");
        }
        List<Object[]> rows = new ArrayList<>();
        for (Entry e : entries()) {
            rows.add(new Object[] {e.version(), e.seiCode(), e.seiName(), e.rule(), e.ipcPrefix(), e.ipcTitle()});
        }
        SqlScript.insertAll(c, "ref.sei_ipc_concordance", rows);
    }
}
