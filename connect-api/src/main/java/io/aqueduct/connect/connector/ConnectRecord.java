package io.aqueduct.connect.connector;

import io.aqueduct.connect.data.Schema;
import io.aqueduct.connect.header.ConnectHeaders;
import io.aqueduct.connect.header.Header;
import io.aqueduct.connect.header.Headers;
import java.util.Objects;

/**
 * A record as connectors, converters and transformations see it: a topic, an optional partition, a
 * key and a value each with an optional schema, an optional timestamp and a list of headers.
 * {@link io.aqueduct.connect.source.SourceRecord} and {@link io.aqueduct.connect.sink.SinkRecord} add
 * the direction-specific parts.
 *
 * <p>Records are immutable apart from their {@link #headers()}, which may be modified in place, and
 * apart from whatever mutable key or value objects they carry. Transformations therefore make changed
 * copies with {@link #newRecord}; subclasses implement it so that their own fields are carried over.
 * A record is not thread-safe; the runtime hands each record to one thread at a time.
 *
 * @param <R> the concrete record type, so that {@link #newRecord} returns it
 */
public abstract class ConnectRecord<R extends ConnectRecord<R>> {

    private final String topic;
    private final Integer kafkaPartition;
    private final Schema keySchema;
    private final Object key;
    private final Schema valueSchema;
    private final Object value;
    private final Long timestamp;
    private final Headers headers;

    /**
     * Creates a record without headers.
     *
     * @param topic          the topic; should not be null for records that reach Kafka
     * @param kafkaPartition the partition, or null to let the producer's partitioner choose
     * @param keySchema      the key schema, or null for schemaless keys
     * @param key            the key; may be null
     * @param valueSchema    the value schema, or null for schemaless values
     * @param value          the value; may be null (a tombstone)
     * @param timestamp      the timestamp in milliseconds since the epoch, or null for none
     */
    public ConnectRecord(String topic, Integer kafkaPartition, Schema keySchema, Object key,
                         Schema valueSchema, Object value, Long timestamp) {
        this(topic, kafkaPartition, keySchema, key, valueSchema, value, timestamp, new ConnectHeaders());
    }

    /**
     * Creates a record.
     *
     * @param topic          the topic; should not be null for records that reach Kafka
     * @param kafkaPartition the partition, or null to let the producer's partitioner choose
     * @param keySchema      the key schema, or null for schemaless keys
     * @param key            the key; may be null
     * @param valueSchema    the value schema, or null for schemaless values
     * @param value          the value; may be null (a tombstone)
     * @param timestamp      the timestamp in milliseconds since the epoch, or null for none
     * @param headers        the headers; null means none. A {@link ConnectHeaders} is used as is (not
     *                       copied); any other iterable is copied
     */
    public ConnectRecord(String topic, Integer kafkaPartition, Schema keySchema, Object key,
                         Schema valueSchema, Object value, Long timestamp, Iterable<Header> headers) {
        this.topic = topic;
        this.kafkaPartition = kafkaPartition;
        this.keySchema = keySchema;
        this.key = key;
        this.valueSchema = valueSchema;
        this.value = value;
        this.timestamp = timestamp;
        this.headers = toHeaders(headers);
    }

    private static Headers toHeaders(Iterable<Header> headers) {
        if (headers == null) {
            return new ConnectHeaders();
        }
        if (headers instanceof ConnectHeaders connectHeaders) {
            return connectHeaders;
        }
        return new ConnectHeaders(headers);
    }

    /** @return the topic; may be null only on records built by hand */
    public String topic() {
        return topic;
    }

    /** @return the partition, or null when the partitioner is to choose */
    public Integer kafkaPartition() {
        return kafkaPartition;
    }

    /** @return the key; may be null */
    public Object key() {
        return key;
    }

    /** @return the key schema, or null when the key is schemaless */
    public Schema keySchema() {
        return keySchema;
    }

    /** @return the value; may be null */
    public Object value() {
        return value;
    }

    /** @return the value schema, or null when the value is schemaless */
    public Schema valueSchema() {
        return valueSchema;
    }

    /** @return the timestamp in milliseconds since the epoch, or null when the record has none */
    public Long timestamp() {
        return timestamp;
    }

    /**
     * The record's headers. Never null; modifiable in place, for example by a transformation that adds
     * a header to the record it returns.
     *
     * @return the headers
     */
    public Headers headers() {
        return headers;
    }

    /**
     * Makes a copy of this record with the given core fields and a copy of this record's headers, so
     * that later changes to the headers of either record do not affect the other. Subclasses carry
     * their own fields (source partition and offset, Kafka offset and so on) over unchanged.
     *
     * @param topic          the topic of the copy
     * @param kafkaPartition the partition of the copy; may be null
     * @param keySchema      the key schema of the copy; may be null
     * @param key            the key of the copy; may be null
     * @param valueSchema    the value schema of the copy; may be null
     * @param value          the value of the copy; may be null
     * @param timestamp      the timestamp of the copy; may be null
     * @return the new record; never null
     */
    public abstract R newRecord(String topic, Integer kafkaPartition, Schema keySchema, Object key,
                                Schema valueSchema, Object value, Long timestamp);

    /**
     * Makes a copy of this record with the given core fields and headers. Subclasses carry their own
     * fields over unchanged.
     *
     * @param topic          the topic of the copy
     * @param kafkaPartition the partition of the copy; may be null
     * @param keySchema      the key schema of the copy; may be null
     * @param key            the key of the copy; may be null
     * @param valueSchema    the value schema of the copy; may be null
     * @param value          the value of the copy; may be null
     * @param timestamp      the timestamp of the copy; may be null
     * @param headers        the headers of the copy; null means none
     * @return the new record; never null
     */
    public abstract R newRecord(String topic, Integer kafkaPartition, Schema keySchema, Object key,
                                Schema valueSchema, Object value, Long timestamp, Iterable<Header> headers);

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        ConnectRecord<?> that = (ConnectRecord<?>) o;
        return Objects.equals(topic, that.topic)
            && Objects.equals(kafkaPartition, that.kafkaPartition)
            && Objects.equals(keySchema, that.keySchema)
            && Objects.equals(key, that.key)
            && Objects.equals(valueSchema, that.valueSchema)
            && Objects.equals(value, that.value)
            && Objects.equals(timestamp, that.timestamp)
            && Objects.equals(headers, that.headers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, kafkaPartition, keySchema, key, valueSchema, value, timestamp, headers);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{" + fieldsToString() + "}";
    }

    /**
     * The core fields as {@code name=value} pairs, for subclasses that extend {@link #toString()}.
     *
     * @return the fields, comma separated
     */
    protected String fieldsToString() {
        return "topic='" + topic + "'"
            + ", kafkaPartition=" + kafkaPartition
            + ", key=" + key
            + ", keySchema=" + keySchema
            + ", value=" + value
            + ", valueSchema=" + valueSchema
            + ", timestamp=" + timestamp
            + ", headers=" + headers;
    }
}
