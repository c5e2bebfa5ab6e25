package stipanel.batch;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.support.JdbcDefaultBatchConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.annotation.Isolation;

import stipanel.warehouse.Warehouse;
import stipanel.warehouse.WorkingCopy;

/**
 * Spring Batch's job repository lives in the warehouse itself (schema {@code ops}), on the same single DuckDB
 * connection as the loads: a file's facts and the step's progress commit in one transaction. DuckDB runs the
 * PostgreSQL flavour of the repository schema unchanged; it has no isolation levels to set (ENGINEERING.md).
 */
@Configuration
public class WarehouseBatchConfiguration extends JdbcDefaultBatchConfiguration {

    @Bean(destroyMethod = "destroy")
    public SingleConnectionDataSource dataSource(@Value("${stipanel.database}") String database,
                                                 ObjectProvider<WorkingCopy> workingCopy) throws SQLException {
        workingCopy.ifAvailable(WorkingCopy::await);
        SingleConnectionDataSource ds = Warehouse.dataSource(Path.of(database));
        Connection c = DataSourceUtils.getConnection(ds);
        Warehouse.ensureJobRepository(c);
        return ds;
    }

    @Bean
    public JdbcTransactionManager transactionManager(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource);
    }

    /** The run's clock; {@code stipanel.today} pins the date (tests, re-running a past night). */
    @Bean
    public Clock clock(@Value("${stipanel.today:}") String today) {
        if (today.isEmpty()) {
            return Clock.systemDefaultZone();
        }
        ZoneId zone = ZoneId.systemDefault();
        return Clock.fixed(LocalDate.parse(today).atTime(12, 0).atZone(zone).toInstant(), zone);
    }

    @Override
    protected String getDatabaseType() {
        return "POSTGRES";
    }

    @Override
    protected Isolation getIsolationLevelForCreate() {
        return Isolation.DEFAULT;
    }

    @Override
    protected String getTablePrefix() {
        return "ops.BATCH_";
    }
}
