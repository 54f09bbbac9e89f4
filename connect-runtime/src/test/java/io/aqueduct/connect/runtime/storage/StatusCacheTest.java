package io.aqueduct.connect.runtime.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import io.aqueduct.connect.runtime.status.AbstractStatus.State;
import io.aqueduct.connect.runtime.status.ConnectorStatus;
import io.aqueduct.connect.runtime.status.TaskStatus;
import io.aqueduct.connect.runtime.status.TopicStatus;

class StatusCacheTest {

    private static final ConnectorTaskId TASK = new ConnectorTaskId("c", 0);
    private final StatusCache cache = new StatusCache();

    @Test
    void theLatestRecordWinsWhateverItsGeneration() {
        cache.applyConnector("c", new ConnectorStatus("c", State.RUNNING, "old-worker:8083", 40));
        // a re-created group starts again at generation 1, under new worker ids
        ConnectorStatus recreated = new ConnectorStatus("c", State.FAILED, "new-worker:8083", 1, "trace", null);
        cache.applyConnector("c", recreated);
        assertEquals(recreated, cache.connector("c"));

        cache.applyTask(TASK, new TaskStatus(TASK, State.RUNNING, "a:8083", 4));
        TaskStatus later = new TaskStatus(TASK, State.FAILED, "b:8083", 2, "trace", null);
        cache.applyTask(TASK, later);
        assertEquals(later, cache.task(TASK));
    }

    @Test
    void theSameWorkerMayAlwaysReplaceItsOwnStatus() {
        cache.applyConnector("c", new ConnectorStatus("c", State.RUNNING, "a:8083", 9));
        ConnectorStatus restartedWorker = new ConnectorStatus("c", State.RUNNING, "a:8083", 1);

        cache.applyConnector("c", restartedWorker);
        assertEquals(restartedWorker, cache.connector("c"));
    }

    @Test
    void mayReplaceRule() {
        ConnectorStatus current = new ConnectorStatus("c", State.RUNNING, "b:1", 5);
        assertTrue(StatusCache.mayReplace(null, current));
        assertTrue(StatusCache.mayReplace(current, new ConnectorStatus("c", State.PAUSED, "b:1", 2)));
        assertTrue(StatusCache.mayReplace(current, new ConnectorStatus("c", State.PAUSED, "a:1", 5)));
        assertTrue(StatusCache.mayReplace(current, new ConnectorStatus("c", State.PAUSED, "a:1", 6)));
        assertFalse(StatusCache.mayReplace(current, new ConnectorStatus("c", State.UNASSIGNED, "a:1", 4)));
    }

    @Test
    void tombstonesRemoveWhateverTheGeneration() {
        cache.applyConnector("c", new ConnectorStatus("c", State.RUNNING, "b:8083", 50));
        cache.applyTask(TASK, new TaskStatus(TASK, State.RUNNING, "b:8083", 50));
        cache.applyTask(new ConnectorTaskId("c", 1), new TaskStatus(new ConnectorTaskId("c", 1), State.RUNNING,
                "b:8083", 50));

        cache.applyTask(TASK, null);
        cache.applyConnector("c", null);

        assertNull(cache.connector("c"));
        assertNull(cache.task(TASK));
        assertEquals(Set.of("c"), cache.connectors());
        ConnectorStatus low = new ConnectorStatus("c", State.RUNNING, "a:8083", 1);
        cache.applyConnector("c", low);
        assertEquals(low, cache.connector("c"));
    }

    @Test
    void destroyedStateActsAsATombstone() {
        cache.applyTask(TASK, new TaskStatus(TASK, State.RUNNING, "b:8083", 5));
        cache.applyTask(TASK, new TaskStatus(TASK, State.DESTROYED, "a:8083", 1));
        assertNull(cache.task(TASK));
        assertTrue(cache.connectors().isEmpty());
    }

    @Test
    void tasksOfAConnectorInTaskOrder() {
        for (int n : new int[] {10, 2, 0}) {
            ConnectorTaskId id = new ConnectorTaskId("c", n);
            cache.applyTask(id, new TaskStatus(id, State.RUNNING, "a:1", 1));
        }
        cache.applyTask(new ConnectorTaskId("c-2", 0), new TaskStatus(new ConnectorTaskId("c-2", 0), State.RUNNING,
                "a:1", 1));

        assertEquals(List.of(0, 2, 10), cache.tasks("c").stream().map(s -> s.id().task()).toList());
        assertEquals(Set.of("c", "c-2"), cache.connectors());
    }

    @Test
    void topicsAreAddedReplacedAndRemovedPerConnector() {
        cache.applyTopic("c", "b-topic", new TopicStatus("b-topic", "c", 0, 1L));
        cache.applyTopic("c", "a-topic", new TopicStatus("a-topic", "c", 1, 2L));
        cache.applyTopic("d", "a-topic", new TopicStatus("a-topic", "d", 0, 3L));
        cache.applyTopic("c", "b-topic", new TopicStatus("b-topic", "c", 2, 4L));

        assertEquals(List.of(new TopicStatus("a-topic", "c", 1, 2L), new TopicStatus("b-topic", "c", 2, 4L)),
                List.copyOf(cache.topics("c")));
        cache.applyTopic("c", "a-topic", null);
        cache.applyTopic("c", "b-topic", null);
        assertTrue(cache.topics("c").isEmpty());
        assertNull(cache.topic("c", "a-topic"));
        assertEquals(new TopicStatus("a-topic", "d", 0, 3L), cache.topic("d", "a-topic"));
    }
}
