package stipanel.cli;

/** Exit codes a scheduler can act on (README "Exit codes"). */
public final class ExitCode {

    /** The run completed; rejected rows and refused files included. */
    public static final int COMPLETED = 0;
    /** The run failed; the next run with the same options resumes it. */
    public static final int FAILED_RESUMABLE = 1;
    /** The command line was wrong. */
    public static final int BAD_ARGUMENTS = 2;
    /**
     * The warehouse file is not one this release may write (not DuckDB, not a warehouse, from a newer release); it was
     * left as it is.
     */
    public static final int BAD_WAREHOUSE = 2;
    /** Another run holds the warehouse. */
    public static final int WAREHOUSE_BUSY = 3;

    private ExitCode() {
    }
}
