package io.aqueduct.connect.source;

import io.aqueduct.connect.storage.OffsetStorageReader;
import java.util.Map;

/**
 * The context of a {@link SourceTask}, handed to {@link SourceTask#initialize(SourceTaskContext)} before
 * the task starts. Its methods may be called from the task thread and from threads the task owns.
 */
public interface SourceTaskContext {

    /**
     * The configuration the task was started with.
     *
     * @return the task configuration; never null, not modifiable
     */
    Map<String, String> configs();

    /**
     * A reader for the offsets this connector's tasks have committed, typically used in
     * {@link SourceTask#start(Map)} to find where to resume. Reads may block while the offset store is
     * consulted.
     *
     * @return the reader; never null
     */
    OffsetStorageReader offsetStorageReader();

    /**
     * The handle for defining transaction boundaries.
     *
     * @return the transaction context when the connector runs with exactly-once delivery and
     *         {@code transaction.boundary=connector}; null otherwise, and null by default
     */
    default TransactionContext transactionContext() {
        return null;
    }
}
