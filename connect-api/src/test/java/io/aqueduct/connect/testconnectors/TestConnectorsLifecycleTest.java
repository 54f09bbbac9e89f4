package io.aqueduct.connect.testconnectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aqueduct.connect.connector.Connector;
import io.aqueduct.connect.connector.Task;
import io.aqueduct.connect.data.Schema;
import io.aqueduct.connect.sink.SinkRecord;
import io.aqueduct.connect.sink.SinkTask;
import io.aqueduct.connect.source.SourceRecord;
import io.aqueduct.connect.source.SourceTask;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** Drives the test connectors through their lifecycle the way the runtime does, without Kafka. */
class TestConnectorsLifecycleTest {

    private static Task newTask(Connector connector) throws ReflectiveOperationException {
        return connector.taskClass().getDeclaredConstructor().newInstance();
    }

    private static RecordMetadata ackFor(SourceRecord record, long offset) {
        return new RecordMetadata(new TopicPartition(record.topic(), 0), offset, 0, 0L, 0, 0);
    }

    @Test
    void sourceConnectorValidatesItsConfiguration() {
        List<ConfigValue> values = new SequenceSourceConnector()
            .validate(Map.of("streams", "a", "batch.size", "0")).configValues();

        ConfigValue topic = values.stream().filter(v -> v.name().equals("topic")).findFirst().orElseThrow();
        ConfigValue batch = values.stream().filter(v -> v.name().equals("batch.size")).findFirst().orElseThrow();
        assertFalse(topic.errorMessages().isEmpty());
        assertFalse(batch.errorMessages().isEmpty());
    }

    @Test
    void sourceSplitsStreamsPollsStopsAndResumesFromCommittedOffsets() throws Exception {
        InMemoryOffsetStore offsets = new InMemoryOffsetStore();
        TestContexts.ConnectorContext connectorContext = new TestContexts.ConnectorContext(offsets);
        SequenceSourceConnector connector = new SequenceSourceConnector();
        connector.initialize(connectorContext);
        connector.start(Map.of("topic", "numbers", "streams", "a,b,c", "batch.size", "2"));

        List<Map<String, String>> taskConfigs = connector.taskConfigs(2);

        assertEquals(2, taskConfigs.size());
        assertEquals("a,b", taskConfigs.get(0).get("streams"));
        assertEquals("c", taskConfigs.get(1).get("streams"));
        assertEquals(3, connector.taskConfigs(10).size(), "never more tasks than streams");

        SequenceSourceTask first = (SequenceSourceTask) newTask(connector);
        first.initialize(TestContexts.sourceTaskContext(taskConfigs.get(0), offsets));
        first.start(taskConfigs.get(0));
        List<SourceRecord> batch = first.poll();

        assertEquals(4, batch.size());
        assertEquals(List.of("a", "a", "b", "b"), batch.stream().map(SourceRecord::key).toList());
        assertEquals(List.of(0L, 1L, 0L, 1L), batch.stream().map(SourceRecord::value).toList());
        assertEquals(Schema.INT64_SCHEMA, batch.get(0).valueSchema());
        assertEquals(Map.of("stream", "b"), batch.get(3).sourcePartition());
        assertEquals(Map.of("seq", 1L), batch.get(3).sourceOffset());

        // The runtime acknowledges and commits all but the last record, which is still in flight.
        for (int i = 0; i < batch.size() - 1; i++) {
            first.commitRecord(batch.get(i), ackFor(batch.get(i), i));
            offsets.commit(batch.get(i));
        }
        first.commit();
        assertEquals(3, first.acknowledged());

        first.stop();
        assertNull(first.poll(), "poll after stop returns no records");

        SequenceSourceTask restarted = (SequenceSourceTask) newTask(connector);
        restarted.initialize(TestContexts.sourceTaskContext(taskConfigs.get(0), offsets));
        restarted.start(taskConfigs.get(0));
        List<SourceRecord> resumed = restarted.poll();

        assertEquals(List.of(2L, 3L, 1L, 2L), resumed.stream().map(SourceRecord::value).toList(),
            "stream a resumes after 1; stream b after its last committed offset 0");
        restarted.commitRecord(resumed.get(0), null);
        assertEquals(1, restarted.dropped(), "null metadata marks a record that was dropped or skipped");
        assertEquals(0, restarted.acknowledged());
        restarted.stop();
        connector.stop();
        assertTrue(connectorContext.errors.isEmpty());
    }

    @Test
    void sinkReceivesBatchesCommitsOnlyFlushedRecordsAndDropsClosedPartitions() throws Exception {
        TestContexts.ConnectorContext connectorContext = new TestContexts.ConnectorContext(null);
        CollectingSinkConnector connector = new CollectingSinkConnector();
        connector.initialize(connectorContext);
        connector.start(Map.of(SinkTask.TOPICS_CONFIG, "orders"));

        List<Map<String, String>> taskConfigs = connector.taskConfigs(3);

        assertEquals(3, taskConfigs.size());
        taskConfigs.forEach(config -> assertEquals("orders", config.get(SinkTask.TOPICS_CONFIG)));

        Task created = newTask(connector);
        CollectingSinkTask task = assertInstanceOf(CollectingSinkTask.class, created);
        TestContexts.SinkContext context = new TestContexts.SinkContext(taskConfigs.get(0));
        task.initialize(context);
        task.start(taskConfigs.get(0));

        TopicPartition p0 = new TopicPartition("orders", 0);
        TopicPartition p1 = new TopicPartition("orders", 1);
        context.assignment.addAll(List.of(p0, p1));
        task.open(List.of(p0, p1));

        SinkRecord a = record(0, 10, "a");
        SinkRecord b = record(1, 20, "b").newRecord("orders-routed", 5, null, null, null, "b", null);
        task.put(List.of(a, b));
        Map<TopicPartition, OffsetAndMetadata> current = Map.of(
            p0, new OffsetAndMetadata(11), p1, new OffsetAndMetadata(21));

        Map<TopicPartition, OffsetAndMetadata> toCommit = task.preCommit(current);

        assertEquals(current, toCommit);
        assertEquals(List.of(a, b), task.written());

        task.put(List.of(record(0, 11, "c"), record(1, 21, "d")));
        task.close(List.of(p1));
        task.preCommit(Map.of(p0, new OffsetAndMetadata(12)));

        assertEquals(List.of("a", "b", "c"), task.written().stream().map(SinkRecord::value).toList(),
            "the buffered record of the closed partition is dropped, not written");
        assertEquals(Set.of(p0), task.openPartitions());

        task.close(List.of(p0));
        task.stop();
        connector.stop();
        assertTrue(task.stopped());
    }

    private static SinkRecord record(int partition, long offset, String value) {
        return new SinkRecord("orders", partition, null, null, Schema.STRING_SCHEMA, value, offset,
            1000L + offset, TimestampType.CREATE_TIME);
    }

    @Test
    void connectorsReportTheirTaskTypes() {
        assertTrue(SourceTask.class.isAssignableFrom(new SequenceSourceConnector().taskClass()));
        assertTrue(SinkTask.class.isAssignableFrom(new CollectingSinkConnector().taskClass()));
    }
}
