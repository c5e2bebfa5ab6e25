package stipanel;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.support.PropertySourcesPlaceholderConfigurer;

import stipanel.cli.Cli;
import stipanel.cli.TunedJvm;

/**
 * sti-panel: county science-and-technology indicator panel. See README.md; {@code --help} lists the commands.
 *
 * <p>The job's context holds only what this package declares (the batch and warehouse configuration, the extract
 * kinds): no auto-configuration. Spring Boot's would add a Hikari pool, JdbcTemplates, task executors and schedulers,
 * AOP and SSL registries, none of which the job uses (it has its own single-connection data source and transaction
 * manager), and evaluating and building them was ~9 % of a small night's CPU (docs/performance.md "The small night").
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@ComponentScan
public class StiPanelApplication {

    public static void main(String[] args) {
        System.exit(TunedJvm.relaunch(args).orElseGet(() -> Cli.run(args, System.out, System.err)));
    }

    /** {@code ${…}} in {@code @Value} fails on a property that is neither set nor defaulted, instead of staying text. */
    @Bean
    static PropertySourcesPlaceholderConfigurer propertySourcesPlaceholderConfigurer() {
        return new PropertySourcesPlaceholderConfigurer();
    }
}
