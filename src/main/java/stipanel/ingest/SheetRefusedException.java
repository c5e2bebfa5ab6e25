package stipanel.ingest;

/**
 * A table whose header is recognised but which cannot be read as a whole; the reason (Chinese, with a stable code)
 * is reported with the file.
 */
public class SheetRefusedException extends RuntimeException {

    private final String code;

    public SheetRefusedException(String code, String reason) {
        super(reason);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
