package stipanel.batch;

import java.nio.file.Path;
import java.time.LocalDate;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.datasource.DataSourceUtils;

import stipanel.workbook.PanelWorkbook;

/** Writes the city's workbook, one per plan, into the out folder. */
public class ExportWorkbookTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ExportWorkbookTasklet.class);

    private final DataSource dataSource;
    private final Path out;
    private final LocalDate asOf;
    private final LocalDate runDate;

    public ExportWorkbookTasklet(DataSource dataSource, Path out, LocalDate asOf, LocalDate runDate) {
        this.dataSource = dataSource;
        this.out = out;
        this.asOf = asOf;
        this.runDate = runDate;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        for (Path written : PanelWorkbook.write(DataSourceUtils.getConnection(dataSource), out, asOf, runDate)) {
            log.info("workbook written: {}", written);
        }
        return RepeatStatus.FINISHED;
    }
}
