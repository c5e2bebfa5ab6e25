package stipanel.ingest;

/**
 * Thrown by a row loader when a delivered row breaks a rule: the row is rejected with this reason, nothing else is
 * lost. {@code code} is stable (analysts group by it; {@code jobs/reference/reason_codes.csv} lists every code), the
 * reason is Chinese text the office reads, naming the column and the delivered value.
 */
public class RowRejectedException extends RuntimeException {

    private final String code;

    public RowRejectedException(String code, String reason) {
        super(reason, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }

    public String reason() {
        return getMessage();
    }
}
