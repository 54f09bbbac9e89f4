package io.aqueduct.connect.runtime.worker;

import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import io.aqueduct.connect.runtime.herder.TargetState;
import io.aqueduct.connect.runtime.status.MemoryStatusBackingStore;
import io.aqueduct.connect.runtime.status.StatusStoreListener;
import io.aqueduct.connect.runtime.status.TopicStatus;
import io.aqueduct.connect.runtime.storage.MemoryOffsetBackingStore;
import io.aqueduct.connect.test.KafkaCluster;
import io.aqueduct.connect.test.KafkaIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static io.aqueduct.connect.runtime.worker.WorkerTestSupport.append;
import static io.aqueduct.connect.runtime.worker.WorkerTestSupport.awaitUntil;
import static io.aqueduct.connect.runtime.worker.WorkerTestSupport.fileSink;
import static io.aqueduct.connect.runtime.worker.WorkerTestSupport.fileSource;
import static io.aqueduct.connect.runtime.worker.WorkerTestSupport.lines;
import static io.aqueduct.connect.runtime.worker.WorkerTestSupport.readLines;
import static io.aqueduct.connect.runtime.worker.WorkerTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which topics the Worker's tasks report as active (KIP-558), against a real broker. */
@KafkaIT
class WorkerActiveTopicsIT {

    private KafkaCluster cluster;
    @TempDir
    Path dir;

    private final MemoryStatusBackingStore statuses = new MemoryStatusBackingStore();
    private WorkerTestSupport support;
    private final List<Report> reports = new CopyOnWriteArrayList<>();
    private final TopicStatus.Listener recording = (task, topic, timestamp) -> reports.add(new Report(task, topic));

    private record Report(ConnectorTaskId task, String topic) {
    }

    @BeforeEach
    void createSupport() {
        support = new WorkerTestSupport(cluster, dir, statuses);
    }

    @AfterEach
    void stopWorkers() {
        support.close();
    }

    @Test
    void eachTaskReportsEachTopicOnceAndAgainAfterItWasForgotten() throws Exception {
        String topic = cluster.uniqueName("active");
        cluster.createTopic(topic, 2, 1);
        Path in = write(dir.resolve("in.txt"), lines(0, 300));
        Path out = dir.resolve("out.txt");
        Worker worker = worker("true");
        ConnectorTaskId source = start(worker, fileSource("src", in, topic));
        ConnectorTaskId sink = start(worker, fileSink("sink", out, topic));
        awaitUntil(() -> readLines(out).size() == 300 && !reportsOf(source).isEmpty(),
                "the sink wrote every line and the source reported its topic");

        assertEquals(List.of(new Report(source, topic)), reportsOf(source), "one report for 300 records");
        assertEquals(List.of(new Report(sink, topic)), reportsOf(sink), "one report for two partitions");

        worker.forgetActiveTopic("src", topic);
        append(in, lines(300, 310));
        awaitUntil(() -> readLines(out).size() == 310 && reportsOf(source).size() > 1,
                "the sink wrote the new lines and the source reported its topic again");
        assertEquals(List.of(new Report(source, topic), new Report(source, topic)), reportsOf(source),
                "the source reported its topic again after the reset");
        assertEquals(1, reportsOf(sink).size(), "the sink's topic was not reset");
    }

    @Test
    void nothingIsReportedWhenTopicTrackingIsDisabled() throws Exception {
        String topic = cluster.uniqueName("untracked");
        cluster.createTopic(topic, 1, 1);
        Path in = write(dir.resolve("in.txt"), lines(0, 50));
        Path out = dir.resolve("out.txt");
        Worker worker = worker("false");
        start(worker, fileSource("src", in, topic));
        start(worker, fileSink("sink", out, topic));
        awaitUntil(() -> readLines(out).size() == 50, "the sink wrote every line");

        assertEquals(List.of(), reports);
    }

    private List<Report> reportsOf(ConnectorTaskId task) {
        return reports.stream().filter(report -> report.task().equals(task)).toList();
    }

    private Worker worker(String topicTracking) {
        Map<String, String> props = support.baseWorkerProps();
        props.put("topic.tracking.enable", topicTracking);
        return support.worker(new MemoryOffsetBackingStore(), props);
    }

    /** Starts the connector and its single task, with the recording topic listener. */
    private ConnectorTaskId start(Worker worker, Map<String, String> props) throws Exception {
        String name = props.get("name");
        StatusStoreListener listener = support.listener(worker);
        worker.startConnector(name, props, listener, TargetState.STARTED, null).get(30, TimeUnit.SECONDS);
        ConnectorTaskId id = new ConnectorTaskId(name, 0);
        worker.startTask(id, props, worker.connectorTaskConfigs(name).get(0), listener, recording, TargetState.STARTED);
        return id;
    }
}
