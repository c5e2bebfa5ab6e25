package stipanel.ingest;

import java.time.LocalDate;

/** Settings that loaders read: the date of this run (dates undated statistics rows on first ingestion). */
public record IngestSettings(LocalDate runDate) {
}
