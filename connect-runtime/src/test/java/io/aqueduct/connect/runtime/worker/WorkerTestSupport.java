package io.aqueduct.connect.runtime.worker;

import io.aqueduct.connect.test.Await;
import io.aqueduct.connect.runtime.config.StandaloneConfig;
import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import io.aqueduct.connect.runtime.herder.TargetState;
import io.aqueduct.connect.runtime.status.AbstractStatus.State;
import io.aqueduct.connect.runtime.status.ConnectorStatus;
import io.aqueduct.connect.runtime.status.MemoryStatusBackingStore;
import io.aqueduct.connect.runtime.status.StatusStoreListener;
import io.aqueduct.connect.runtime.status.TaskStatus;
import io.aqueduct.connect.runtime.storage.OffsetBackingStore;
import io.aqueduct.connect.test.KafkaCluster;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the Worker ITs share: workers over the test cluster (stopped, with their offset stores, by
 * {@link #close()}), status listeners, connector settings, line files and polling with a deadline.
 */
final class WorkerTestSupport implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String STRING_CONVERTER = "io.aqueduct.connect.storage.StringConverter";

    private final KafkaCluster cluster;
    private final Path dir;
    private final MemoryStatusBackingStore statuses;
    private final List<Worker> workers = new ArrayList<>();
    private final List<OffsetBackingStore> stores = new ArrayList<>();

    WorkerTestSupport(KafkaCluster cluster, Path dir, MemoryStatusBackingStore statuses) {
        this.cluster = cluster;
        this.dir = dir;
        this.statuses = statuses;
    }

    /** Stops every worker made here, then their offset stores. */
    @Override
    public void close() {
        workers.forEach(Worker::stop);
        stores.forEach(OffsetBackingStore::stop);
    }

    // ---- workers ----

    /** The settings every test worker has: the cluster, String key and value converters, fast offset flushes. */
    Map<String, String> baseWorkerProps() {
        Map<String, String> props = new HashMap<>();
        props.put("bootstrap.servers", cluster.bootstrapServers());
        props.put("offset.storage.file.filename", dir.resolve("unused-offsets.json").toString());
        props.put("key.converter", STRING_CONVERTER);
        props.put("value.converter", STRING_CONVERTER);
        props.put("offset.flush.interval.ms", "100");
        return props;
    }

    /** A worker with String headers too and a generous shutdown timeout; {@code overrides} are key, value pairs. */
    Worker worker(OffsetBackingStore store, String... overrides) {
        Map<String, String> props = baseWorkerProps();
        props.put("header.converter", STRING_CONVERTER);
        props.put("task.shutdown.graceful.timeout.ms", "10000");
        for (int i = 0; i < overrides.length; i += 2) {
            props.put(overrides[i], overrides[i + 1]);
        }
        return worker(store, props);
    }

    /** Starts {@code store} and makes a worker of exactly {@code props} over it. */
    Worker worker(OffsetBackingStore store, Map<String, String> props) {
        store.start();
        stores.add(store);
        Worker worker = new Worker("localhost:8083", new StandaloneConfig(props), TestPlugins.get(), store);
        workers.add(worker);
        return worker;
    }

    /** A listener writing the statuses of {@code worker}'s connectors and tasks to the shared status store. */
    StatusStoreListener listener(Worker worker) {
        return new StatusStoreListener(statuses, worker.workerId(), () -> 0, worker::connectorVersion, worker::taskVersion);
    }

    /** Starts the connector of {@code props} and every task it asks for; returns the tasks' ids. */
    static List<ConnectorTaskId> start(Worker worker, StatusStoreListener listener, Map<String, String> props)
            throws Exception {
        String name = props.get("name");
        worker.startConnector(name, props, listener, TargetState.STARTED, null).get(30, TimeUnit.SECONDS);
        List<Map<String, String>> configs = worker.connectorTaskConfigs(name);
        List<ConnectorTaskId> ids = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            ConnectorTaskId id = new ConnectorTaskId(name, i);
            worker.startTask(id, props, configs.get(i), listener, TargetState.STARTED);
            ids.add(id);
        }
        return ids;
    }

    // ---- connector settings ----

    static Map<String, String> connector(String name, String connectorClass) {
        Map<String, String> props = new HashMap<>();
        props.put("name", name);
        props.put("connector.class", connectorClass);
        props.put("tasks.max", "1");
        return props;
    }

    static Map<String, String> fileSource(String name, Path file, String topic) {
        Map<String, String> props = connector(name, "FileStreamSource");
        props.put("file", file.toString());
        props.put("topic", topic);
        return props;
    }

    static Map<String, String> fileSink(String name, Path file, String topic) {
        Map<String, String> props = connector(name, "FileStreamSink");
        props.put("file", file.toString());
        props.put("topics", topic);
        return props;
    }

    // ---- reading state ----

    /** The offset the sink connector's consumer group committed for partition 0 of {@code topic}, or -1. */
    long committedSinkOffset(String connector, String topic) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = cluster.admin()
                    .listConsumerGroupOffsets(ClientConfigs.consumerGroupId(connector))
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            OffsetAndMetadata offset = offsets.get(new TopicPartition(topic, 0));
            return offset == null ? -1 : offset.offset();
        } catch (Exception e) {
            throw new AssertionError("Could not read the offsets of group connect-" + connector, e);
        }
    }

    static State state(ConnectorStatus status) {
        return status == null ? null : status.state();
    }

    static State state(TaskStatus status) {
        return status == null ? null : status.state();
    }

    static List<String> values(List<ConsumerRecord<String, String>> records) {
        List<String> values = new ArrayList<>();
        records.forEach(record -> values.add(record.value()));
        return values;
    }

    // ---- line files ----

    /** {@code line-from} up to but without {@code line-to}. */
    static List<String> lines(int from, int to) {
        List<String> lines = new ArrayList<>();
        for (int i = from; i < to; i++) {
            lines.add("line-" + i);
        }
        return lines;
    }

    static Path write(Path file, List<String> lines) throws IOException {
        return Files.write(file, lines, StandardCharsets.UTF_8);
    }

    static void append(Path file, List<String> lines) throws IOException {
        Files.write(file, lines, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    /** The file's lines; none while it does not exist yet. */
    static List<String> readLines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    // ---- waiting ----

    /** Polls {@code condition} until it holds, failing with {@code what} after {@link #WAIT}. */
    static void awaitUntil(Check condition, String what) {
        Await.until(what, WAIT, condition::holds);
    }

    @FunctionalInterface
    interface Check {
        boolean holds() throws Exception;
    }
}
