package stipanel.ingest;

import java.util.List;

/** What became of one delivered file: the ledger row of {@code source_files}. */
public record FileOutcome(Status status, String kinds, String format, List<String> messages,
                          long rowsRead, long rowsLoaded, long rowsRejected) {

    public enum Status { LOADED, REFUSED, DUPLICATE }

    public String message() {
        return String.join("; ", messages);
    }
}
