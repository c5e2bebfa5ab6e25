package stipanel.ingest;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * One delivered file as the ledger knows it. {@code contentHash} (SHA-256) is the file's identity in every
 * fact's lineage; {@code firstIngestedOn} dates statistics rows that carry no 发布日期.
 */
public record Delivery(long id, Path path, String fileName, String contentHash, long sizeBytes,
                       LocalDate firstIngestedOn) {
}
