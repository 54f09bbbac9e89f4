package io.aqueduct.connect.runtime.worker;

import io.aqueduct.connect.header.Header;
import io.aqueduct.connect.runtime.errors.Operation;
import io.aqueduct.connect.runtime.errors.ProcessingContext;
import io.aqueduct.connect.runtime.errors.RetryWithToleranceOperator;
import io.aqueduct.connect.runtime.errors.Stage;
import io.aqueduct.connect.source.SourceRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.util.Objects;

/**
 * Turns a polled record into the producer record to send: the transformation chain, then header, key and
 * value conversion, every step through the task's {@link RetryWithToleranceOperator} and with the
 * plugin's own loader as context loader.
 *
 * <p>Task thread only. One {@link ProcessingContext} is reset per record and the operations are bound
 * once, so a healthy record allocates nothing here beyond the converted bytes and the producer record.
 */
final class SourceRecordPipeline {

    private final TaskConverters converters;
    private final TransformationChain<SourceRecord> chain;
    private final RetryWithToleranceOperator operator;
    private final ProcessingContext<SourceRecord> context = new ProcessingContext<>(null);
    private final Operation<RecordHeaders> convertHeaders = this::convertHeaders;
    private final Operation<byte[]> convertKey = this::convertKey;
    private final Operation<byte[]> convertValue = this::convertValue;
    private SourceRecord transformed;
    private String topic;

    SourceRecordPipeline(TaskConverters converters, TransformationChain<SourceRecord> chain,
                         RetryWithToleranceOperator operator) {
        this.converters = converters;
        this.chain = chain;
        this.operator = operator;
    }

    /**
     * @return the record to send, or null when a transformation dropped it or a step failed and
     *         {@code errors.tolerance=all} skipped it (reported to the log); the caller treats both alike
     * @throws io.aqueduct.connect.errors.ConnectException when a failure is not tolerated
     * @throws io.aqueduct.connect.runtime.errors.TaskStoppingException when the task stops during a retry
     */
    ProducerRecord<byte[], byte[]> process(SourceRecord polled) {
        context.reset(polled);
        SourceRecord record = chain.apply(context, polled);
        if (record == null) {
            return null;
        }
        transformed = record;
        topic = Objects.requireNonNull(record.topic(), "a source record has no topic");
        try {
            RecordHeaders headers = null;
            if (!record.headers().isEmpty()) {
                headers = operator.execute(context, Stage.HEADER_CONVERTER, converters.header().getClass(),
                        convertHeaders);
                if (context.failed()) {
                    return null;
                }
            }
            byte[] key = operator.execute(context, Stage.KEY_CONVERTER, converters.key().getClass(), convertKey);
            if (context.failed()) {
                return null;
            }
            byte[] value = operator.execute(context, Stage.VALUE_CONVERTER, converters.value().getClass(), convertValue);
            if (context.failed()) {
                return null;
            }
            return new ProducerRecord<>(topic, record.kafkaPartition(), record.timestamp(), key, value, headers);
        } finally {
            transformed = null;
            topic = null;
        }
    }

    private RecordHeaders convertHeaders() {
        RecordHeaders headers = new RecordHeaders();
        ClassLoader previous = ContextLoader.swap(converters.headerLoader());
        try {
            for (Header header : transformed.headers()) {
                headers.add(header.key(),
                        converters.header().fromConnectHeader(topic, header.key(), header.schema(), header.value()));
            }
        } finally {
            ContextLoader.restore(previous);
        }
        return headers;
    }

    private byte[] convertKey() {
        ClassLoader previous = ContextLoader.swap(converters.keyLoader());
        try {
            return converters.key().fromConnectData(topic, transformed.headers(), transformed.keySchema(),
                    transformed.key());
        } finally {
            ContextLoader.restore(previous);
        }
    }

    private byte[] convertValue() {
        ClassLoader previous = ContextLoader.swap(converters.valueLoader());
        try {
            return converters.value().fromConnectData(topic, transformed.headers(), transformed.valueSchema(),
                    transformed.value());
        } finally {
            ContextLoader.restore(previous);
        }
    }
}
