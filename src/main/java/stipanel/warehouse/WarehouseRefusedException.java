package stipanel.warehouse;

/**
 * The warehouse file is one this release must not write: not a DuckDB database, not an sti-panel warehouse, or made
 * by a newer release. The file was neither changed nor overwritten; retrying will not help (exit code 2).
 */
public class WarehouseRefusedException extends RuntimeException {

    public WarehouseRefusedException(String message) {
        super(message);
    }
}
