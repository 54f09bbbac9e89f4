package io.aqueduct.connect.runtime.errors;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.aqueduct.connect.runtime.herder.ConnectorTaskId;

/**
 * Writes failed records of a sink task to the dead letter queue topic: the original key, value and
 * headers bytes as consumed, plus (with {@code errors.deadletterqueue.context.headers.enable}) headers
 * saying where the record came from and why it failed. Records of source tasks are not dead-lettered.
 */
final class DeadLetterQueueReporter implements ErrorReporter {

    static final String HEADER_PREFIX = "__connect.errors.";
    static final String ERROR_HEADER_ORIG_TOPIC = HEADER_PREFIX + "topic";
    static final String ERROR_HEADER_ORIG_PARTITION = HEADER_PREFIX + "partition";
    static final String ERROR_HEADER_ORIG_OFFSET = HEADER_PREFIX + "offset";
    static final String ERROR_HEADER_CONNECTOR_NAME = HEADER_PREFIX + "connector.name";
    static final String ERROR_HEADER_TASK_ID = HEADER_PREFIX + "task.id";
    static final String ERROR_HEADER_STAGE = HEADER_PREFIX + "stage";
    static final String ERROR_HEADER_EXECUTING_CLASS = HEADER_PREFIX + "class.name";
    static final String ERROR_HEADER_EXCEPTION = HEADER_PREFIX + "exception.class.name";
    static final String ERROR_HEADER_EXCEPTION_MESSAGE = HEADER_PREFIX + "exception.message";
    static final String ERROR_HEADER_EXCEPTION_STACK_TRACE = HEADER_PREFIX + "exception.stacktrace";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterQueueReporter.class);
    private static final CompletableFuture<Void> NOT_A_SINK_RECORD = CompletableFuture.completedFuture(null);

    private final Producer<byte[], byte[]> producer;
    private final String topic;
    private final ConnectorTaskId id;
    private final boolean contextHeaders;
    private final ErrorHandlingMetrics metrics;

    DeadLetterQueueReporter(Producer<byte[], byte[]> producer, String topic, ConnectorTaskId id,
                            boolean contextHeaders, ErrorHandlingMetrics metrics) {
        this.producer = producer;
        this.topic = topic;
        this.id = id;
        this.contextHeaders = contextHeaders;
        this.metrics = metrics;
    }

    @Override
    public CompletableFuture<Void> report(ProcessingContext<?> context) {
        ConsumerRecord<byte[], byte[]> original = context.consumerRecord();
        if (original == null) {
            return NOT_A_SINK_RECORD;
        }
        ProducerRecord<byte[], byte[]> record = deadLetter(original, context);
        metrics.recordDeadLetterQueueProduceRequest();
        CompletableFuture<Void> stored = new CompletableFuture<>();
        try {
            producer.send(record, (metadata, error) -> {
                if (error == null) {
                    stored.complete(null);
                } else {
                    failed(original, error, stored);
                }
            });
        } catch (RuntimeException e) {
            failed(original, e, stored);
        }
        return stored;
    }

    private void failed(ConsumerRecord<byte[], byte[]> original, Throwable error, CompletableFuture<Void> stored) {
        log.error("Task {} could not write the failed record at {}-{} offset {} to the dead letter queue topic {}",
                id, original.topic(), original.partition(), original.offset(), topic, error);
        metrics.recordDeadLetterQueueProduceFailed();
        stored.completeExceptionally(error);
    }

    private ProducerRecord<byte[], byte[]> deadLetter(ConsumerRecord<byte[], byte[]> original, ProcessingContext<?> context) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : original.headers()) {
            headers.add(header.key(), header.value());
        }
        if (contextHeaders) {
            addContextHeaders(headers, original, context);
        }
        Long timestamp = original.timestamp() == ConsumerRecord.NO_TIMESTAMP ? null : original.timestamp();
        return new ProducerRecord<>(topic, null, timestamp, original.key(), original.value(), headers);
    }

    private void addContextHeaders(RecordHeaders headers, ConsumerRecord<byte[], byte[]> original,
                                   ProcessingContext<?> context) {
        headers.add(ERROR_HEADER_ORIG_TOPIC, utf8(original.topic()));
        headers.add(ERROR_HEADER_ORIG_PARTITION, utf8(String.valueOf(original.partition())));
        headers.add(ERROR_HEADER_ORIG_OFFSET, utf8(String.valueOf(original.offset())));
        headers.add(ERROR_HEADER_CONNECTOR_NAME, utf8(id.connector()));
        headers.add(ERROR_HEADER_TASK_ID, utf8(String.valueOf(id.task())));
        headers.add(ERROR_HEADER_STAGE, utf8(context.stage() == null ? null : context.stage().name()));
        headers.add(ERROR_HEADER_EXECUTING_CLASS,
                utf8(context.executingClass() == null ? null : context.executingClass().getName()));
        Throwable error = context.error();
        if (error != null) {
            headers.add(ERROR_HEADER_EXCEPTION, utf8(error.getClass().getName()));
            headers.add(ERROR_HEADER_EXCEPTION_MESSAGE, utf8(error.getMessage()));
            headers.add(ERROR_HEADER_EXCEPTION_STACK_TRACE, utf8(stackTrace(error)));
        }
    }

    private static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private static String stackTrace(Throwable error) {
        StringWriter trace = new StringWriter();
        try (PrintWriter writer = new PrintWriter(trace)) {
            error.printStackTrace(writer);
        }
        return trace.toString();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }
}
