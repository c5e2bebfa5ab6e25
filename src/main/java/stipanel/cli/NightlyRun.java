package stipanel.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.DataSourceUtils;

import stipanel.StiPanelApplication;
import stipanel.batch.NightlyJobConfiguration;
import stipanel.batch.PausePoint;
import stipanel.batch.RunParameters;
import stipanel.warehouse.Warehouse;
import stipanel.warehouse.WarehouseRefusedException;

/**
 * One run of the nightly job against a warehouse. The job writes a private working copy
 * ({@code <warehouse>.building}, which also holds Spring Batch's job repository); when the job completes, the copy
 * is published over {@code <warehouse>} by an atomic rename, so analysts reading the warehouse never block the run
 * nor see half of one. A run that failed or was killed is resumed by the next run with the same options.
 */
public final class NightlyRun {

    private NightlyRun() {
    }

    public static Path workingCopy(Path warehouse) {
        return warehouse.resolveSibling(warehouse.getFileName() + ".building");
    }

    public static int execute(RunOptions options, PrintStream out, PrintStream err) {
        return execute(options, out, err, new Object[0]);
    }

    /** {@code extraBeans} are registered in the job's context (tests add listeners that inject faults). */
    public static int execute(RunOptions options, PrintStream out, PrintStream err, Object... extraBeans) {
        Path warehouse = options.warehouse().toAbsolutePath().normalize();
        try {
            Files.createDirectories(warehouse.getParent());
            Optional<WarehouseLock> lock = WarehouseLock.tryAcquire(warehouse);
            if (lock.isEmpty()) {
                err.println("sti-panel: another run holds " + warehouse + " (" + WarehouseLock.holder(warehouse)
                        + "); not started");
                return ExitCode.WAREHOUSE_BUSY;
            }
            try (WarehouseLock held = lock.get()) {
                return runLocked(options, warehouse, out, err, extraBeans);
            }
        } catch (IOException e) {
            err.println("sti-panel: " + e.getMessage());
            return ExitCode.FAILED_RESUMABLE;
        }
    }

