package stipanel.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.datasource.DataSourceUtils;

import stipanel.ingest.Delivery;
import stipanel.ingest.DeliveryLedger;
import stipanel.ingest.FileIngester;
import stipanel.ingest.FileOutcome;
import stipanel.ingest.Inbox;
import stipanel.ingest.IngestSettings;
import stipanel.ingest.UnfinishedFiles;
import stipanel.warehouse.Warehouse;

/**
 * Ingests the inbox one file per transaction: the file's facts, its rejected rows, its ledger row and the step's
 * progress commit together, so a run that dies midway is resumed by the next without a row twice or missing.
 * Files are taken in the order of their path under the inbox; that order is the delivery order. Files still being
 * written are passed over and listed in {@code ingest.skipped_files} ({@link UnfinishedFiles}).
 */
public class IngestDeliveriesTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(IngestDeliveriesTasklet.class);

    private final DataSource dataSource;
    private final FileIngester ingester;
    private final List<DeliveryListener> listeners;
    private final Clock clock;
    private final Path inbox;
    private final long minFileAgeSeconds;
    /** The inbox where it really is (an inbox that is a symbolic link to a mount is read where it points). */
    private Path root;
    private Deque<Path> pending;
    private Progress progress;

    public IngestDeliveriesTasklet(DataSource dataSource, FileIngester ingester, List<DeliveryListener> listeners,
                                   Clock clock, Path inbox, long minFileAgeSeconds) {
        this.dataSource = dataSource;
        this.ingester = ingester;
        this.listeners = listeners;
        this.clock = clock;
        this.inbox = inbox;
        this.minFileAgeSeconds = minFileAgeSeconds;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        DuckDBConnection connection = DataSourceUtils.getConnection(dataSource).unwrap(DuckDBConnection.class);
        Long jobExecutionId = chunkContext.getStepContext().getStepExecution().getJobExecutionId();
        if (pending == null) {
            root = inbox.toRealPath();
            pending = new ArrayDeque<>(filesToRead(connection, jobExecutionId));
            progress = new Progress(pending);
        }
        Path file = pending.poll();
        if (file == null) {
            return RepeatStatus.FINISHED;
        }
        String relativePath = root.relativize(file).toString();
        Instant readAt = Instant.now();
        Optional<UnfinishedFiles.State> before = UnfinishedFiles.State.of(file);
        if (before.isEmpty()) {
            postpone(connection, jobExecutionId, file, null, "file_changed_while_read",
                    "读取前文件已被移走、改名或删除，推迟到下次运行");
            progress.skipped(progress.sizeListed(file));
            return pending.isEmpty() ? RepeatStatus.FINISHED : RepeatStatus.CONTINUABLE;
        }
        long size = before.get().size();
        if (DeliveryLedger.readBefore(connection, relativePath, before.get())) {
            progress.skipped(size);
            return pending.isEmpty() ? RepeatStatus.FINISHED : RepeatStatus.CONTINUABLE;
        }
        Warehouse.setMemoryLimit(connection, Warehouse.ingestMemoryLimit());
        String hash = DeliveryLedger.contentHash(file);
        // The ledger lookup is also the statement that must run before any Appender is created on this
        // connection: otherwise DuckDB's Appender bypasses the transaction (ENGINEERING.md).
        DeliveryLedger.Seen seen = DeliveryLedger.lookup(connection, hash, relativePath);
        if (seen == DeliveryLedger.Seen.SAME_FILE) {
            // Touched, or delivered before its time was recorded: the next night knows it without the hash.
            DeliveryLedger.rememberModified(connection, hash, relativePath, DeliveryLedger.settled(before.get(), readAt));
            progress.skipped(size);
            return pending.isEmpty() ? RepeatStatus.FINISHED : RepeatStatus.CONTINUABLE;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        Delivery delivery = new Delivery(DeliveryLedger.nextId(connection), file, file.getFileName().toString(), hash,
                size, now.toLocalDate());
        FileOutcome outcome = seen == DeliveryLedger.Seen.OTHER_NAME
                ? duplicate(connection, hash)
                : ingester.ingest(delivery, connection, new IngestSettings(now.toLocalDate()));
        DeliveryLedger.record(connection, delivery, relativePath, DeliveryLedger.settled(before.get(), readAt), outcome,
                now, jobExecutionId);
        for (DeliveryListener listener : listeners) {
            listener.beforeCommit(delivery, outcome);
        }
        Optional<UnfinishedFiles.State> after = UnfinishedFiles.State.of(file);
        if (!before.equals(after)) {
            forget(connection, delivery, seen);
            postpone(connection, jobExecutionId, file, before.get(), "file_changed_while_read",
                    "读取期间文件的大小或修改时间发生了变化（发送方仍在写入），本次装载已回滚，推迟到下次运行");
            progress.skipped(size);
            return pending.isEmpty() ? RepeatStatus.FINISHED : RepeatStatus.CONTINUABLE;
        }
        contribution.incrementReadCount();
        contribution.incrementWriteCount(outcome.rowsLoaded());
        contribution.incrementProcessSkipCount(outcome.rowsRejected());
        String message = outcome.message();
        log.info("{} {}: {} {} (read {}, loaded {}, rejected {}){}; {}", progress.counter(), relativePath,
                outcome.status().name().toLowerCase(), outcome.kinds(), outcome.rowsRead(), outcome.rowsLoaded(),
                outcome.rowsRejected(), message.isEmpty() ? "" : " - " + abbreviate(message, 300),
                progress.done(size, outcome.rowsRead()));
        PausePoint.reach("ingest:" + progress.ingested);
        return pending.isEmpty() ? RepeatStatus.FINISHED : RepeatStatus.CONTINUABLE;
    }

    /**
     * The inbox's files in delivery order, less those still being written: by their name, or modified less than
     * {@code --min-file-age} seconds ago (by the machine's clock, not the run's date; with 0, the default, a file
     * dated in the future by a skewed clock is read too). Those are listed as skipped.
     */
    private List<Path> filesToRead(DuckDBConnection connection, Long jobExecutionId) throws IOException, SQLException {
        List<Path> files = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (Path file : Inbox.files(root)) {
            Optional<String> unfinished = UnfinishedFiles.byName(root.relativize(file));
            Optional<UnfinishedFiles.State> state = UnfinishedFiles.State.of(file);
            if (unfinished.isPresent()) {
                postpone(connection, jobExecutionId, file, state.orElse(null), "file_in_progress",
                        unfinished.get() + "，视为仍在写入，未读取");
            } else if (minFileAgeSeconds > 0 && state.isPresent()
                    && now - state.get().modified().toMillis() < minFileAgeSeconds * 1000) {
                postpone(connection, jobExecutionId, file, state.get(), "file_too_recent",
                        "修改于 %d 秒前，未满 --min-file-age %d 秒，可能仍在写入，推迟到下次运行".formatted(
                                (now - state.get().modified().toMillis()) / 1000, minFileAgeSeconds));
            } else {
                files.add(file);
            }
        }
        return files;
    }

    /** Lists a file the run did not read in {@code ingest.skipped_files} and in the run's output. */
    private void postpone(DuckDBConnection connection, Long jobExecutionId, Path file, UnfinishedFiles.State state,
                      String reasonCode, String reason) throws SQLException {
        String relativePath = root.relativize(file).toString();
        try (PreparedStatement p = connection.prepareStatement("insert into ingest.skipped_files (job_execution_id, "
                + "relative_path, file_name, size_bytes, modified_at, reason_code, reason, skipped_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setObject(1, jobExecutionId);
            p.setString(2, relativePath);
            p.setString(3, file.getFileName().toString());
            p.setObject(4, state == null ? null : state.size());
            p.setObject(5, state == null ? null : Timestamp.from(state.modified().toInstant()));
            p.setString(6, reasonCode);
            p.setString(7, reason);
            p.setTimestamp(8, Timestamp.valueOf(LocalDateTime.now(clock)));
            p.executeUpdate();
        }
        log.info("跳过 {}：{}", relativePath, reason);
    }

    /**
     * Takes back, inside the file's transaction, everything its load wrote: its ledger row, and for a new content its
     * facts and rejected rows (no earlier delivery has that content hash, so the hash names exactly this load's rows;
     * a duplicate wrote none).
     */
    private static void forget(DuckDBConnection connection, Delivery delivery, DeliveryLedger.Seen seen)
            throws SQLException {
        List<String> tables = new ArrayList<>();
        if (seen == DeliveryLedger.Seen.NEW) {
            try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("""
                    select schema_name || '.' || table_name from duckdb_columns()
                    where database_name = current_database() and schema_name in ('facts', 'ingest')
                        and column_name = 'content_hash' and table_name <> 'deliveries'
                    """)) {
                while (r.next()) {
                    tables.add(r.getString(1));
                }
            }
        }
        for (String table : tables) {
            try (PreparedStatement p = connection.prepareStatement("delete from " + table + " where content_hash = ?")) {
                p.setString(1, delivery.contentHash());
                p.executeUpdate();
            }
        }
        try (PreparedStatement p = connection.prepareStatement("delete from ingest.deliveries where delivery_id = ?")) {
            p.setLong(1, delivery.id());
            p.executeUpdate();
        }
    }

    private static FileOutcome duplicate(DuckDBConnection connection, String hash) throws SQLException {
        return new FileOutcome(FileOutcome.Status.DUPLICATE, null, DeliveryLedger.firstKind(connection, hash).orElse(""),
                "", List.of("与先前交付的文件内容相同，不再重复装载"), 0, 0, 0);
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }

    /** Files and bytes done of the inbox, rows read, and from them the rate and the time left. */
    private static final class Progress {
        final int files;
        final long totalBytes;
        final long startNanos = System.nanoTime();
        int position;
        int ingested;
        long bytesDone;
        long bytesIngested;
        long rows;

        final Map<Path, Long> sizes = new HashMap<>();

        Progress(Deque<Path> pending) {
            files = pending.size();
            long total = 0;
            for (Path p : pending) {
                long size = UnfinishedFiles.State.of(p).map(UnfinishedFiles.State::size).orElse(0L);
                sizes.put(p, size);
                total += size;
            }
            totalBytes = total;
        }

        long sizeListed(Path file) {
            return sizes.getOrDefault(file, 0L);
        }

        void skipped(long size) {
            position++;
            bytesDone += size;
        }

        String counter() {
            return "[" + (position + 1) + "/" + files + "]";
        }

        String done(long size, long rowsRead) {
            position++;
            ingested++;
            bytesDone += size;
            bytesIngested += size;
            rows += rowsRead;
            double seconds = Math.max((System.nanoTime() - startNanos) / 1e9, 1e-3);
            long left = totalBytes - bytesDone;
            String eta = bytesIngested == 0 ? "?" : formatSeconds(Math.round(left / (bytesIngested / seconds)));
            return "%,d rows so far, %,.0f rows/s, %d%% of bytes, about %s left".formatted(rows, rows / seconds,
                    totalBytes == 0 ? 100 : Math.round(100.0 * bytesDone / totalBytes), eta);
        }

        static String formatSeconds(long s) {
            return s >= 3600 ? "%d:%02d:%02d".formatted(s / 3600, s / 60 % 60, s % 60) : "%d:%02d".formatted(s / 60, s % 60);
        }
    }
}
