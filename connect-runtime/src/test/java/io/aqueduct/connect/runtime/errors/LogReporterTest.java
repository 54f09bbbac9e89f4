package io.aqueduct.connect.runtime.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.aqueduct.connect.errors.DataException;
import io.aqueduct.connect.runtime.config.ConnectorConfig;
import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import io.aqueduct.connect.source.SourceRecord;
import io.aqueduct.connect.storage.StringConverter;

class LogReporterTest {

    private static final ConnectorTaskId TASK = new ConnectorTaskId("orders-sink", 3);

    private final ErrorHandlingMetrics metrics = new ErrorHandlingMetrics();

    private static ConsumerRecord<byte[], byte[]> consumed() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("trace", "secret-header".getBytes(StandardCharsets.UTF_8));
        headers.add("blob", new byte[] {0, 1, 2, (byte) 0xff});
        return new ConsumerRecord<>("orders", 1, 42L, 1_700_000_000_000L, TimestampType.CREATE_TIME, 10, 12,
                "secret-key".getBytes(StandardCharsets.UTF_8), "secret-value".getBytes(StandardCharsets.UTF_8),
                headers, Optional.empty());
    }

    private static ProcessingContext<?> failed(Object original) {
        ProcessingContext<Object> context = new ProcessingContext<>(original);
        context.fail(Stage.VALUE_CONVERTER, StringConverter.class, new DataException("not a number"), 2);
        return context;
    }

    @Test
    void logsTaskStageClassRecordCoordinatesAndExceptionButNoContentsByDefault() {
        try (LogCapture log = new LogCapture(LogReporter.class)) {
            new LogReporter(TASK, false, metrics).report(failed(consumed()));

            List<ILoggingEvent> events = log.events();
            assertEquals(1, events.size());
            ILoggingEvent event = events.get(0);
            assertEquals(Level.ERROR, event.getLevel());
            String message = event.getFormattedMessage();
            assertTrue(message.contains("task orders-sink-3"), message);
            assertTrue(message.contains("VALUE_CONVERTER"), message);
            assertTrue(message.contains(StringConverter.class.getName()), message);
            assertTrue(message.contains("2 attempt"), message);
            assertTrue(message.contains("topic='orders', partition=1, offset=42"), message);
            assertFalse(message.contains("secret"), message);
            assertNotNull(event.getThrowableProxy());
            assertEquals(DataException.class.getName(), event.getThrowableProxy().getClassName());
            assertEquals(1, metrics.errorsLogged());
        }
    }

    @Test
    void logsKeyValueAndHeadersWhenIncludeMessagesIsSet() {
        try (LogCapture log = new LogCapture(LogReporter.class)) {
            new LogReporter(TASK, true, metrics).report(failed(consumed()));

            String message = log.messages();
            assertTrue(message.contains("key=\"secret-key\""), message);
            assertTrue(message.contains("value=\"secret-value\""), message);
            assertTrue(message.contains("trace=\"secret-header\""), message);
            assertTrue(message.contains("blob=base64:AAEC/w=="), message);
        }
    }

    @Test
    void sourceRecordContentsAreLoggedOnlyWhenAsked() {
        SourceRecord polled = new SourceRecord(Map.of("file", "a.txt"), Map.of("position", 7L), "lines", null,
                "secret-line");
        try (LogCapture log = new LogCapture(LogReporter.class)) {
            new LogReporter(TASK, false, metrics).report(failed(polled));
            new LogReporter(TASK, true, metrics).report(failed(polled));

            List<ILoggingEvent> events = log.events();
            String withoutContents = events.get(0).getFormattedMessage();
            assertTrue(withoutContents.contains("topic='lines'"), withoutContents);
            assertTrue(withoutContents.contains("sourcePartition={file=a.txt}"), withoutContents);
            assertFalse(withoutContents.contains("secret-line"), withoutContents);
            assertTrue(events.get(1).getFormattedMessage().contains("secret-line"), events.get(1).getFormattedMessage());
        }
    }

    @Test
    void operatorLogsFailuresOnlyWithErrorsLogEnable() {
        ConsumerRecord<byte[], byte[]> record = consumed();
        try (LogCapture log = new LogCapture(LogReporter.class)) {
            skipOneRecord(Map.of(), record);
            assertTrue(log.events().isEmpty());

            skipOneRecord(Map.of(ConnectorConfig.ERRORS_LOG_ENABLE_CONFIG, "true"), record);
            assertEquals(1, log.events().size());
            assertFalse(log.messages().contains("secret"), log.messages());

            skipOneRecord(Map.of(ConnectorConfig.ERRORS_LOG_ENABLE_CONFIG, "true",
                    ConnectorConfig.ERRORS_LOG_INCLUDE_MESSAGES_CONFIG, "true"), record);
            assertEquals(2, log.events().size());
            assertTrue(log.events().get(1).getFormattedMessage().contains("secret-value"));
        }
    }

    private static void skipOneRecord(Map<String, String> errorProps, ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> props = new HashMap<>(errorProps);
        props.put(ConnectorConfig.NAME_CONFIG, "orders-sink");
        props.put(ConnectorConfig.CONNECTOR_CLASS_CONFIG, "SomeConnector");
        props.put(ConnectorConfig.ERRORS_TOLERANCE_CONFIG, "all");
        try (RetryWithToleranceOperator operator = ErrorHandling.forSourceTask(TASK, new ConnectorConfig(props))) {
            ProcessingContext<ConsumerRecord<byte[], byte[]>> context = new ProcessingContext<>(record);
            operator.execute(context, Stage.VALUE_CONVERTER, StringConverter.class, () -> {
                throw new DataException("not a number");
            });
            assertTrue(context.failed());
        }
    }
}
