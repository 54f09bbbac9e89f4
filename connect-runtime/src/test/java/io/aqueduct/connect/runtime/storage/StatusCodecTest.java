package io.aqueduct.connect.runtime.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import io.aqueduct.connect.runtime.status.AbstractStatus.State;
import io.aqueduct.connect.runtime.status.ConnectorStatus;
import io.aqueduct.connect.runtime.status.TaskStatus;
import io.aqueduct.connect.runtime.status.TopicStatus;

class StatusCodecTest {

    private static final String TRACE = "java.lang.IllegalStateException: boom\n\tat x.Y.z(Y.java:7)\n";

    @Test
    void keysHaveTheReferenceForms() {
        assertEquals("status-connector-ref-src", StatusCodec.connectorKey("ref-src"));
        assertEquals("status-task-ref-src-0", StatusCodec.taskKey(new ConnectorTaskId("ref-src", 0)));
        assertEquals("status-topic-ref-lines:connector-ref-sink", StatusCodec.topicKey("ref-sink", "ref-lines"));
    }

    @Test
    void runningConnectorStatusBytesMatchTheReferenceExactly() {
        ConnectorStatus status = new ConnectorStatus("ref-src", State.RUNNING, "127.0.0.1:18083", 3, null, "4.3.1");
        assertEquals("{\"state\":\"RUNNING\",\"trace\":null,\"worker_id\":\"127.0.0.1:18083\",\"generation\":3,"
                + "\"version\":\"4.3.1\"}", utf8(StatusCodec.encodeStatus(status)));
    }

    @Test
    void unassignedTaskStatusWithoutVersionWritesVersionNull() {
        TaskStatus status = new TaskStatus(new ConnectorTaskId("c", 1), State.UNASSIGNED, "10.0.0.7:8083", 40);
        assertEquals("{\"state\":\"UNASSIGNED\",\"trace\":null,\"worker_id\":\"10.0.0.7:8083\",\"generation\":40,"
                + "\"version\":null}", utf8(StatusCodec.encodeStatus(status)));
    }

    @Test
    void failedStatusCarriesTheTraceWithJsonEscapes() {
        TaskStatus status = new TaskStatus(new ConnectorTaskId("c", 0), State.FAILED, "h:1", 4, TRACE, "4.3.1");
        assertEquals("{\"state\":\"FAILED\",\"trace\":\"java.lang.IllegalStateException: boom\\n\\tat x.Y.z(Y.java:7)"
                + "\\n\",\"worker_id\":\"h:1\",\"generation\":4,\"version\":\"4.3.1\"}",
                utf8(StatusCodec.encodeStatus(status)));
    }

    @Test
    void nonAsciiIsWrittenAsUtf8NotEscaped() {
        ConnectorStatus status = new ConnectorStatus("ü", State.FAILED, "h:1", 0, "Fehler: Größe", null);
        assertEquals("{\"state\":\"FAILED\",\"trace\":\"Fehler: Größe\",\"worker_id\":\"h:1\",\"generation\":0,"
                + "\"version\":null}", utf8(StatusCodec.encodeStatus(status)));
    }

    @Test
    void destroyedIsATombstoneNotAValue() {
        assertThrows(IllegalArgumentException.class, () -> StatusCodec.encodeStatus(
                new ConnectorStatus("c", State.DESTROYED, "h:1", 0)));
    }

    @Test
    void topicStatusBytesMatchTheReferenceExactly() {
        TopicStatus status = new TopicStatus("ref-lines", "ref-sink", 0, 1795235489435L);
        assertEquals("{\"topic\":{\"name\":\"ref-lines\",\"connector\":\"ref-sink\",\"task\":0,"
                + "\"discoverTimestamp\":1795235489435}}", utf8(StatusCodec.encodeTopic(status)));
    }

    @Test
    void statusesRoundTrip() {
        ConnectorStatus connector = new ConnectorStatus("c", State.PAUSED, "h:1", 7, null, null);
        assertEquals(connector, StatusCodec.decodeConnectorStatus("c", StatusCodec.encodeStatus(connector)));
        TaskStatus task = new TaskStatus(new ConnectorTaskId("c", 2), State.FAILED, "h:1", 7, TRACE, "1.0");
        assertEquals(task, StatusCodec.decodeTaskStatus(task.id(), StatusCodec.encodeStatus(task)));
        TopicStatus topic = new TopicStatus("t", "c", 3, 42L);
        assertEquals(topic,
                StatusCodec.decodeTopic(new StatusCodec.TopicKey("c", "t"), StatusCodec.encodeTopic(topic)));
    }

