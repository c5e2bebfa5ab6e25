package stipanel.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Options of {@code sti-panel run}. {@code deployment}: the folder whose {@code kinds/*.yml} extend the shipped
 * column aliases ({@code jobs/kinds/README.md}); null for none.
 */
public record RunOptions(Path inbox, Path warehouse, Path out, LocalDate asOf, List<Path> plans,
                         Double pledgeThresholdWan, LocalDate today, Path deployment) {

    public RunOptions(Path inbox, Path warehouse, Path out, LocalDate asOf, List<Path> plans,
                      Double pledgeThresholdWan, LocalDate today) {
        this(inbox, warehouse, out, asOf, plans, pledgeThresholdWan, today,
                stipanel.ingest.KindDefinitions.deploymentFromEnvironment());
    }

    public static final Path DEFAULT_INBOX = Path.of("data-samples");
    public static final Path DEFAULT_WAREHOUSE = Path.of("warehouse", "sti-panel.duckdb");
    public static final Path DEFAULT_OUT = Path.of("out");

    public static RunOptions defaults() {
        return new RunOptions(DEFAULT_INBOX, DEFAULT_WAREHOUSE, DEFAULT_OUT, null, List.of(), null, null);
    }
}
