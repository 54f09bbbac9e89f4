package io.aqueduct.connect.sink;

import io.aqueduct.connect.connector.ConnectRecord;
import io.aqueduct.connect.data.Schema;
import io.aqueduct.connect.header.Header;
import java.util.Objects;
import org.apache.kafka.common.record.TimestampType;

/**
 * A record consumed from Kafka and delivered to a {@link SinkTask}. Besides the fields of
 * {@link ConnectRecord} it carries the consumer offset and the timestamp type of the Kafka record.
 *
 * <p>Transformations may change the topic and partition of a record (for example to route it to
 * another table), which would leave a task unable to tell which consumer position a record stands
 * for. The <em>original</em> topic, partition and offset therefore survive every {@link #newRecord}
 * copy: they always name the record as it was consumed, and are what a task should use in
 * {@link SinkTask#preCommit(java.util.Map)}, {@link SinkTaskContext#offset(java.util.Map)} and similar
 * calls that talk about consumer positions.
 */
public class SinkRecord extends ConnectRecord<SinkRecord> {

    private final long kafkaOffset;
    private final TimestampType timestampType;
    private final String originalTopic;
    private final Integer originalKafkaPartition;
    private final long originalKafkaOffset;

    /**
     * Creates a record without timestamp or headers.
     *
     * @param topic       the topic
     * @param partition   the partition
     * @param keySchema   the key schema; may be null
     * @param key         the key; may be null
     * @param valueSchema the value schema; may be null
     * @param value       the value; may be null
     * @param kafkaOffset the consumer offset of the record
     */
    public SinkRecord(String topic, int partition, Schema keySchema, Object key, Schema valueSchema, Object value,
                      long kafkaOffset) {
        this(topic, partition, keySchema, key, valueSchema, value, kafkaOffset, null, TimestampType.NO_TIMESTAMP_TYPE);
    }

    /**
     * Creates a record without headers.
     *
     * @param topic         the topic
     * @param partition     the partition
     * @param keySchema     the key schema; may be null
     * @param key           the key; may be null
     * @param valueSchema   the value schema; may be null
     * @param value         the value; may be null
     * @param kafkaOffset   the consumer offset of the record
     * @param timestamp     the timestamp in milliseconds since the epoch; may be null
     * @param timestampType what the timestamp means; should not be null
     */
    public SinkRecord(String topic, int partition, Schema keySchema, Object key, Schema valueSchema, Object value,
                      long kafkaOffset, Long timestamp, TimestampType timestampType) {
        this(topic, partition, keySchema, key, valueSchema, value, kafkaOffset, timestamp, timestampType, null);
    }

    /**
     * Creates a record whose original topic, partition and offset are the given ones.
     *
     * @param topic         the topic
     * @param partition     the partition
     * @param keySchema     the key schema; may be null
     * @param key           the key; may be null
     * @param valueSchema   the value schema; may be null
     * @param value         the value; may be null
     * @param kafkaOffset   the consumer offset of the record
     * @param timestamp     the timestamp in milliseconds since the epoch; may be null
     * @param timestampType what the timestamp means; should not be null
     * @param headers       the headers; null means none
     */
    public SinkRecord(String topic, int partition, Schema keySchema, Object key, Schema valueSchema, Object value,
                      long kafkaOffset, Long timestamp, TimestampType timestampType, Iterable<Header> headers) {
        this(topic, partition, keySchema, key, valueSchema, value, kafkaOffset, timestamp, timestampType, headers,
            topic, partition, kafkaOffset);
    }

