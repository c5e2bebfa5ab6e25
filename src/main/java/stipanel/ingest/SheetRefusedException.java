package stipanel.ingest;

/** A table whose header is recognised but which cannot be read as a whole; the reason is reported with the file. */
public class SheetRefusedException extends RuntimeException {

    public SheetRefusedException(String reason) {
        super(reason);
    }
}
