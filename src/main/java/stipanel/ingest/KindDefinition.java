package stipanel.ingest;

import java.util.List;
import java.util.Optional;

/**
 * One kind's columns as {@code jobs/kinds/<code>.yml} (and a deployment's additions) define them.
 * {@code requiredOneOf}: groups of columns of which the table must have at least one.
 */
public record KindDefinition(String code, String name, List<Column> columns, List<List<String>> requiredOneOf) {

    public KindDefinition {
        columns = List.copyOf(columns);
        requiredOneOf = requiredOneOf.stream().map(List::copyOf).toList();
    }

    public Optional<Column> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
