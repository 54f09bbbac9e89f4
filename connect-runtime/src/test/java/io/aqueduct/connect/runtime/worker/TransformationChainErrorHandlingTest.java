package io.aqueduct.connect.runtime.worker;

import io.aqueduct.connect.connector.ConnectRecord;
import io.aqueduct.connect.data.Schema;
import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.runtime.config.SourceConnectorConfig;
import io.aqueduct.connect.runtime.errors.ErrorHandling;
import io.aqueduct.connect.runtime.errors.ProcessingContext;
import io.aqueduct.connect.runtime.errors.RetryWithToleranceOperator;
import io.aqueduct.connect.runtime.errors.TaskStoppingException;
import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import io.aqueduct.connect.source.SourceRecord;
import io.aqueduct.connect.transforms.Transformation;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The transformation chain run through a task's retry and tolerance operator, with each plugin's loader. */
class TransformationChainErrorHandlingTest {

    private static RetryWithToleranceOperator operator(String... errorSettings) {
        Map<String, String> props = new HashMap<>();
        props.put("name", "chain-test");
        props.put("connector.class", SequenceSourceConnector.class.getName());
        for (int i = 0; i < errorSettings.length; i += 2) {
            props.put(errorSettings[i], errorSettings[i + 1]);
        }
        return ErrorHandling.forSourceTask(new ConnectorTaskId("chain-test", 0), new SourceConnectorConfig(props));
    }

    private static TransformationChain<SourceRecord> chain(RetryWithToleranceOperator operator, Class<?> type,
                                                           String... settings) {
        Map<String, String> props = new HashMap<>();
        props.put("transforms", "t");
        props.put("transforms.t.type", type.getName());
        for (int i = 0; i < settings.length; i += 2) {
            props.put("transforms.t." + settings[i], settings[i + 1]);
        }
        return TransformationChainFactory.parse(TestPlugins.get(), props).build(TestPlugins.get(), operator);
    }

    private static SourceRecord record(String value) {
        return new SourceRecord(Map.of("p", 1), Map.of("o", 1), "topic", Schema.STRING_SCHEMA, value);
    }

    @Test
    void aTransformationFailingTwiceWithARetriableErrorIsRetriedAndItsRecordPassesOnce() {
        String id = "retried-" + System.nanoTime();
        try (RetryWithToleranceOperator operator = operator("errors.retry.timeout", "30000");
             TransformationChain<SourceRecord> chain = chain(operator, RetriableTwiceTransform.class,
                     "value", "x", "id", id)) {
            SourceRecord in = record("x");
            ProcessingContext<SourceRecord> context = new ProcessingContext<>(in);

            assertSame(in, chain.apply(context, in));

            assertFalse(context.failed());
            assertEquals(3, RetriableTwiceTransform.ATTEMPTS.get(id).get());
            assertEquals(2, operator.metrics().retries());
            assertEquals(0, operator.metrics().recordErrors());
        }
    }

    @Test
    void withoutRetriesTheRetriableFailureIsFinal() {
        try (RetryWithToleranceOperator operator = operator();
             TransformationChain<SourceRecord> chain = chain(operator, RetriableTwiceTransform.class,
                     "value", "x", "id", "no-retry-" + System.nanoTime())) {
            ConnectException thrown = assertThrows(ConnectException.class, () -> chain.apply(record("x")));
            assertEquals("Tolerance exceeded in error handler", thrown.getMessage());
        }
    }

    @Test
    void withToleranceAllAFailingTransformationSkipsItsRecordAndTheContextSaysSo() {
        try (RetryWithToleranceOperator operator = operator("errors.tolerance", "all");
             TransformationChain<SourceRecord> chain = chain(operator, Failing.class)) {
            SourceRecord in = record("x");
            ProcessingContext<SourceRecord> context = new ProcessingContext<>(in);

            assertNull(chain.apply(context, in));

            assertTrue(context.failed());
            assertEquals(Failing.class, context.executingClass());
            assertEquals(1, operator.metrics().recordsSkipped());
            SourceRecord next = record("y");
            assertNull(chain.apply(context.reset(next), next), "the same transformation fails again");
            assertEquals(2, operator.metrics().recordsSkipped());
        }
    }

    @Test
    void aStopDuringTheRetryBackoffEndsTheRetriesWithTaskStopping() throws Exception {
        try (RetryWithToleranceOperator operator = operator("errors.retry.timeout", "-1");
             TransformationChain<SourceRecord> chain = chain(operator, RetriableTwiceTransform.class,
                     "value", "x", "id", "forever-" + System.nanoTime(), "failures", "1000000")) {
            CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
                try {
                    chain.apply(record("x"));
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (operator.metrics().recordFailures() == 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertFalse(outcome.isDone(), "still retrying");

            operator.triggerStop();

            assertTrue(outcome.get(10, TimeUnit.SECONDS) instanceof TaskStoppingException);
        }
    }

    @Test
    void aTransformationRunsWithItsPluginLoaderAsContextLoaderWhateverTheThreadHad() throws Exception {
        try (RetryWithToleranceOperator operator = operator();
             TransformationChain<SourceRecord> chain = chain(operator, RecordsContextLoader.class);
             URLClassLoader foreign = new URLClassLoader(new URL[0], null)) {
            Thread thread = Thread.currentThread();
            ClassLoader original = thread.getContextClassLoader();
            thread.setContextClassLoader(foreign);
            try {
                chain.apply(record("x"));
                assertSame(foreign, thread.getContextClassLoader(), "restored after the call");
            } finally {
                thread.setContextClassLoader(original);
            }
            assertSame(TestPlugins.get().pluginLoader(RecordsContextLoader.class.getName()), RecordsContextLoader.seen);
        }
    }

    /** Always throws a non-retriable exception. */
    public static class Failing<R extends ConnectRecord<R>> implements Transformation<R> {
        @Override
        public R apply(R record) {
            throw new IllegalStateException("scripted: cannot transform " + record.value());
        }

        @Override
        public ConfigDef config() {
            return new ConfigDef();
        }

        @Override
        public void configure(Map<String, ?> configs) {
        }

        @Override
        public void close() {
        }
    }

    /** Remembers the context class loader it ran with. */
    public static class RecordsContextLoader<R extends ConnectRecord<R>> implements Transformation<R> {
        static volatile ClassLoader seen;

        @Override
        public R apply(R record) {
            seen = Thread.currentThread().getContextClassLoader();
            return record;
        }

        @Override
        public ConfigDef config() {
            return new ConfigDef();
        }

        @Override
        public void configure(Map<String, ?> configs) {
        }

        @Override
        public void close() {
        }
    }
}
