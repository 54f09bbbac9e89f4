package io.aqueduct.connect.storage;

import java.util.Collection;
import java.util.Map;

/**
 * Reads the source offsets that the runtime committed for a source connector's tasks. A source
 * partition and its offset are the maps a task put into its
 * {@link io.aqueduct.connect.source.SourceRecord}s; the runtime stores them in serialized form, so the
 * maps read back have the same keys but their numbers may come back as a different numeric type (an
 * {@code int} offset may be read back as a {@code Long}). Compare numbers through
 * {@link Number#longValue()}.
 *
 * <p>The reader sees the committed state: offsets of records that were sent but not yet committed are
 * not visible. Implementations are thread-safe; reads may block while the offset store is consulted.
 */
public interface OffsetStorageReader {

    /**
     * Reads the committed offset of one source partition.
     *
     * @param partition the source partition; must not be null
     * @param <T>       the type of the partition's values
     * @return the offset, or null if none was committed for this partition
     */
    <T> Map<String, Object> offset(Map<String, T> partition);

    /**
     * Reads the committed offsets of several source partitions in one call; cheaper than calling
     * {@link #offset(Map)} for each.
     *
     * @param partitions the source partitions; must not be null
     * @param <T>        the type of the partitions' values
     * @return the offsets by partition; partitions without a committed offset are absent or map to
     *         null. Never null
     */
    <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions);
}
