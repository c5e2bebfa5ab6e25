package stipanel.ingest;

/** Thrown by a row loader when a delivered row breaks a rule: the row is rejected with this reason, nothing else is lost. */
public class RowRejectedException extends RuntimeException {

    public RowRejectedException(String reason) {
        super(reason, null, false, false);
    }

    public String reason() {
        return getMessage();
    }
}
