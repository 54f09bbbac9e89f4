package io.aqueduct.connect.source;

import io.aqueduct.connect.connector.Task;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * A task that reads from an external system and hands {@link SourceRecord}s to the runtime, which
 * transforms, converts and produces them to Kafka.
 *
 * <h2>Lifecycle and threads</h2>
 * The runtime calls {@link #initialize(SourceTaskContext)}, then {@link #start(Map)}, then
 * {@link #poll()} in a loop, all on the one thread dedicated to this task. Other methods arrive from
 * other threads, so a task must make the state they share with {@code poll} thread-safe:
 * <ul>
 *   <li>{@link #stop()} comes from a worker thread, usually while {@code poll} is running or about to
 *   run. After it the runtime makes no new {@code poll} calls; a {@code poll} in progress should
 *   return promptly (null is fine).</li>
 *   <li>{@link #commit()} and {@link #commitRecord(SourceRecord, RecordMetadata)} may come from the
 *   offset-commit and producer-callback threads, concurrently with {@code poll}.</li>
 * </ul>
 *
 * <h2>Delivery</h2>
 * Delivery is at least once: after a crash, records produced after the last committed offset are
 * produced again. The offset of a record is committed only after Kafka acknowledged that record and
 * every record returned before it for the same source partition. With exactly-once delivery enabled on
 * the worker and supported by the connector, records and offsets are committed in one Kafka
 * transaction, whose boundaries are set by {@value #TRANSACTION_BOUNDARY_CONFIG}.
 */
public abstract class SourceTask implements Task {

    /**
     * The connector configuration key that chooses how records are grouped into transactions when
     * exactly-once delivery is on. Values are the names of {@link TransactionBoundary}, in any case.
     */
    public static final String TRANSACTION_BOUNDARY_CONFIG = "transaction.boundary";

    /**
     * The context given to {@link #initialize(SourceTaskContext)}; null until then.
     */
    protected SourceTaskContext context;

    /**
     * Gives the task its context. Called once on the task thread, before {@link #start(Map)}.
     * Subclasses that override it must call {@code super}.
     *
     * @param context the context; never null
     */
    public void initialize(SourceTaskContext context) {
        this.context = context;
    }

    /**
     * Starts the task; typically reads the committed offsets through
     * {@link SourceTaskContext#offsetStorageReader()} to decide where to resume. Called once on the
     * task thread. May block while connecting to the external system.
     *
     * @param props the task configuration produced by the connector; never null
     */
    @Override
    public abstract void start(Map<String, String> props);

    /**
     * Returns the next batch of records. Called repeatedly on the task thread while the task runs; the
     * runtime produces the whole batch before calling again, so the batch size bounds the memory held
     * per call.
     *
     * <p>The call may block while waiting for data, but only briefly (about a second at most): the
     * runtime checks for pause and stop requests between calls, and a call that never returns delays
     * shutdown until the task is abandoned. Return null or an empty list when nothing is available.
     *
     * @return the records, in the order they should be produced per Kafka partition; may be null
     * @throws InterruptedException if the thread was interrupted while waiting; the runtime treats it
     *                              like an empty poll
     * @throws io.aqueduct.connect.errors.RetriableException to have {@code poll} called again later;
     *                              any other exception fails the task
     */
    public abstract List<SourceRecord> poll() throws InterruptedException;

    /**
     * Called after the runtime has committed the offsets of acknowledged records, for tasks that must
     * tell the external system it may release data up to that point. The offsets themselves are
     * already stored; this is only a notification. May run on a thread other than the task thread,
     * concurrently with {@link #poll()}; should not block for long. The default does nothing.
     *
     * @throws InterruptedException if interrupted while notifying the external system
     */
    public void commit() throws InterruptedException {
        // Most sources need nothing beyond the runtime's own offset storage.
    }

    /**
     * Called once for each record returned from {@link #poll()} after the runtime is done with it: it
     * was acknowledged by Kafka, or dropped by a transformation, or skipped after an error that the
     * error tolerance allows. The offset of the record is not necessarily committed yet. May run on a
     * producer callback thread, concurrently with {@code poll}, so it must be thread-safe and must not
     * block. The default does nothing.
     *
     * @param record   the record as the task returned it, before any transformation; never null
     * @param metadata where Kafka stored the record; null when the record was dropped by a
     *                 transformation or skipped after an error
     * @throws InterruptedException if interrupted while notifying the external system
     */
    public void commitRecord(SourceRecord record, RecordMetadata metadata) throws InterruptedException {
        // Most sources need nothing per record.
    }

    /**
     * Asks the task to stop. Called once, from a thread other than the task thread, typically while
     * {@link #poll()} is blocked or running: it should make a running {@code poll} return soon, for
     * example by waking it up, and must not block. The task should release its resources when
     * {@code poll} has returned, or here if that is safe with a concurrent {@code poll}.
     */
    @Override
    public abstract void stop();

    /**
     * Where transaction boundaries fall when the connector runs with exactly-once delivery; set with
     * {@value SourceTask#TRANSACTION_BOUNDARY_CONFIG}.
     */
    public enum TransactionBoundary {
        /** Each non-empty batch returned from {@link SourceTask#poll()} is one transaction. The default. */
        POLL,
        /** A transaction is committed at a fixed interval ({@code transaction.boundary.interval.ms}). */
        INTERVAL,
        /**
         * The task defines the boundaries through {@link TransactionContext}; the connector must
         * return {@link ConnectorTransactionBoundaries#SUPPORTED} from
         * {@link SourceConnector#canDefineTransactionBoundaries(Map)}.
         */
        CONNECTOR;

        /** The boundary used when {@value SourceTask#TRANSACTION_BOUNDARY_CONFIG} is not set. */
        public static final TransactionBoundary DEFAULT = POLL;

        /**
         * Parses a configuration value, ignoring case and surrounding white space.
         *
         * @param property the configured value
         * @return the matching boundary; never null
         * @throws IllegalArgumentException if the value is null or names no boundary
         */
        public static TransactionBoundary fromProperty(String property) {
            if (property == null) {
                throw new IllegalArgumentException("'" + TRANSACTION_BOUNDARY_CONFIG + "' must not be null;"
                    + " use one of " + allowedValues());
            }
            String normalized = property.trim().toUpperCase(Locale.ROOT);
            for (TransactionBoundary boundary : values()) {
                if (boundary.name().equals(normalized)) {
                    return boundary;
                }
            }
            throw new IllegalArgumentException("Invalid value '" + property + "' for '"
                + TRANSACTION_BOUNDARY_CONFIG + "'; use one of " + allowedValues());
        }

        private static String allowedValues() {
            return Arrays.stream(values()).map(TransactionBoundary::toString).collect(Collectors.joining(", "));
        }

        /** @return the lower-case name, as written in configurations */
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
