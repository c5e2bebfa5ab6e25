package stipanel.batch;

import stipanel.ingest.Delivery;
import stipanel.ingest.FileOutcome;

/** Told of each file just before its transaction commits (progress reporting; tests inject faults here). */
public interface DeliveryListener {

    void beforeCommit(Delivery delivery, FileOutcome outcome);
}
