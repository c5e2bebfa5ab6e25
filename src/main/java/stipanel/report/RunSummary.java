package stipanel.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * What one run did, over every execution of its job instance (a resumed run includes what it resumed): the files and
 * rows of the {@code runs} view and the panel values that changed. The run's last lines and the morning report both
 * say this, from this one query.
 */
public record RunSummary(long filesLoaded, long filesRefused, long filesDuplicate, long rowsLoaded, long rowsRejected,
                         long valuesChanged, long valuesNew, long valuesRemoved, List<String> indicatorsChanged,
                         long filesSkipped) {

    /** The executions of one job instance, for the queries that read what a run did. */
    static final String EXECUTIONS = """
            executions as (select job_execution_id as run_id from ops.BATCH_JOB_EXECUTION where job_instance_id = ?)
            """;

    public static RunSummary of(Connection c, long jobInstanceId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("with " + EXECUTIONS + """
                select
                    coalesce(sum(files_loaded), 0), coalesce(sum(files_refused), 0), coalesce(sum(files_duplicate), 0),
                    coalesce(sum(rows_loaded), 0), coalesce(sum(rows_rejected), 0),
                    coalesce(sum(values_changed), 0), coalesce(sum(values_new), 0), coalesce(sum(values_removed), 0),
                    (select coalesce(string_agg(distinct indicator_code, ',' order by indicator_code), '')
                     from ops.panel_changes as change
                     where change.job_execution_id in (select run_id from executions)
                         and (change.change = 'changed' or change.value is not null
                              or change.previous_value is not null)),
                    coalesce(sum(files_skipped), 0)
                from main.runs
                where run_id in (select run_id from executions)
                """)) {
            p.setLong(1, jobInstanceId);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                String indicators = r.getString(9);
                return new RunSummary(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5),
                        r.getLong(6), r.getLong(7), r.getLong(8),
                        indicators.isEmpty() ? List.of() : Arrays.asList(indicators.split(",")), r.getLong(10));
            }
        }
    }

    public long filesDelivered() {
        return filesLoaded + filesRefused + filesDuplicate;
    }

    /** The run's figures as the office reads them, one line. */
    public String filesLine() {
        return "本次运行：文件 %d 个已装载、%d 个拒收、%d 个重复；数据行 %d 行已装载、%d 行被拒绝".formatted(filesLoaded,
                filesRefused, filesDuplicate, rowsLoaded, rowsRejected);
    }

    /** Files passed over as still being written, or "" when none was. */
    public String skippedLine() {
        return filesSkipped == 0 ? "" : "仍在写入、留待下次运行的文件 %d 个（见 ingest.skipped_files）".formatted(filesSkipped);
    }

    public String changesLine() {
        return "自上次运行以来有变化的指标：%s（面板数值：%d 个变化、%d 个新增、%d 个删除）".formatted(
                indicatorsChanged.isEmpty() ? "无" : String.join("、", indicatorsChanged), valuesChanged, valuesNew,
                valuesRemoved);
    }
}
