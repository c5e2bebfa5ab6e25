package stipanel.batch;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.datasource.DataSourceUtils;

import stipanel.ingest.Inbox;
import stipanel.report.MorningReport;
import stipanel.workbook.PanelWorkbook;
import stipanel.workbook.WorkbookData;

/**
 * Writes what people open into the out folder: the city's workbook and the office's morning report, one of each per
 * plan. The files written are kept in the job's context ({@link #outputs}), for the run's last lines.
 */
public class ExportWorkbookTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ExportWorkbookTasklet.class);
    private static final String OUTPUTS = "outputs";

    private final DataSource dataSource;
    private final Path inbox;
    private final Path out;
    private final LocalDate asOf;
    private final LocalDate runDate;

    public ExportWorkbookTasklet(DataSource dataSource, Path inbox, Path out, LocalDate asOf, LocalDate runDate) {
        this.dataSource = dataSource;
        this.inbox = inbox;
        this.out = out;
        this.asOf = asOf;
        this.runDate = runDate;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        Connection c = DataSourceUtils.getConnection(dataSource);
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        List<WorkbookData> plans = WorkbookData.loadAll(c, asOf, runDate);
        List<Path> written = new ArrayList<>(PanelWorkbook.write(c, out, plans));
        written.addAll(MorningReport.write(c, out, plans, runDate, step.getJobExecution().getJobInstanceId(),
                Inbox.files(inbox).size()));
        for (Path file : written) {
            log.info("written: {}", file);
        }
        step.getJobExecution().getExecutionContext().putString(OUTPUTS,
                String.join("\n", written.stream().map(Path::toString).toList()));
        return RepeatStatus.FINISHED;
    }

    /** The files the export step of this execution wrote, in order. */
    public static List<String> outputs(JobExecution execution) {
        String outputs = execution.getExecutionContext().getString(OUTPUTS, "");
        return outputs.isEmpty() ? List.of() : List.of(outputs.split("\n"));
    }
}
