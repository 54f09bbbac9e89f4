package io.aqueduct.connect.runtime.herder;

import io.aqueduct.connect.connector.Connector;
import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.runtime.isolation.LoaderSwap;
import io.aqueduct.connect.runtime.isolation.Plugins;
import io.aqueduct.connect.runtime.rest.entities.ConnectorOffset;
import io.aqueduct.connect.runtime.rest.entities.ConnectorOffsets;
import io.aqueduct.connect.runtime.rest.entities.Message;
import io.aqueduct.connect.runtime.storage.OffsetBackingStore;
import io.aqueduct.connect.runtime.storage.OffsetCodec;
import io.aqueduct.connect.sink.SinkConnector;
import io.aqueduct.connect.source.SourceConnector;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads, alters and resets the offsets of one connector, as {@code /connectors/{c}/offsets} does: source offsets
 * in the worker's {@link OffsetBackingStore}, sink offsets as the committed offsets of the sink's consumer group
 * ({@code connect-<c>}, or the connector's {@code consumer.override.group.id}) through the Admin client.
 * Alterations first ask the connector ({@code alterOffsets}), which may veto them by throwing.
 *
 * <p>Mode-independent; the herder decides whether the connector may be altered (it must be STOPPED) and on which
 * thread this runs. Every call blocks, but never without bound: connector code runs on {@code connectorCalls} and
 * is waited for at most {@code timeout}, and so is each store or Admin call. Thread-safe.
 */
public final class ConnectorOffsetsManager {

    private static final Logger log = LoggerFactory.getLogger(ConnectorOffsetsManager.class);

    static final String KAFKA_TOPIC = "kafka_topic";
    static final String KAFKA_PARTITION = "kafka_partition";
    static final String KAFKA_OFFSET = "kafka_offset";

    private final Plugins plugins;
    private final ConnectorTypes types;
    private final OffsetBackingStore offsetStore;
    private final Admin admin;
    private final Executor connectorCalls;
    private final Duration timeout;

    public ConnectorOffsetsManager(Plugins plugins, ConnectorTypes types, OffsetBackingStore offsetStore, Admin admin,
                                   Executor connectorCalls, Duration timeout) {
        this.plugins = Objects.requireNonNull(plugins, "plugins");
        this.types = Objects.requireNonNull(types, "types");
        this.offsetStore = Objects.requireNonNull(offsetStore, "offsetStore");
        this.admin = Objects.requireNonNull(admin, "admin");
        this.connectorCalls = Objects.requireNonNull(connectorCalls, "connectorCalls");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** The consumer group whose committed offsets are a sink connector's offsets. */
    public static String sinkGroupId(String connector, Map<String, String> connectorConfig) {
        String override = connectorConfig.get("consumer.override.group.id");
        return override != null && !override.isBlank() ? override : "connect-" + connector;
    }

    /** The committed offsets of the connector; empty when it never committed any. */
    public ConnectorOffsets read(String connector, Map<String, String> connectorConfig) {
        Class<? extends Connector> connectorClass = types.connectorClass(connectorConfig);
        List<ConnectorOffset> result = new ArrayList<>();
        if (SinkConnector.class.isAssignableFrom(connectorClass)) {
            Map<TopicPartition, OffsetAndMetadata> committed = await(admin.listConsumerGroupOffsets(
                    sinkGroupId(connector, connectorConfig)).partitionsToOffsetAndMetadata(),
                    "read the committed offsets of sink connector " + connector);
            committed.entrySet().stream()
                    .filter(e -> e.getValue() != null)
                    .sorted(Map.Entry.comparingByKey(Comparator.comparing(TopicPartition::topic)
                            .thenComparingInt(TopicPartition::partition)))
                    .forEach(e -> result.add(sinkOffset(e.getKey(), e.getValue().offset())));
        } else {
            Map<Map<String, Object>, Map<String, Object>> stored = await(offsetStore.connectorOffsets(connector),
                    "read the offsets of source connector " + connector);
            stored.forEach((partition, offset) -> result.add(new ConnectorOffset(partition, offset)));
        }
        return new ConnectorOffsets(result);
    }

    /**
     * Alters offsets: a null offset removes the partition's offset.
     *
     * @param connectorConfig the connector config with placeholders resolved (handed to the connector)
     * @throws io.aqueduct.connect.runtime.rest.errors.BadRequestException for sink partitions or offsets of the
     *         wrong shape
     * @throws ConnectException with the connector's message when it vetoes, or when writing fails
     */
    public Message alter(String connector, Map<String, String> connectorConfig,
                         Map<Map<String, ?>, Map<String, ?>> offsets) {
        Class<? extends Connector> connectorClass = types.connectorClass(connectorConfig);
        if (SinkConnector.class.isAssignableFrom(connectorClass)) {
            Map<TopicPartition, Long> sinkOffsets = SinkOffsets.parse(offsets);
            boolean confirmed = callConnector(connectorClass, connector,
                    instance -> ((SinkConnector) instance).alterOffsets(connectorConfig, sinkOffsets));
            writeSinkOffsets(connector, sinkGroupId(connector, connectorConfig), sinkOffsets, "modify");
            return altered(confirmed);
        }
        boolean confirmed = callConnector(connectorClass, connector,
                instance -> ((SourceConnector) instance).alterOffsets(connectorConfig, offsets));
        writeSourceOffsets(connector, offsets);
        return altered(confirmed);
    }

    /** Removes every offset of the connector. */
    public Message reset(String connector, Map<String, String> connectorConfig) {
        Class<? extends Connector> connectorClass = types.connectorClass(connectorConfig);
        if (SinkConnector.class.isAssignableFrom(connectorClass)) {
            String group = sinkGroupId(connector, connectorConfig);
            Map<TopicPartition, Long> removals = new HashMap<>();
            await(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata(),
                    "read the committed offsets of sink connector " + connector)
                    .keySet().forEach(partition -> removals.put(partition, null));
            boolean confirmed = callConnector(connectorClass, connector,
                    instance -> ((SinkConnector) instance).alterOffsets(connectorConfig, removals));
            writeSinkOffsets(connector, group, removals, "reset");
            return reset(confirmed);
        }
        Map<Map<String, ?>, Map<String, ?>> removals = new HashMap<>();
        await(offsetStore.connectorOffsets(connector), "read the offsets of source connector " + connector)
                .keySet().forEach(partition -> removals.put(partition, null));
        boolean confirmed = callConnector(connectorClass, connector,
                instance -> ((SourceConnector) instance).alterOffsets(connectorConfig, removals));
        writeSourceOffsets(connector, removals);
        return reset(confirmed);
    }

    private static Message altered(boolean confirmedByConnector) {
        return confirmedByConnector ? Message.offsetsAltered() : new Message("The Connect framework-managed offsets "
                + "for this connector have been altered successfully. However, if this connector manages offsets "
                + "externally, they will need to be manually altered in the system that the connector uses.");
    }

    private static Message reset(boolean confirmedByConnector) {
        return confirmedByConnector ? Message.offsetsReset() : new Message("The Connect framework-managed offsets "
                + "for this connector have been reset successfully. However, if this connector manages offsets "
                + "externally, they will need to be manually reset in the system that the connector uses.");
    }

    private static ConnectorOffset sinkOffset(TopicPartition partition, long offset) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put(KAFKA_PARTITION, partition.partition());
        key.put(KAFKA_TOPIC, partition.topic());
        Map<String, Object> value = new LinkedHashMap<>();
        value.put(KAFKA_OFFSET, offset);
        return new ConnectorOffset(key, value);
    }

    private void writeSourceOffsets(String connector, Map<Map<String, ?>, Map<String, ?>> offsets) {
        Map<ByteBuffer, ByteBuffer> writes = new HashMap<>();
        offsets.forEach((partition, offset) -> {
            byte[] value = OffsetCodec.serializeOffset(offset);
            writes.put(ByteBuffer.wrap(OffsetCodec.serializeKey(connector, partition)),
                    value == null ? null : ByteBuffer.wrap(value));
        });
        if (!writes.isEmpty()) {
            await(offsetStore.set(writes, null), "write the offsets of source connector " + connector);
        }
    }

    private void writeSinkOffsets(String connector, String group, Map<TopicPartition, Long> offsets, String verb) {
        Map<TopicPartition, OffsetAndMetadata> alterations = new HashMap<>();
        Set<TopicPartition> removals = new HashSet<>();
        try {
            offsets.forEach((partition, offset) -> {
                if (offset == null) {
                    removals.add(partition);
                } else {
                    alterations.put(partition, new OffsetAndMetadata(offset));
                }
            });
            if (!alterations.isEmpty()) {
                await(admin.alterConsumerGroupOffsets(group, alterations).all(), verb + " offsets of group " + group);
            }
            if (!removals.isEmpty()) {
                try {
                    await(admin.deleteConsumerGroupOffsets(group, removals).all(), verb + " offsets of group " + group);
                } catch (ConnectException e) {
                    if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                        throw e;
                    }
                }
            }
        } catch (RuntimeException e) {
            log.error("Could not {} the offsets of sink connector {} (consumer group {})", verb, connector, group, e);
            throw new ConnectException("Failed to " + verb + " offsets for sink connector " + connector, e);
        }
    }

    private interface ConnectorCall {
        boolean call(Connector instance);
    }

    /** Runs {@code alterOffsets} on a fresh, never-started instance, off the caller's thread, bounded. */
    @SuppressWarnings("try") // the swap only needs to be open
    private boolean callConnector(Class<? extends Connector> connectorClass, String connector, ConnectorCall call) {
        Callable<Boolean> work = () -> {
            try (LoaderSwap swap = plugins.withClassLoader(plugins.pluginLoader(connectorClass.getName()))) {
                return call.call(plugins.newInstance(connectorClass));
            }
        };
        CompletableFuture<Boolean> result = CompletableFuture.supplyAsync(() -> {
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new ConnectException(e.getMessage(), e);
            }
        }, connectorCalls);
        try {
            return Boolean.TRUE.equals(result.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
            throw new ConnectException(message, cause);
        } catch (TimeoutException e) {
            throw new ConnectException("Connector " + connector + " did not answer alterOffsets() within "
                    + timeout.toMillis() + " ms; nothing was written. Check what the connector does in alterOffsets()");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while connector " + connector + " checked the new offsets", e);
        }
    }

    private <T> T await(Future<T> future, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new ConnectException("Could not " + what + ": " + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new ConnectException("Could not " + what + " within " + timeout.toMillis() + " ms; check that the "
                    + "Kafka cluster is reachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while trying to " + what, e);
        }
    }
}
