package stipanel.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
import stipanel.batch.ExportWorkbookTasklet;
import stipanel.batch.NightlyJobConfiguration;
import stipanel.batch.PausePoint;
import stipanel.batch.RunParameters;
import stipanel.report.RunSummary;
import stipanel.warehouse.Warehouse;
import stipanel.warehouse.WarehouseRefusedException;
import stipanel.warehouse.WorkingCopy;

/**
 * One run of the nightly job against a warehouse. The job writes a private working copy
 * ({@code <warehouse>.building}, which also holds Spring Batch's job repository, copied from {@code <warehouse>} when
 * the run starts); when the job completes, that file is renamed over {@code <warehouse>}, so analysts reading the
 * warehouse never block the run nor see half of one. A run that failed or was killed leaves its working copy, and
 * the next run with the same options resumes on it.
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
        Warehouse.loadEngineInBackground(err);
        Path warehouse = options.warehouse().toAbsolutePath().normalize();
        Preflight preflight;
        try {
            preflight = Preflight.check(options, warehouse);
        } catch (ConfigurationException e) {
            err.println("sti-panel：" + e.getMessage());
            err.println("配置有误，本次运行没有开始（退出码 2）：改正后再运行。");
            return ExitCode.BAD_ARGUMENTS;
        }
        out.println(preflight.firstLine());
        if (preflight.files() == 0) {
            err.println("sti-panel：警告：收件箱 " + preflight.inbox() + " 中没有任何文件。若收件箱是挂载的共享目录，"
                    + "请检查它是否已挂载；本次运行不装载任何数据。");
        }
        try {
            Optional<WarehouseLock> lock = WarehouseLock.tryAcquire(warehouse);
            if (lock.isEmpty()) {
                err.println("sti-panel：另一次运行正占用数据仓库 " + warehouse + "（" + WarehouseLock.holder(warehouse)
                        + "），本次运行没有开始");
                return ExitCode.WAREHOUSE_BUSY;
            }
            try (WarehouseLock held = lock.get()) {
                return runLocked(options, preflight, warehouse, out, err, extraBeans);
            }
        } catch (IOException e) {
            err.println("sti-panel：" + e);
            return ExitCode.FAILED_RESUMABLE;
        }
    }

    private static int runLocked(RunOptions options, Preflight preflight, Path warehouse, PrintStream out,
                                 PrintStream err, Object[] extraBeans) throws IOException {
        Path working = workingCopy(warehouse);
        // Left by a run of an earlier release, which published a copy of the working file, killed while it copied.
        Files.deleteIfExists(publishing(warehouse));
        WorkingCopy copy = null;
        if (!Files.exists(working) && Files.exists(warehouse)) {
            // On a copy: the warehouse itself may be open in an analyst's tool.
            copy = WorkingCopy.makeInBackground(warehouse, working);
        } else {
            try {
                Warehouse.checkWritable(working, working);
            } catch (WarehouseRefusedException e) {
                return warehouseRefused(e, err);
            }
        }
        try {
            return runJob(options, preflight, warehouse, working, copy, out, err, extraBeans);
        } finally {
            if (copy != null) {
                // Never left copying once the lock is released.
                copy.failure();
            }
        }
    }

    private static int runJob(RunOptions options, Preflight preflight, Path warehouse, Path working, WorkingCopy copy,
                              PrintStream out, PrintStream err, Object[] extraBeans) throws IOException {
        BatchStatus status;
        String summary;
        try (ConfigurableApplicationContext context = context(options, working, copy, extraBeans)) {
            LocalDate runDate = LocalDate.now(context.getBean(Clock.class));
            RunParameters parameters = new RunParameters(options.inbox(), options.out(), options.asOf(), runDate);
            JobExecution execution = launch(context, parameters, out);
            status = execution.getStatus();
            summary = summary(context.getBean(DataSource.class), execution, preflight);
            if (status != BatchStatus.COMPLETED) {
                String failures = execution.getAllFailureExceptions().stream().map(Throwable::toString)
                        .collect(Collectors.joining("\n  "));
                err.println("sti-panel：本次运行没有完成（" + status + "）：\n  " + failures);
                err.println("下次以相同选项运行时，将从中断处接着运行。");
            }
            checkpoint(context.getBean(DataSource.class));
        } catch (RuntimeException e) {
            Optional<Throwable> copyFailed = copy == null ? Optional.empty() : copy.failure();
            if (copyFailed.isPresent()) {
                if (copyFailed.get() instanceof WarehouseRefusedException refused) {
                    return warehouseRefused(refused, err);
                }
                err.println("sti-panel：" + copyFailed.get());
                return ExitCode.FAILED_RESUMABLE;
            }
            err.println("sti-panel：运行无法开始或完成：" + e);
            return ExitCode.FAILED_RESUMABLE;
        }
        out.print(summary);
        if (status != BatchStatus.COMPLETED) {
            return ExitCode.FAILED_RESUMABLE;
        }
        publish(working, warehouse);
        out.println("数据仓库：" + warehouse);
        return ExitCode.COMPLETED;
    }

    private static int warehouseRefused(WarehouseRefusedException e, PrintStream err) {
        err.println("sti-panel：" + e.getMessage().replace("\n", "\nsti-panel："));
        return ExitCode.BAD_WAREHOUSE;
    }

    private static ConfigurableApplicationContext context(RunOptions options, Path database, WorkingCopy copy,
                                                          Object[] extraBeans) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("stipanel.database", database.toString());
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
        List<Object> beans = new ArrayList<>(List.of(extraBeans));
        if (copy != null) {
            beans.add(copy);
        }
        if (!beans.isEmpty()) {
            builder.initializers(ctx -> {
                for (Object bean : beans) {
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

    /**
     * What the run did (over all executions of its job instance: a resumed run includes what it resumed), where the
     * reasons for what was refused or rejected are, and the files it wrote.
     */
    private static String summary(DataSource dataSource, JobExecution execution, Preflight preflight) {
        StringBuilder s = new StringBuilder();
        try {
            RunSummary run = RunSummary.of(DataSourceUtils.getConnection(dataSource), execution.getJobInstanceId());
            if (!run.skippedLine().isEmpty()) {
                s.append(run.skippedLine()).append('\n');
            }
            s.append(run.filesLine()).append('\n');
            if (run.filesDelivered() == 0 && preflight.files() > 0) {
                s.append("没有新文件：收件箱的 ").append(preflight.files()).append(" 个文件在以前的运行中都已装载过")
                        // A file is known by its path, size and time (DeliveryLedger.readBefore): the one way a change
                        // goes unseen, said where the office reads that nothing was new.
                        .append("（按路径、大小和修改时间认定；若有文件改了内容而大小和修改时间未变，先 touch 该文件再运行）\n");
            }
            List<String> outputs = ExportWorkbookTasklet.outputs(execution);
            if (run.filesRefused() + run.rowsRejected() > 0) {
                s.append("拒收与被拒绝的原因见：数据仓库视图 source_files、rejected_rows，工作簿的“数据质量”表");
                outputs.stream().filter(o -> o.endsWith(".html")).forEach(o -> s.append("，晨报 ").append(o));
                s.append('\n');
            }
            s.append(run.changesLine()).append('\n');
            for (String written : outputs) {
                s.append(written.endsWith(".html") ? "晨报：" : "工作簿：").append(written).append('\n');
            }
        } catch (Exception e) {
            s.append("无法汇总本次运行：").append(e.getMessage()).append('\n');
        }
        return s.toString();
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
     * Renames the working file over the warehouse in one step: the file the job wrote, checkpointed and closed, is
     * published as it is, without a copy (the next run copies it to work on, {@link WorkingCopy}). An analyst who
     * holds the old file open keeps reading the old file (the rename does not touch it); a new connection opens the
     * new one.
     */
    private static void publish(Path working, Path warehouse) throws IOException {
        PausePoint.reach("publish");
        Files.move(working, warehouse, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
