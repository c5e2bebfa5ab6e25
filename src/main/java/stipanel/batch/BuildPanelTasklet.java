package stipanel.batch;

import javax.sql.DataSource;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.datasource.DataSourceUtils;

import stipanel.panel.PanelBuilder;

/** Rebuilds the marts and the analysts' views from the facts, in one transaction. */
public class BuildPanelTasklet implements Tasklet {

    private final DataSource dataSource;
    private final PanelBuilder builder;

    public BuildPanelTasklet(DataSource dataSource, PanelBuilder builder) {
        this.dataSource = dataSource;
        this.builder = builder;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        builder.build(DataSourceUtils.getConnection(dataSource));
        return RepeatStatus.FINISHED;
    }
}
