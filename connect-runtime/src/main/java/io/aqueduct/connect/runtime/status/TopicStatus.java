package io.aqueduct.connect.runtime.status;

import java.util.Objects;

/**
 * A topic a connector's task has produced to or consumed from (an "active topic", KIP-558), as stored under
 * {@code status-topic-<topic>:connector-<connector>}.
 *
 * @param topic             the Kafka topic; never null
 * @param connector         the connector name; never null
 * @param task              the number of the task that first used the topic
 * @param discoverTimestamp when that task first used it, in epoch milliseconds
 */
public record TopicStatus(String topic, String connector, int task, long discoverTimestamp) {

    public TopicStatus {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(connector, "connector");
    }
}
