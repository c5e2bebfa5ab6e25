package stipanel.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

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
import stipanel.ingest.IngestSettings;
import stipanel.warehouse.Warehouse;

/**
 * Ingests the inbox one file per transaction: the file's facts, its rejected rows, its ledger row and the step's
 * progress commit together, so a run that dies midway is resumed by the next without a row twice or missing.
 * Files are taken in the order of their path under the inbox; that order is the delivery order.
 */
public class IngestDeliveriesTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(IngestDeliveriesTasklet.class);

    private final DataSource dataSource;
    private final FileIngester ingester;
    private final List<DeliveryListener> listeners;
    private final Clock clock;
    private final Path inbox;
    private Path root;
    private Deque<Path> pending;
    private Progress progress;

    public IngestDeliveriesTasklet(DataSource dataSource, FileIngester ingester, List<DeliveryListener> listeners,
                                   Clock clock, Path inbox) {
        this.dataSource = dataSource;
        this.ingester = ingester;
        this.listeners = listeners;
        this.clock = clock;
        this.inbox = inbox;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        if (pending == null) {
            root = inbox.toRealPath();
            pending = new ArrayDeque<>(listInbox(root));
            progress = new Progress(pending);
        }
        Path file = pending.poll();
        if (file == null) {
            return RepeatStatus.FINISHED;
        }
        long size = Files.size(file);
        DuckDBConnection connection = DataSourceUtils.getConnection(dataSource).unwrap(DuckDBConnection.class);
        Warehouse.setMemoryLimit(connection, Warehouse.ingestMemoryLimit());
        String relativePath = root.relativize(file).toString();
        String hash = DeliveryLedger.contentHash(file);
        // The ledger lookup is also the statement that must run before any Appender is created on this
        // connection: otherwise DuckDB's Appender bypasses the transaction (ENGINEERING.md).
        DeliveryLedger.Seen seen = DeliveryLedger.lookup(connection, hash, relativePath);
        if (seen == DeliveryLedger.Seen.SAME_FILE) {
            progress.skipped(size);
            return pending.isEmpty() ? RepeatStatus.FINISHED : RepeatStatus.CONTINUABLE;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        Delivery delivery = new Delivery(DeliveryLedger.nextId(connection), file, file.getFileName().toString(), hash,
                size, now.toLocalDate());
        FileOutcome outcome = seen == DeliveryLedger.Seen.OTHER_NAME
                ? duplicate(connection, hash)
                : ingester.ingest(delivery, connection, new IngestSettings(now.toLocalDate()));
        Long jobExecutionId = chunkContext.getStepContext().getStepExecution().getJobExecutionId();
        DeliveryLedger.record(connection, delivery, relativePath, outcome, now, jobExecutionId);
        contribution.incrementReadCount();
        contribution.incrementWriteCount(outcome.rowsLoaded());
        contribution.incrementProcessSkipCount(outcome.rowsRejected());
        String message = outcome.message();
        log.info("{} {}: {} {} (read {}, loaded {}, rejected {}){}; {}", progress.counter(), relativePath,
                outcome.status().name().toLowerCase(), outcome.kinds(), outcome.rowsRead(), outcome.rowsLoaded(),
                outcome.rowsRejected(), message.isEmpty() ? "" : " - " + abbreviate(message, 300),
                progress.done(size, outcome.rowsRead()));
        for (DeliveryListener listener : listeners) {
            listener.beforeCommit(delivery, outcome);
        }
        PausePoint.reach("ingest:" + progress.ingested);
        return pending.isEmpty() ? RepeatStatus.FINISHED : RepeatStatus.CONTINUABLE;
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

        Progress(Deque<Path> pending) throws IOException {
            files = pending.size();
            long total = 0;
            for (Path p : pending) {
                total += Files.size(p);
            }
            totalBytes = total;
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

    /**
     * The inbox's files in delivery order (their path under the inbox). An inbox that is a symbolic link (a mount
     * point linked into place) is read where it points.
     */
    public static List<Path> listInbox(Path inbox) throws IOException {
        Path root = inbox.toRealPath();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .sorted((a, b) -> root.relativize(a).toString().compareTo(root.relativize(b).toString()))
                    .toList();
        }
    }


}
