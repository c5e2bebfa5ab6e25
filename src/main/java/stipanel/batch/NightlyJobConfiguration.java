package stipanel.batch;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import stipanel.ingest.ExtractKind;
import stipanel.ingest.FileIngester;
import stipanel.ingest.KindDefinitions;
import stipanel.panel.IndicatorCatalogue;
import stipanel.panel.PanelBuilder;
import stipanel.panel.PanelDefinitions;
import stipanel.panel.Plan;
import stipanel.workbook.WorkbookWarmUp;

/**
 * The nightly job: prepare the warehouse, ingest the inbox, build the panel, export the workbook and the report. When the job starts,
 * POI is loaded in the background ({@link WorkbookWarmUp}), so that the workbook step does not pay for it.
 */
@Configuration
public class NightlyJobConfiguration {

    public static final String JOB_NAME = "nightlyLoad";

    @Bean
    public Job nightlyLoad(JobRepository jobRepository, Step prepareWarehouse, Step ingestDeliveries, Step buildPanel,
                           Step exportWorkbook) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(prepareWarehouse)
                .next(ingestDeliveries)
                .next(buildPanel)
                .next(exportWorkbook)
                .listener(new JobExecutionListener() {
                    @Override
                    public void beforeJob(JobExecution jobExecution) {
                        WorkbookWarmUp.start();
                    }
                })
                .build();
    }

    @Bean
    public Step prepareWarehouse(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                 PrepareWarehouseTasklet prepareWarehouseTasklet) {
        return new StepBuilder("prepareWarehouse", jobRepository)
                .tasklet(prepareWarehouseTasklet, transactionManager)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    public Step ingestDeliveries(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                 IngestDeliveriesTasklet ingestDeliveriesTasklet) {
        return new StepBuilder("ingestDeliveries", jobRepository)
                .tasklet(ingestDeliveriesTasklet, transactionManager)
                .build();
    }

    @Bean
    public Step buildPanel(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                           BuildPanelTasklet buildPanelTasklet) {
        return new StepBuilder("buildPanel", jobRepository)
                .tasklet(buildPanelTasklet, transactionManager)
                .build();
    }

    @Bean
    public Step exportWorkbook(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                               ExportWorkbookTasklet exportWorkbookTasklet) {
        return new StepBuilder("exportWorkbook", jobRepository)
                .tasklet(exportWorkbookTasklet, transactionManager)
                .build();
    }

    @Bean
    @StepScope
    public PrepareWarehouseTasklet prepareWarehouseTasklet(DataSource dataSource, PanelDefinitions definitions,
            @Value("#{jobParameters['runDate']}") String runDate,
            @Value("#{jobParameters['asOf']}") String asOf,
            @Value("${stipanel.pledge-threshold-wan:1000}") double pledgeThresholdWan, KindDefinitions kinds) {
        return new PrepareWarehouseTasklet(dataSource, definitions.indicators(), definitions.plans(),
                LocalDate.parse(runDate), date(asOf), pledgeThresholdWan, kinds);
    }

    @Bean
    @StepScope
    public IngestDeliveriesTasklet ingestDeliveriesTasklet(DataSource dataSource, List<ExtractKind> kinds,
            ObjectProvider<DeliveryListener> listeners, Clock clock,
            @Value("#{jobParameters['inbox']}") String inbox,
            @Value("${stipanel.min-file-age-seconds:0}") long minFileAgeSeconds) {
        return new IngestDeliveriesTasklet(dataSource, new FileIngester(kinds), listeners.orderedStream().toList(), clock,
                Path.of(inbox), minFileAgeSeconds);
    }

    @Bean
    @StepScope
    public BuildPanelTasklet buildPanelTasklet(DataSource dataSource, PanelDefinitions definitions) {
        return new BuildPanelTasklet(dataSource, new PanelBuilder(definitions.indicators()));
    }

    @Bean
    @StepScope
    public ExportWorkbookTasklet exportWorkbookTasklet(DataSource dataSource,
            @Value("#{jobParameters['inbox']}") String inbox, @Value("#{jobParameters['out']}") String out,
            @Value("#{jobParameters['asOf']}") String asOf, @Value("#{jobParameters['runDate']}") String runDate) {
        return new ExportWorkbookTasklet(dataSource, Path.of(inbox), Path.of(out), date(asOf), LocalDate.parse(runDate));
    }

    /** The columns of every kind: jobs/kinds/, extended by the deployment folder of {@code stipanel.deployment}. */
    @Bean
    public KindDefinitions kindDefinitions(@Value("${stipanel.deployment:}") String deployment) {
        return KindDefinitions.of(deployment.isBlank() ? null : Path.of(deployment));
    }

    /** The indicators of jobs/indicators/ and the plans of {@code stipanel.plans} (comma-separated files), else
     * those shipped in jobs/plans/. */
    @Bean
    public PanelDefinitions panelDefinitions(@Value("${stipanel.plans:}") String planFiles) {
        List<Plan> plans = planFiles.isBlank() ? Plan.shipped()
                : Arrays.stream(planFiles.split(",")).map(f -> Plan.read(Path.of(f.strip()))).toList();
        return new PanelDefinitions(IndicatorCatalogue.load(), plans);
    }

    private static LocalDate date(String s) {
        return s == null || s.isEmpty() ? null : LocalDate.parse(s);
    }
}