    private static int runLocked(RunOptions options, Path warehouse, PrintStream out, PrintStream err,
                                 Object[] extraBeans) throws IOException {
        Path working = workingCopy(warehouse);
        // Left by a run killed while it published: never complete, so never renamed over the warehouse.
        Files.deleteIfExists(publishing(warehouse));
        boolean copied = !Files.exists(working) && Files.exists(warehouse);
        if (copied) {
            // The working copy appears whole or not at all, even if this run is killed while copying.
            Path temp = working.resolveSibling(working.getFileName() + ".copying");
            Files.copy(warehouse, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, working, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            // On the copy: the warehouse itself may be open in an analyst's tool.
            Warehouse.checkWritable(working, copied ? warehouse : working);
        } catch (WarehouseRefusedException e) {
            if (copied) {
                Files.delete(working);
            }
            err.println("sti-panel: " + e.getMessage().replace("\n", "\nsti-panel: "));
            return ExitCode.BAD_WAREHOUSE;
        }
        BatchStatus status;
        String summary;
        try (ConfigurableApplicationContext context = context(options, working, extraBeans)) {
            LocalDate runDate = LocalDate.now(context.getBean(Clock.class));
            RunParameters parameters = new RunParameters(options.inbox(), options.out(), options.asOf(), runDate);
            JobExecution execution = launch(context, parameters, out);
            status = execution.getStatus();
            summary = summary(context.getBean(DataSource.class), execution);
            if (status != BatchStatus.COMPLETED) {
                String failures = execution.getAllFailureExceptions().stream().map(Throwable::toString)
                        .collect(Collectors.joining("\n  "));
                err.println("sti-panel: the run did not complete (" + status + "):\n  " + failures);
                err.println("The next run with the same options resumes it.");
            }
            checkpoint(context.getBean(DataSource.class));
        } catch (RuntimeException e) {
            err.println("sti-panel: the run could not start or complete: " + e);
            return ExitCode.FAILED_RESUMABLE;
        }
        out.print(summary);
        if (status != BatchStatus.COMPLETED) {
            return ExitCode.FAILED_RESUMABLE;
        }
        publish(working, warehouse);
        out.println("warehouse: " + warehouse);
        return ExitCode.COMPLETED;
    }

    private static ConfigurableApplicationContext context(RunOptions options, Path database, Object[] extraBeans) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("stipanel.database", database.toString());
        properties.put("spring.batch.job.enabled", "false");
        properties.put("spring.main.log-startup-info", "false");
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.stipanel", "INFO");
        properties.put("logging.pattern.console", "%d{HH:mm:ss} %-5level %msg%n");
        if (options.today() != null) {
            properties.put("stipanel.today", options.today().toString());
        }
        if (options.deployment() != null) {
            properties.put("stipanel.deployment", options.deployment().toAbsolutePath().toString());
        }
        properties.put("stipanel.min-file-age-seconds", options.minFileAgeSeconds());
        if (options.pledgeThresholdWan() != null) {
            properties.put("stipanel.pledge-threshold-wan", options.pledgeThresholdWan());
        }
        if (!options.plans().isEmpty()) {
            properties.put("stipanel.plans", options.plans().stream().map(p -> p.toAbsolutePath().toString())
                    .collect(Collectors.joining(",")));
        }
        SpringApplicationBuilder builder = new SpringApplicationBuilder(StiPanelApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .properties(properties);
        if (extraBeans.length > 0) {
            builder.initializers(ctx -> {
                for (Object bean : extraBeans) {
                    ctx.getBeanFactory().registerSingleton(bean.getClass().getName(), bean);
                }
            });
        }
        return builder.run();
    }

    /**
     * Marks executions left STARTED by a dead process as failed (this process holds the lock, so none is alive),
     * then resumes the last run if it failed with the same options, or starts a new one.
     */
    private static JobExecution launch(ConfigurableApplicationContext context, RunParameters parameters,
                                       PrintStream out) {
        JobRepository repository = context.getBean(JobRepository.class);
        JobOperator operator = context.getBean(JobOperator.class);
        Job job = context.getBean(NightlyJobConfiguration.JOB_NAME, Job.class);
        try {
            for (JobExecution dead : repository.findRunningJobExecutions(NightlyJobConfiguration.JOB_NAME)) {
                out.println("recovering run " + dead.getId() + " left unfinished by a stopped process");
                operator.recover(dead);
            }
            JobInstance last = repository.getLastJobInstance(NightlyJobConfiguration.JOB_NAME);
            long run = 1;
            if (last != null) {
                JobExecution lastExecution = repository.getLastJobExecution(last);
                Long lastRun = lastExecution.getJobParameters().getLong("run");
                run = (lastRun == null ? 0 : lastRun) + 1;
                if (lastExecution.getStatus().isUnsuccessful() || lastExecution.getStatus() == BatchStatus.STOPPED) {
                    if (parameters.sameRunAs(lastExecution.getJobParameters())) {
                        out.println("resuming run " + lastRun + " where it stopped");
                        return operator.restart(lastExecution);
                    }
                }
            }
            return operator.start(job, parameters.toJobParameters(run));
        } catch (Exception e) {
            throw new IllegalStateException("could not launch the job: " + e.getMessage(), e);
        }
    }

    /** What the run did, over all executions of its job instance (a resumed run includes what it resumed). */
    private static String summary(DataSource dataSource, JobExecution execution) {
        Connection c = DataSourceUtils.getConnection(dataSource);
        String sql = """
                select
                    sum(files_loaded), sum(files_refused), sum(files_duplicate), sum(rows_loaded), sum(rows_rejected),
                    sum(values_changed), sum(values_new), sum(values_removed),
                    (select coalesce(string_agg(distinct indicator_code, ', ' order by indicator_code), '')
                     from ops.panel_changes as change
                     where change.job_execution_id in (select run_id from executions)
                         and (change.change = 'changed' or change.value is not null
                              or change.previous_value is not null)),
                    sum(files_skipped)
                from main.runs
                where run_id in (select run_id from executions)
                """;
        String executions = "with executions as (select job_execution_id as run_id from ops.BATCH_JOB_EXECUTION "
                + "where job_instance_id = " + execution.getJobInstanceId() + ")\n";
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(executions + sql)) {
            r.next();
            String indicators = r.getString(9);
            String skipped = r.getLong(10) == 0 ? ""
                    : "仍在写入、留待下次运行的文件 %d 个（见 ingest.skipped_files）%n"
                    .formatted(r.getLong(10));
            return skipped + ("files: %d loaded, %d refused, %d duplicate; rows: %d loaded, %d rejected%n"
                    + "indicators changed since the last run: %s (panel values: %d changed, %d new, %d removed)%n")
                    .formatted(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5),
                            indicators.isEmpty() ? "none" : indicators, r.getLong(6), r.getLong(7), r.getLong(8));
        } catch (Exception e) {
            return "summary unavailable: " + e.getMessage() + "\n";
        }
    }

    private static void checkpoint(DataSource dataSource) {
        try (Statement s = DataSourceUtils.getConnection(dataSource).createStatement()) {
            s.execute("checkpoint");
        } catch (Exception e) {
            throw new IllegalStateException("checkpoint failed: " + e.getMessage(), e);
        }
    }

    private static Path publishing(Path warehouse) {
        return warehouse.resolveSibling(warehouse.getFileName() + ".publishing");
    }

    /**
     * Copies the working file beside the warehouse and renames it over the warehouse in one step. An analyst who
     * holds the old file open keeps reading the old file (the rename does not touch it); a new connection opens
     * the new one.
     */
    private static void publish(Path working, Path warehouse) throws IOException {
        Path temp = publishing(warehouse);
        Files.copy(working, temp, StandardCopyOption.REPLACE_EXISTING);
        try (var channel = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        PausePoint.reach("publish");
        Files.move(temp, warehouse, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
