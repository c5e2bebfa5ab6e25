package stipanel.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.Optional;

/**
 * {@code ingest.deliveries}: which file contents were delivered under which names. The same content under the same
 * path is a no-op; the same content under another name is recorded as a duplicate and loads nothing.
 */
public final class DeliveryLedger {

    public enum Seen { NEW, SAME_FILE, OTHER_NAME }

    private DeliveryLedger() {
    }

    /** The SHA-256 of a file's content, in hexadecimal: a delivery's identity in every fact's lineage. */
    public static String contentHash(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Seen lookup(Connection c, String contentHash, String relativePath) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "select bool_or(relative_path = ?), count(*) from ingest.deliveries where content_hash = ?")) {
            p.setString(1, relativePath);
            p.setString(2, contentHash);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                if (r.getLong(2) == 0) {
                    return Seen.NEW;
                }
                return r.getBoolean(1) ? Seen.SAME_FILE : Seen.OTHER_NAME;
            }
        }
    }

    /** The kind recorded for the first delivery of this content, for a duplicate's ledger row. */
    public static Optional<String> firstKind(Connection c, String contentHash) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "select kind from ingest.deliveries where content_hash = ? order by delivery_id limit 1")) {
            p.setString(1, contentHash);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.ofNullable(r.getString(1)) : Optional.empty();
            }
        }
    }

    /** Ids follow ingestion order and are derived inside the transaction, so a rolled-back file leaves no gap. */
    public static long nextId(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("select coalesce(max(delivery_id), 0) + 1 from ingest.deliveries");
             ResultSet r = p.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    public static void record(Connection c, Delivery d, String relativePath, FileOutcome outcome, LocalDateTime at,
                              Long jobExecutionId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "insert into ingest.deliveries values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setLong(1, d.id());
            p.setString(2, d.fileName());
            p.setString(3, relativePath);
            p.setString(4, d.contentHash());
            p.setLong(5, d.sizeBytes());
            p.setString(6, outcome.format());
            p.setString(7, outcome.kinds());
            p.setString(8, outcome.status().name().toLowerCase());
            p.setString(9, outcome.message());
            p.setLong(10, outcome.rowsRead());
            p.setLong(11, outcome.rowsLoaded());
            p.setLong(12, outcome.rowsRejected());
            p.setObject(13, d.firstIngestedOn());
            p.setTimestamp(14, Timestamp.valueOf(at));
            p.setObject(15, jobExecutionId);
            p.setString(16, outcome.reasonCode());
            p.executeUpdate();
        }
    }

}