    /**
     * Creates a record with explicit original coordinates. The runtime uses it to build records; tasks
     * and transformations normally call {@link #newRecord} instead, which keeps the originals.
     *
     * @param topic                  the topic
     * @param partition              the partition
     * @param keySchema              the key schema; may be null
     * @param key                    the key; may be null
     * @param valueSchema            the value schema; may be null
     * @param value                  the value; may be null
     * @param kafkaOffset            the offset
     * @param timestamp              the timestamp in milliseconds since the epoch; may be null
     * @param timestampType          what the timestamp means; should not be null
     * @param headers                the headers; null means none
     * @param originalTopic          the topic the record was consumed from
     * @param originalKafkaPartition the partition the record was consumed from
     * @param originalKafkaOffset    the offset the record was consumed at
     */
    public SinkRecord(String topic, int partition, Schema keySchema, Object key, Schema valueSchema, Object value,
                      long kafkaOffset, Long timestamp, TimestampType timestampType, Iterable<Header> headers,
                      String originalTopic, Integer originalKafkaPartition, long originalKafkaOffset) {
        super(topic, partition, keySchema, key, valueSchema, value, timestamp, headers);
        this.kafkaOffset = kafkaOffset;
        this.timestampType = timestampType;
        this.originalTopic = originalTopic;
        this.originalKafkaPartition = originalKafkaPartition;
        this.originalKafkaOffset = originalKafkaOffset;
    }

    /**
     * The offset of this record; equal to {@link #originalKafkaOffset()} unless a record was built
     * with a different one.
     *
     * @return the offset
     */
    public long kafkaOffset() {
        return kafkaOffset;
    }

    /**
     * What {@link #timestamp()} means: set by the producer ({@code CREATE_TIME}), by the broker
     * ({@code LOG_APPEND_TIME}), or absent ({@code NO_TIMESTAMP_TYPE}).
     *
     * @return the timestamp type
     */
    public TimestampType timestampType() {
        return timestampType;
    }

    /**
     * The topic the record was consumed from, whatever transformations did to {@link #topic()}.
     *
     * @return the original topic
     */
    public String originalTopic() {
        return originalTopic;
    }

    /**
     * The partition the record was consumed from, whatever transformations did to
     * {@link #kafkaPartition()}.
     *
     * @return the original partition
     */
    public Integer originalKafkaPartition() {
        return originalKafkaPartition;
    }

    /**
     * The offset the record was consumed at, whatever copies were made of it.
     *
     * @return the original offset
     */
    public long originalKafkaOffset() {
        return originalKafkaOffset;
    }

    /**
     * Copies this record with a copy of its headers. The offset, timestamp type and the original
     * topic, partition and offset are kept.
     */
    @Override
    public SinkRecord newRecord(String topic, Integer kafkaPartition, Schema keySchema, Object key,
                                Schema valueSchema, Object value, Long timestamp) {
        return newRecord(topic, kafkaPartition, keySchema, key, valueSchema, value, timestamp, headers().duplicate());
    }

    /**
     * Copies this record with the given headers. The offset, timestamp type and the original topic,
     * partition and offset are kept.
     *
     * @throws NullPointerException if {@code kafkaPartition} is null: a consumed record always has one
     */
    @Override
    public SinkRecord newRecord(String topic, Integer kafkaPartition, Schema keySchema, Object key,
                                Schema valueSchema, Object value, Long timestamp, Iterable<Header> headers) {
        Objects.requireNonNull(kafkaPartition, "kafkaPartition of a SinkRecord must not be null");
        return new SinkRecord(topic, kafkaPartition, keySchema, key, valueSchema, value, kafkaOffset, timestamp,
            timestampType, headers, originalTopic, originalKafkaPartition, originalKafkaOffset);
    }

    @Override
    public boolean equals(Object o) {
        if (!super.equals(o)) {
            return false;
        }
        SinkRecord that = (SinkRecord) o;
        return kafkaOffset == that.kafkaOffset
            && timestampType == that.timestampType
            && Objects.equals(originalTopic, that.originalTopic)
            && Objects.equals(originalKafkaPartition, that.originalKafkaPartition)
            && originalKafkaOffset == that.originalKafkaOffset;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), kafkaOffset, timestampType,
            originalTopic, originalKafkaPartition, originalKafkaOffset);
    }

    @Override
    protected String fieldsToString() {
        return "kafkaOffset=" + kafkaOffset
            + ", timestampType=" + timestampType
            + ", originalTopic='" + originalTopic + "'"
            + ", originalKafkaPartition=" + originalKafkaPartition
            + ", originalKafkaOffset=" + originalKafkaOffset
            + ", " + super.fieldsToString();
    }
}