    @Test
    void apacheWrittenValuesParse() {
        TaskStatus task = StatusCodec.decodeTaskStatus(new ConnectorTaskId("ref-sink", 0), bytes(
                "{\"state\":\"RESTARTING\",\"trace\":null,\"worker_id\":\"127.0.0.1:18083\",\"generation\":12,"
                        + "\"version\":null}"));
        assertEquals(new TaskStatus(new ConnectorTaskId("ref-sink", 0), State.RESTARTING, "127.0.0.1:18083", 12),
                task);
        ConnectorStatus stopped = StatusCodec.decodeConnectorStatus("x1", bytes(
                "{\"state\":\"STOPPED\",\"trace\":null,\"worker_id\":\"127.0.0.1:18083\",\"generation\":31,"
                        + "\"version\":\"4.3.1\"}"));
        assertEquals(new ConnectorStatus("x1", State.STOPPED, "127.0.0.1:18083", 31, null, "4.3.1"), stopped);
    }

    @Test
    void unknownFieldsAreIgnoredAndAMissingVersionIsNull() {
        ConnectorStatus status = StatusCodec.decodeConnectorStatus("c", bytes(
                "{\"worker_id\":\"h:1\",\"future\":{\"x\":[1]},\"state\":\"RUNNING\",\"generation\":2}"));
        assertEquals(new ConnectorStatus("c", State.RUNNING, "h:1", 2, null, null), status);
        TopicStatus topic = StatusCodec.decodeTopic(new StatusCodec.TopicKey("c", "t"),
                bytes("{\"topic\":{\"name\":\"t\",\"connector\":\"c\",\"task\":1,\"discoverTimestamp\":5,\"x\":0},"
                        + "\"y\":1}"));
        assertEquals(new TopicStatus("t", "c", 1, 5L), topic);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[1,2]", "{\"state\":\"RUNNING\"}", "{\"state\":\"SLEEPING\","
            + "\"worker_id\":\"h:1\",\"generation\":1}", "{\"state\":\"RUNNING\",\"worker_id\":\"h:1\","
            + "\"generation\":\"three\"}", "{\"state\":1,\"worker_id\":\"h:1\",\"generation\":1}", "{} {}"})
    void unreadableStatusValuesAreSerializationExceptions(String value) {
        assertThrows(SerializationException.class, () -> StatusCodec.decodeConnectorStatus("c", bytes(value)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"topic\":\"t\"}", "{\"topic\":{\"name\":\"t\",\"connector\":\"c\"}}",
            "{\"topic\":{\"task\":\"zero\",\"discoverTimestamp\":1}}"})
    void unreadableTopicValuesAreSerializationExceptions(String value) {
        assertThrows(SerializationException.class,
                () -> StatusCodec.decodeTopic(new StatusCodec.TopicKey("c", "t"), bytes(value)));
    }

    @Test
    void keysParseBackIncludingNamesWithDashesAndColons() {
        assertEquals(new StatusCodec.ConnectorKey("my-conn:v2"), StatusCodec.parseKey("status-connector-my-conn:v2"));
        assertEquals(new StatusCodec.TaskKey(new ConnectorTaskId("my-conn-2", 13)),
                StatusCodec.parseKey("status-task-my-conn-2-13"));
        assertEquals(new StatusCodec.TopicKey("a:connector-b", "ref.lines_1"),
                StatusCodec.parseKey("status-topic-ref.lines_1:connector-a:connector-b"));
        ConnectorTaskId id = new ConnectorTaskId("x-1", 0);
        assertEquals(new StatusCodec.TaskKey(id), StatusCodec.parseKey(StatusCodec.taskKey(id)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"connector-c", "status-connector-", "status-task-c", "status-task-c-", "status-task--1",
            "status-task-c-x", "status-task-c-99999999999", "status-topic-t", "status-topic-:connector-c",
            "status-topic-t:connector-", "session-key"})
    void otherKeysAreNotStatusKeys(String key) {
        assertNull(StatusCodec.parseKey(key));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
