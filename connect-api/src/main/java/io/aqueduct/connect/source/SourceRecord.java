package io.aqueduct.connect.source;

import io.aqueduct.connect.connector.ConnectRecord;
import io.aqueduct.connect.data.Schema;
import io.aqueduct.connect.header.Header;
import java.util.Map;
import java.util.Objects;

/**
 * A record produced by a {@link SourceTask}. Besides the Kafka-side fields of {@link ConnectRecord} it
 * carries where it came from in the external system:
 * <ul>
 *   <li>the <b>source partition</b>, a map that identifies an independent stream of the source (a file,
 *   a table, a shard), and</li>
 *   <li>the <b>source offset</b>, a map that says how far into that stream this record lies.</li>
 * </ul>
 * Once the record is acknowledged by Kafka the runtime stores its offset under its partition, and a
 * task can read it back through {@link io.aqueduct.connect.storage.OffsetStorageReader} to resume.
 * Both maps are serialized by the runtime, so their keys must be strings and their values primitives
 * (strings, numbers, booleans), or null. Both may be null for records whose progress is not tracked.
 *
 * <p>A null partition lets the producer's partitioner pick the Kafka partition; a null timestamp lets
 * the producer use the current time.
 */
public class SourceRecord extends ConnectRecord<SourceRecord> {

    private final Map<String, ?> sourcePartition;
    private final Map<String, ?> sourceOffset;

    /**
     * Creates a record with a value but no key, timestamp or headers.
     *
     * @param sourcePartition the source partition; may be null
     * @param sourceOffset    the source offset; may be null
     * @param topic           the Kafka topic
     * @param partition       the Kafka partition, or null to let the partitioner choose
     * @param valueSchema     the value schema; may be null
     * @param value           the value; may be null
     */
    public SourceRecord(Map<String, ?> sourcePartition, Map<String, ?> sourceOffset,
                        String topic, Integer partition, Schema valueSchema, Object value) {
        this(sourcePartition, sourceOffset, topic, partition, null, null, valueSchema, value);
    }

    /**
     * Creates a record with a value but no key, Kafka partition, timestamp or headers.
     *
     * @param sourcePartition the source partition; may be null
     * @param sourceOffset    the source offset; may be null
     * @param topic           the Kafka topic
     * @param valueSchema     the value schema; may be null
     * @param value           the value; may be null
     */
    public SourceRecord(Map<String, ?> sourcePartition, Map<String, ?> sourceOffset,
                        String topic, Schema valueSchema, Object value) {
        this(sourcePartition, sourceOffset, topic, null, null, null, valueSchema, value);
    }

    /**
     * Creates a record with a key and value but no Kafka partition, timestamp or headers.
     *
     * @param sourcePartition the source partition; may be null
     * @param sourceOffset    the source offset; may be null
     * @param topic           the Kafka topic
     * @param keySchema       the key schema; may be null
     * @param key             the key; may be null
     * @param valueSchema     the value schema; may be null
     * @param value           the value; may be null
     */
    public SourceRecord(Map<String, ?> sourcePartition, Map<String, ?> sourceOffset,
                        String topic, Schema keySchema, Object key, Schema valueSchema, Object value) {
        this(sourcePartition, sourceOffset, topic, null, keySchema, key, valueSchema, value);
    }

    /**
     * Creates a record with a key and value but no timestamp or headers.
     *
     * @param sourcePartition the source partition; may be null
     * @param sourceOffset    the source offset; may be null
     * @param topic           the Kafka topic
     * @param partition       the Kafka partition, or null to let the partitioner choose
     * @param keySchema       the key schema; may be null
     * @param key             the key; may be null
     * @param valueSchema     the value schema; may be null
     * @param value           the value; may be null
     */
    public SourceRecord(Map<String, ?> sourcePartition, Map<String, ?> sourceOffset,
                        String topic, Integer partition,
                        Schema keySchema, Object key, Schema valueSchema, Object value) {
        this(sourcePartition, sourceOffset, topic, partition, keySchema, key, valueSchema, value, null);
    }

    /**
     * Creates a record without headers.
     *
     * @param sourcePartition the source partition; may be null
     * @param sourceOffset    the source offset; may be null
     * @param topic           the Kafka topic
     * @param partition       the Kafka partition, or null to let the partitioner choose
     * @param keySchema       the key schema; may be null
     * @param key             the key; may be null
     * @param valueSchema     the value schema; may be null
     * @param value           the value; may be null
     * @param timestamp       the timestamp in milliseconds since the epoch, or null for the send time
     */
    public SourceRecord(Map<String, ?> sourcePartition, Map<String, ?> sourceOffset,
                        String topic, Integer partition,
                        Schema keySchema, Object key, Schema valueSchema, Object value, Long timestamp) {
        this(sourcePartition, sourceOffset, topic, partition, keySchema, key, valueSchema, value, timestamp, null);
    }

    /**
     * Creates a record.
     *
     * @param sourcePartition the source partition; may be null
     * @param sourceOffset    the source offset; may be null
     * @param topic           the Kafka topic
     * @param partition       the Kafka partition, or null to let the partitioner choose
     * @param keySchema       the key schema; may be null
     * @param key             the key; may be null
     * @param valueSchema     the value schema; may be null
     * @param value           the value; may be null
     * @param timestamp       the timestamp in milliseconds since the epoch, or null for the send time
     * @param headers         the headers; null means none
     */
    public SourceRecord(Map<String, ?> sourcePartition, Map<String, ?> sourceOffset,
                        String topic, Integer partition,
                        Schema keySchema, Object key, Schema valueSchema, Object value,
                        Long timestamp, Iterable<Header> headers) {
        super(topic, partition, keySchema, key, valueSchema, value, timestamp, headers);
        this.sourcePartition = sourcePartition;
        this.sourceOffset = sourceOffset;
    }

    /**
     * The stream of the external system this record belongs to.
     *
     * @return the source partition; may be null
     */
    public Map<String, ?> sourcePartition() {
        return sourcePartition;
    }

    /**
     * The position of this record within its {@link #sourcePartition()}.
     *
     * @return the source offset; may be null
     */
    public Map<String, ?> sourceOffset() {
        return sourceOffset;
    }

    /** Copies this record with a copy of its headers; the source partition and offset are kept. */
    @Override
    public SourceRecord newRecord(String topic, Integer kafkaPartition, Schema keySchema, Object key,
                                  Schema valueSchema, Object value, Long timestamp) {
        return newRecord(topic, kafkaPartition, keySchema, key, valueSchema, value, timestamp,
            headers().duplicate());
    }

    /** Copies this record with the given headers; the source partition and offset are kept. */
    @Override
    public SourceRecord newRecord(String topic, Integer kafkaPartition, Schema keySchema, Object key,
                                  Schema valueSchema, Object value, Long timestamp, Iterable<Header> headers) {
        return new SourceRecord(sourcePartition, sourceOffset, topic, kafkaPartition,
            keySchema, key, valueSchema, value, timestamp, headers);
    }

    @Override
    public boolean equals(Object o) {
        if (!super.equals(o)) {
            return false;
        }
        SourceRecord that = (SourceRecord) o;
        return Objects.equals(sourcePartition, that.sourcePartition)
            && Objects.equals(sourceOffset, that.sourceOffset);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * super.hashCode() + Objects.hashCode(sourcePartition)) + Objects.hashCode(sourceOffset);
    }

    @Override
    protected String fieldsToString() {
        return "sourcePartition=" + sourcePartition + ", sourceOffset=" + sourceOffset + ", " + super.fieldsToString();
    }
}
