package stipanel.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the night's run did: its figures, its delivered files, and its rejected rows grouped by reason. */
record Night(RunSummary summary, int inboxFiles, List<DeliveredFile> files, List<Reason> reasons) {

    record DeliveredFile(String fileName, String relativePath, String kind, String status, String message,
                         long rowsRead, long rowsLoaded, long rowsRejected) {
    }

    /** One reason (code) of rejection: how many of the night's rows it rejected, and the first few. */
    record Reason(String code, long rows, List<Example> examples) {
    }

    record Example(String reason, String fileName, String sheet, Integer rowNumber, String raw) {
    }

    static final int EXAMPLES = 3;

    static Night load(Connection c, long jobInstanceId, int inboxFiles) throws SQLException {
        List<DeliveredFile> files = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("with " + RunSummary.EXECUTIONS + """
                select file_name, relative_path, coalesce(kind, ''), status, coalesce(message, ''), rows_read,
                       rows_loaded, rows_rejected
                from ingest.deliveries
                where job_execution_id in (select run_id from executions)
                order by delivery_id
                """)) {
            p.setLong(1, jobInstanceId);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    files.add(new DeliveredFile(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getString(5), r.getLong(6), r.getLong(7), r.getLong(8)));
                }
            }
        }
        Map<String, Reason> reasons = new LinkedHashMap<>();
        try (PreparedStatement p = c.prepareStatement("with " + RunSummary.EXECUTIONS + """
                , night as (
                    select content_hash, min(file_name) as file_name from ingest.deliveries
                    where job_execution_id in (select run_id from executions) and status = 'loaded'
                    group by content_hash
                ),
                rejected as (
                    select %s as reason_code, rejected.reason, night.file_name, rejected.sheet,
                           rejected.row_number, rejected.raw
                    from ingest.rejected_rows as rejected
                    join night using (content_hash)
                )
                select reason_code, count(*) over (partition by reason_code) as n, reason, file_name, sheet,
                       row_number, raw
                from rejected
                qualify row_number() over (partition by reason_code order by file_name, sheet, row_number) <= ?
                order by n desc, reason_code, file_name, sheet, row_number
                """.formatted(MorningReport.REASON_CODE))) {
            p.setLong(1, jobInstanceId);
            p.setInt(2, EXAMPLES);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    String code = r.getString(1);
                    long rows = r.getLong(2);
                    int rowNumber = r.getInt(6);
                    Integer row = r.wasNull() ? null : rowNumber;
                    reasons.computeIfAbsent(code, k -> new Reason(code, rows, new ArrayList<>())).examples()
                            .add(new Example(r.getString(3), r.getString(4), r.getString(5), row, r.getString(7)));
                }
            }
        }
        return new Night(RunSummary.of(c, jobInstanceId), inboxFiles, files, List.copyOf(reasons.values()));
    }
}
