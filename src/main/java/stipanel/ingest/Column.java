package stipanel.ingest;

import java.util.List;

/**
 * A column an extract kind reads ({@code jobs/kinds/<kind>.yml}): its canonical name, the other header texts that mean
 * it, whether the table is the kind without it, the canonical unit of a quantity (money is 万元) and what a table's
 * title or file name may give in its place ({@link TableMetadata}).
 */
public record Column(String name, boolean required, List<String> aliases, String unit, String metadata) {

    public Column {
        aliases = List.copyOf(aliases);
        unit = unit == null ? "" : unit;
        metadata = metadata == null ? "" : metadata;
    }

    public static Column required(String name, String... aliases) {
        return new Column(name, true, List.of(aliases), "", "");
    }

    public static Column optional(String name, String... aliases) {
        return new Column(name, false, List.of(aliases), "", "");
    }

    /** A money column: its values are stored in 万元 and a title's money unit applies when its header has none. */
    public boolean isMoney() {
        return unit.equals("万元");
    }

    boolean isNamed(String normalisedHeader) {
        if (HeaderCell.normaliseName(name).equals(normalisedHeader)) {
            return true;
        }
        return aliases.stream().anyMatch(a -> HeaderCell.normaliseName(a).equals(normalisedHeader));
    }
}
