package stipanel.ingest;

import java.util.List;

/** A column an extract kind reads, by its header names (the first is the canonical one, the others aliases). */
public record Column(String name, boolean required, List<String> aliases) {

    public static Column required(String name, String... aliases) {
        return new Column(name, true, List.of(aliases));
    }

    public static Column optional(String name, String... aliases) {
        return new Column(name, false, List.of(aliases));
    }

    boolean isNamed(String normalisedHeader) {
        if (HeaderCell.normaliseName(name).equals(normalisedHeader)) {
            return true;
        }
        return aliases.stream().anyMatch(a -> HeaderCell.normaliseName(a).equals(normalisedHeader));
    }
}
