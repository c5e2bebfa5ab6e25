package stipanel.batch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.datasource.DataSourceUtils;

import stipanel.ingest.KindDefinitions;
import stipanel.panel.Indicator;
import stipanel.panel.Plan;
import stipanel.warehouse.ReferenceTables;
import stipanel.warehouse.Warehouse;

/** Brings the warehouse's schema up to date and reloads reference data, plans and the run's settings. */
public class PrepareWarehouseTasklet implements Tasklet {

    private final DataSource dataSource;
    private final List<Indicator> indicators;
    private final List<Plan> plans;
    private final LocalDate runDate;
    private final LocalDate asOf;
    private final double pledgeThresholdWan;
    private final KindDefinitions kinds;

    public PrepareWarehouseTasklet(DataSource dataSource, List<Indicator> indicators, List<Plan> plans,
                                   LocalDate runDate, LocalDate asOf, double pledgeThresholdWan,
                                   KindDefinitions kinds) {
        this.dataSource = dataSource;
        this.indicators = indicators;
        this.plans = plans;
        this.runDate = runDate;
        this.asOf = asOf;
        this.pledgeThresholdWan = pledgeThresholdWan;
        this.kinds = kinds;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        Connection c = DataSourceUtils.getConnection(dataSource);
        Warehouse.migrate(c);
        ReferenceTables.reload(c, indicators, plans, kinds);
        try (Statement s = c.createStatement()) {
            s.execute("delete from ops.run_settings");
        }
        try (PreparedStatement p = c.prepareStatement("insert into ops.run_settings values (?, ?, ?)")) {
            p.setObject(1, runDate);
            p.setObject(2, asOf);
            p.setDouble(3, pledgeThresholdWan);
            p.executeUpdate();
        }
        return RepeatStatus.FINISHED;
    }
}
