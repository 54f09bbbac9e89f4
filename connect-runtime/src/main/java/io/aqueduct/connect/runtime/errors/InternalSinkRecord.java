package io.aqueduct.connect.runtime.errors;

import java.util.Objects;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;

import io.aqueduct.connect.data.Schema;
import io.aqueduct.connect.header.Header;
import io.aqueduct.connect.sink.SinkRecord;

/**
 * A {@link SinkRecord} that remembers the consumer record it was converted from, so a record a task hands
 * to its {@code ErrantRecordReporter} reaches the dead letter queue with its original bytes. Copies made
 * with {@link #newRecord} (by transformations or by the task) keep the consumer record too.
 *
 * <p>Like any {@code ConnectRecord} it is equal only to records of its own class.
 */
public final class InternalSinkRecord extends SinkRecord {

    private final ConsumerRecord<byte[], byte[]> consumerRecord;

    /**
     * Builds the record a sink loop delivers for {@code consumerRecord}: topic, partition, offset, timestamp
     * and timestamp type come from the consumer record (a negative timestamp means none).
     *
     * @param consumerRecord the record as consumed; must not be null
     * @param headers        the converted headers; null means none
     */
    public InternalSinkRecord(ConsumerRecord<byte[], byte[]> consumerRecord, Schema keySchema, Object key,
                              Schema valueSchema, Object value, Iterable<Header> headers) {
        super(consumerRecord.topic(), consumerRecord.partition(), keySchema, key, valueSchema, value,
                consumerRecord.offset(), consumerRecord.timestamp() < 0 ? null : consumerRecord.timestamp(),
                consumerRecord.timestampType(), headers);
        this.consumerRecord = consumerRecord;
    }

    private InternalSinkRecord(ConsumerRecord<byte[], byte[]> consumerRecord, String topic, int partition,
                               Schema keySchema, Object key, Schema valueSchema, Object value, long kafkaOffset,
                               Long timestamp, TimestampType timestampType, Iterable<Header> headers,
                               String originalTopic, Integer originalPartition, long originalOffset) {
        super(topic, partition, keySchema, key, valueSchema, value, kafkaOffset, timestamp, timestampType, headers,
                originalTopic, originalPartition, originalOffset);
        this.consumerRecord = consumerRecord;
    }

    /** The record as consumed, with its raw key, value and headers. */
    public ConsumerRecord<byte[], byte[]> consumerRecord() {
        return consumerRecord;
    }

    @Override
    public SinkRecord newRecord(String topic, Integer kafkaPartition, Schema keySchema, Object key,
                                Schema valueSchema, Object value, Long timestamp, Iterable<Header> headers) {
        Objects.requireNonNull(kafkaPartition, "kafkaPartition of a SinkRecord must not be null");
        return new InternalSinkRecord(consumerRecord, topic, kafkaPartition, keySchema, key, valueSchema, value,
                kafkaOffset(), timestamp, timestampType(), headers, originalTopic(), originalKafkaPartition(),
                originalKafkaOffset());
    }
}
