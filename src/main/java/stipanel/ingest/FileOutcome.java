package stipanel.ingest;

import java.util.List;

/**
 * What became of one delivered file: the ledger row of {@code source_files}. {@code reasonCode} is the stable code of
 * a refusal (null for a loaded file or a duplicate); {@code messages} are Chinese, for the office.
 */
public record FileOutcome(Status status, String reasonCode, String kinds, String format, List<String> messages,
                          long rowsRead, long rowsLoaded, long rowsRejected) {

    public enum Status { LOADED, REFUSED, DUPLICATE }

    public String message() {
        return String.join("；", messages);
    }
}
