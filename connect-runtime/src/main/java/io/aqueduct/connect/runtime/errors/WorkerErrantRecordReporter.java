package io.aqueduct.connect.runtime.errors;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.header.Header;
import io.aqueduct.connect.sink.ErrantRecordReporter;
import io.aqueduct.connect.sink.SinkRecord;
import io.aqueduct.connect.sink.SinkTask;
import io.aqueduct.connect.storage.Converter;
import io.aqueduct.connect.storage.HeaderConverter;

/**
 * The {@link ErrantRecordReporter} a sink task gets from its context (KIP-610). A reported record goes
 * through the task's {@link RetryWithToleranceOperator} as a {@link Stage#TASK_PUT} failure: logged and
 * written to the dead letter queue with {@code errors.tolerance=all}, a {@link ConnectException} with
 * {@code none}.
 *
 * <p>The dead letter queue gets the record's original bytes when it is an {@link InternalSinkRecord} (what
 * the sink loop delivers, and what copies of it stay); a record the task built itself is converted back
 * to bytes with the task's converters.
 *
 * <p>Thread-safe as far as the task's converters are: a task may report from its own threads.
 */
public final class WorkerErrantRecordReporter implements ErrantRecordReporter {

    private final RetryWithToleranceOperator operator;
    private final Converter keyConverter;
    private final Converter valueConverter;
    private final HeaderConverter headerConverter;

    public WorkerErrantRecordReporter(RetryWithToleranceOperator operator, Converter keyConverter,
                                      Converter valueConverter, HeaderConverter headerConverter) {
        this.operator = Objects.requireNonNull(operator, "operator");
        this.keyConverter = Objects.requireNonNull(keyConverter, "keyConverter");
        this.valueConverter = Objects.requireNonNull(valueConverter, "valueConverter");
        this.headerConverter = Objects.requireNonNull(headerConverter, "headerConverter");
    }

    /**
     * Reports {@code record}. The returned future is also tracked under the record's original topic
     * partition, for {@link #awaitFutures}.
     *
     * @throws ConnectException with {@code errors.tolerance=none} ("Tolerance exceeded in error handler"),
     *                          or when a record the task built cannot be converted back to bytes
     */
    @Override
    public Future<Void> report(SinkRecord record, Throwable error) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(error, "error");
        ProcessingContext<ConsumerRecord<byte[], byte[]>> context = new ProcessingContext<>(consumerRecordOf(record));
        return operator.executeFailed(context, Stage.TASK_PUT, SinkTask.class, error);
    }

    /**
     * Waits until every record reported so far on {@code partitions} (here, or as a failed conversion or
     * transformation) is in the dead letter queue. The sink loop calls it before committing offsets.
     *
     * @throws ConnectException if a dead letter queue write failed: the offsets must not be committed
     */
    public void awaitFutures(Collection<TopicPartition> partitions) {
        operator.awaitReports(partitions);
    }

    /** Stops tracking reports on partitions the task lost. */
    public void cancelFutures(Collection<TopicPartition> partitions) {
        operator.forgetReports(partitions);
    }

    private ConsumerRecord<byte[], byte[]> consumerRecordOf(SinkRecord record) {
        if (record instanceof InternalSinkRecord internal) {
            return internal.consumerRecord();
        }
        String topic = record.originalTopic() != null ? record.originalTopic() : record.topic();
        int partition = record.originalKafkaPartition() != null ? record.originalKafkaPartition() : record.kafkaPartition();
        try {
            RecordHeaders headers = new RecordHeaders();
            for (Header header : record.headers()) {
                headers.add(header.key(),
                        headerConverter.fromConnectHeader(topic, header.key(), header.schema(), header.value()));
            }
            byte[] key = keyConverter.fromConnectData(topic, record.headers(), record.keySchema(), record.key());
            byte[] value = valueConverter.fromConnectData(topic, record.headers(), record.valueSchema(), record.value());
            long timestamp = record.timestamp() == null ? ConsumerRecord.NO_TIMESTAMP : record.timestamp();
            TimestampType timestampType = record.timestampType() == null
                    ? TimestampType.NO_TIMESTAMP_TYPE : record.timestampType();
            return new ConsumerRecord<>(topic, partition, record.originalKafkaOffset(), timestamp, timestampType,
                    key == null ? -1 : key.length, value == null ? -1 : value.length, key, value, headers,
                    Optional.empty());
        } catch (RuntimeException e) {
            throw new ConnectException("Could not convert the reported record at " + topic + "-" + partition
                    + " offset " + record.originalKafkaOffset() + " back to bytes for the dead letter queue with the"
                    + " task's converters: " + e.getMessage(), e);
        }
    }
}
