package io.aqueduct.connect.runtime.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import io.aqueduct.connect.runtime.status.AbstractStatus.State;

class MemoryStatusBackingStoreTest {

    private final MemoryStatusBackingStore store = new MemoryStatusBackingStore();

    @Test
    void firstDiscoveryOfATopicIsKept() {
        store.putTopicState("lines", "src", 1, 1000L);
        store.putTopicState("lines", "src", 0, 2000L);

        assertEquals(new TopicStatus("lines", "src", 1, 1000L), store.getTopic("src", "lines"));
    }

    @Test
    void allTopicsOfAConnectorInTopicOrderAndNoneOfOthers() {
        store.putTopicState("zeta", "src", 0, 1L);
        store.putTopicState("alpha", "src", 1, 2L);
        store.putTopicState("alpha", "other", 0, 3L);

        assertEquals(List.of(new TopicStatus("alpha", "src", 1, 2L), new TopicStatus("zeta", "src", 0, 1L)),
                List.copyOf(store.getAllTopics("src")));
        assertTrue(store.getAllTopics("unknown").isEmpty());
    }

    @Test
    void deletedTopicIsGoneAndCanBeDiscoveredAgain() {
        store.putTopicState("lines", "src", 0, 1L);
        store.deleteTopic("src", "lines");
        store.deleteTopic("src", "never-there");

        assertNull(store.getTopic("src", "lines"));
        assertTrue(store.getAllTopics("src").isEmpty());
        store.putTopicState("lines", "src", 2, 5L);
        assertEquals(new TopicStatus("lines", "src", 2, 5L), store.getTopic("src", "lines"));
    }

    @Test
    void topicStatusesAreIndependentOfConnectorStatuses() {
        store.putTopicState("lines", "src", 0, 1L);
        store.put(new ConnectorStatus("src", State.RUNNING, "w:8083", 1));
        store.put(new ConnectorStatus("src", State.DESTROYED, "w:8083", 1));
        store.put(new TaskStatus(new ConnectorTaskId("src", 0), State.RUNNING, "w:8083", 1));

        assertNull(store.get("src"));
        assertEquals(new TopicStatus("lines", "src", 0, 1L), store.getTopic("src", "lines"));
    }
}
