package stipanel.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;

/**
 * {@code ingest.deliveries}: which file contents were delivered under which names. The same content under the same
 * path is a no-op; the same content under another name is recorded as a duplicate and loads nothing.
 */
public final class DeliveryLedger {

    /** How old a file's modification time must be when it is read to stand for its content ({@link #settled}). */
    private static final Duration SETTLED = Duration.ofSeconds(2);

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

    /**
     * Whether the file at {@code relativePath} is a delivery already recorded: the same path, size and modification
     * time (recorded only when settled, {@link #settled}). While size and modification time stay the same a file is
     * taken to be unchanged, the rule a read already applies to a file being written ({@link UnfinishedFiles.State});
     * across nights it spares hashing the inbox's large extracts again to find them read (~1.4 s nationally).
     */
    public static boolean readBefore(Connection c, String relativePath, UnfinishedFiles.State state)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement("select count(*) from ingest.deliveries "
                + "where relative_path = ? and size_bytes = ? and modified_at = ?")) {
            p.setString(1, relativePath);
            p.setLong(2, state.size());
            p.setTimestamp(3, timestamp(state.modified()));
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1) > 0;
            }
        }
    }

    /**
     * The modification time to record for a file whose state was taken at {@code readAt}, or null when it was less
     * than 2 s old then: a write within the file system's timestamp tick after that moment could leave the time as it
     * was, so only a time that had settled before the read may stand for the content.
     */
    public static FileTime settled(UnfinishedFiles.State state, Instant readAt) {
        return state.modified().toInstant().isBefore(readAt.minus(SETTLED)) ? state.modified() : null;
    }

    /** Records {@code modified} ({@link #settled}, or null to leave it) for a file read before under this path. */
    public static void rememberModified(Connection c, String contentHash, String relativePath, FileTime modified)
            throws SQLException {
        if (modified == null) {
            return;
        }
        try (PreparedStatement p = c.prepareStatement("update ingest.deliveries set modified_at = ? "
                + "where content_hash = ? and relative_path = ? and modified_at is distinct from ?")) {
            Timestamp time = timestamp(modified);
            p.setTimestamp(1, time);
            p.setString(2, contentHash);
            p.setString(3, relativePath);
            p.setTimestamp(4, time);
            p.executeUpdate();
        }
    }

    /** As DuckDB's {@code timestamp} keeps it (microseconds), so a time written and a time compared are equal. */
    private static Timestamp timestamp(FileTime time) {
        return Timestamp.from(time.toInstant().truncatedTo(ChronoUnit.MICROS));
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

    /** {@code modified}: the file's {@link #settled} modification time, or null. */
    public static void record(Connection c, Delivery d, String relativePath, FileTime modified, FileOutcome outcome,
                              LocalDateTime at, Long jobExecutionId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "insert into ingest.deliveries values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
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
            p.setTimestamp(17, modified == null ? null : timestamp(modified));
            p.executeUpdate();
        }
    }

}
