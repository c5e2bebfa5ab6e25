package stipanel.batch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import java.util.List;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.datasource.DataSourceUtils;

import stipanel.panel.PanelBuilder;
import stipanel.warehouse.Warehouse;

/**
 * Rebuilds the marts and the analysts' views from the facts (the tables the night's deliveries can change), in one transaction, and records in
 * {@code ops.panel_changes} which panel values differ from the panel the previous run built (the {@code runs} view).
 */
public class BuildPanelTasklet implements Tasklet {

    private static final Logger LOG = LoggerFactory.getLogger(BuildPanelTasklet.class);

    private static final String PANEL = "marts.panel";

    private final DataSource dataSource;
    private final PanelBuilder builder;

    public BuildPanelTasklet(DataSource dataSource, PanelBuilder builder) {
        this.dataSource = dataSource;
        this.builder = builder;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        Connection c = DataSourceUtils.getConnection(dataSource);
        Warehouse.setMemoryLimit(c, Warehouse.memoryLimit());
        boolean hadPanel = hasPanel(c);
        try (Statement s = c.createStatement()) {
            s.execute("create or replace temp table previous_panel (region_code varchar, year integer, "
                    + "indicator_code varchar, value double)");
        }
        // Only the rows the build replaces can change: they are kept aside just before, not the whole panel.
        String[] compared = {null};
        PanelBuilder.Outcome built = builder.build(c, (table, regions) -> {
            if (!table.equals(PANEL)) {
                return;
            }
            compared[0] = regions == null ? "" : PanelBuilder.whereIn("region_code", regions);
            if (hadPanel) {
                try (Statement s = c.createStatement()) {
                    s.execute("insert into temp.previous_panel select region_code, year, indicator_code, value from "
                            + PANEL + compared[0]);
                }
            }
        });
        List<String> kept = built.kept();
        if (!built.regionsReplaced().isEmpty()) {
            LOG.info("buildPanel: rows replaced for the regions of the cities the new rows touch: {}",
                    built.regionsReplaced().entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + " regions)")
                            .collect(Collectors.joining(", ")));
        }
        if (!kept.isEmpty()) {
            LOG.info("buildPanel: kept {} tables whose inputs did not change: {}", kept.size(), String.join(", ", kept));
        }
        if (compared[0] != null) {
            try (PreparedStatement p = c.prepareStatement("""
                    insert into ops.panel_changes
                    select ?, coalesce(now.region_code, before.region_code), coalesce(now.year, before.year),
                        coalesce(now.indicator_code, before.indicator_code), before.value, now.value,
                        case when before.indicator_code is null then 'new'
                             when now.indicator_code is null then 'removed'
                             else 'changed' end
                    from (select region_code, year, indicator_code, value from marts.panel%s) as now
                    full join temp.previous_panel as before
                        on before.region_code = now.region_code and before.year = now.year
                        and before.indicator_code = now.indicator_code
                    where before.indicator_code is null or now.indicator_code is null
                        or before.value is distinct from now.value""".formatted(compared[0]))) {
                p.setLong(1, chunkContext.getStepContext().getStepExecution().getJobExecutionId());
                p.executeUpdate();
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("drop table temp.previous_panel");
        }
        PausePoint.reach("panel");
        return RepeatStatus.FINISHED;
    }

    private static boolean hasPanel(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "select count(*) from duckdb_tables() where schema_name = 'marts' and table_name = 'panel' "
                        + "and database_name = current_database()")) {
            r.next();
            return r.getLong(1) > 0;
        }
    }
}
