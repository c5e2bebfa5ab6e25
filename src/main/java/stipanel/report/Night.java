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

    /**
     * One reason of rejection: its code (ref.reason_codes) and, for a reason not yet given a code, its wording as a
     * rule; how many of the night's rows it rejected, and the first few.
     */
    record Reason(String code, String description, long rows, List<Example> examples) {
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
                    select coalesce(rejected.reason_code, 'unclassified') as reason_code,
                           -- a reason not yet given a code: its wording, without the quoted values, is its rule
                           case when coalesce(rejected.reason_code, 'unclassified') = 'unclassified'
                                then regexp_replace(regexp_replace(rejected.reason, '“[^”]*”', '“…”', 'g'),
                                    '''[^'']*''', '''…''', 'g') else '' end as rule,
                           rejected.reason, night.file_name, rejected.sheet, rejected.row_number, rejected.raw
                    from ingest.rejected_rows as rejected
                    join night using (content_hash)
                )
                select reason_code, rule, count(*) over (partition by reason_code, rule) as n, reason, file_name,
                       sheet, row_number, raw, coalesce(code.description_zh, '')
                from rejected
                left join ref.reason_codes as code on code.code = rejected.reason_code
                qualify row_number() over (partition by reason_code, rule order by file_name, sheet, row_number) <= ?
                order by n desc, reason_code, rule, file_name, sheet, row_number
                """)) {
            p.setLong(1, jobInstanceId);
            p.setInt(2, EXAMPLES);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    String code = r.getString(1);
                    String rule = r.getString(2);
                    long rows = r.getLong(3);
                    int rowNumber = r.getInt(7);
                    Integer row = r.wasNull() ? null : rowNumber;
                    String description = r.getString(9) + (rule.isEmpty() ? "" : "：" + rule);
                    reasons.computeIfAbsent(code + "\u0000" + rule,
                                    k -> new Reason(code, description, rows, new ArrayList<>()))
                            .examples().add(new Example(r.getString(4), r.getString(5), r.getString(6), row,
                                    r.getString(8)));
                }
            }
        }
        return new Night(RunSummary.of(c, jobInstanceId), inboxFiles, files, List.copyOf(reasons.values()));
    }
}
