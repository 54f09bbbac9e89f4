package io.aqueduct.connect.runtime.worker;

import io.aqueduct.connect.data.SchemaAndValue;
import io.aqueduct.connect.header.ConnectHeaders;
import io.aqueduct.connect.runtime.errors.InternalSinkRecord;
import io.aqueduct.connect.runtime.errors.Operation;
import io.aqueduct.connect.runtime.errors.ProcessingContext;
import io.aqueduct.connect.runtime.errors.RetryWithToleranceOperator;
import io.aqueduct.connect.runtime.errors.Stage;
import io.aqueduct.connect.sink.SinkRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Turns a consumed record into the {@link SinkRecord} a sink task gets: header, key and value conversion,
 * then the transformation chain, every step through the task's {@link RetryWithToleranceOperator} and
 * with the plugin's own loader as context loader.
 *
 * <p>Task thread only. One {@link ProcessingContext} is reset per record and the operations are bound
 * once, so a healthy record allocates nothing here beyond its headers and the record itself.
 */
final class SinkRecordPipeline {

    private final TaskConverters converters;
    private final TransformationChain<SinkRecord> chain;
    private final RetryWithToleranceOperator operator;
    private final ProcessingContext<ConsumerRecord<byte[], byte[]>> context = new ProcessingContext<>(null);
    private final Operation<ConnectHeaders> convertHeaders = this::convertHeaders;
    private final Operation<SchemaAndValue> convertKey = this::convertKey;
    private final Operation<SchemaAndValue> convertValue = this::convertValue;
    private ConsumerRecord<byte[], byte[]> consumed;
    private ConnectHeaders headers;

    SinkRecordPipeline(TaskConverters converters, TransformationChain<SinkRecord> chain,
                       RetryWithToleranceOperator operator) {
        this.converters = converters;
        this.chain = chain;
        this.operator = operator;
    }

    /**
     * @return the record to hand to the task, or null when a transformation dropped it or a step failed
     *         and {@code errors.tolerance=all} skipped it (reported to the log and dead letter queue)
     * @throws io.aqueduct.connect.errors.ConnectException when a failure is not tolerated
     * @throws io.aqueduct.connect.runtime.errors.TaskStoppingException when the task stops during a retry
     */
    SinkRecord process(ConsumerRecord<byte[], byte[]> record) {
        consumed = record;
        context.reset(record);
        try {
            ConnectHeaders converted = operator.execute(context, Stage.HEADER_CONVERTER,
                    converters.header().getClass(), convertHeaders);
            if (context.failed()) {
                return null;
            }
            headers = converted;
            SchemaAndValue key = operator.execute(context, Stage.KEY_CONVERTER, converters.key().getClass(), convertKey);
            if (context.failed()) {
                return null;
            }
            SchemaAndValue value = operator.execute(context, Stage.VALUE_CONVERTER, converters.value().getClass(),
                    convertValue);
            if (context.failed()) {
                return null;
            }
            key = key == null ? SchemaAndValue.NULL : key;
            value = value == null ? SchemaAndValue.NULL : value;
            SinkRecord sinkRecord = new InternalSinkRecord(record, key.schema(), key.value(), value.schema(), value.value(),
                    converted);
            return chain.apply(context, sinkRecord);
        } finally {
            consumed = null;
            headers = null;
        }
    }

    private ConnectHeaders convertHeaders() {
        ConnectHeaders converted = new ConnectHeaders();
        ClassLoader previous = ContextLoader.swap(converters.headerLoader());
        try {
            String topic = consumed.topic();
            for (Header header : consumed.headers()) {
                converted.add(header.key(), converters.header().toConnectHeader(topic, header.key(), header.value()));
            }
        } finally {
            ContextLoader.restore(previous);
        }
        return converted;
    }

    private SchemaAndValue convertKey() {
        ClassLoader previous = ContextLoader.swap(converters.keyLoader());
        try {
            return converters.key().toConnectData(consumed.topic(), headers, consumed.key());
        } finally {
            ContextLoader.restore(previous);
        }
    }

    private SchemaAndValue convertValue() {
        ClassLoader previous = ContextLoader.swap(converters.valueLoader());
        try {
            return converters.value().toConnectData(consumed.topic(), headers, consumed.value());
        } finally {
            ContextLoader.restore(previous);
        }
    }
}
