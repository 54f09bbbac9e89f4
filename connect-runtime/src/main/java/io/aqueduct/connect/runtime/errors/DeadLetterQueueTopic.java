package io.aqueduct.connect.runtime.errors;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.runtime.config.SinkConnectorConfig;

/**
 * Creates a sink connector's dead letter queue topic when it is missing: one partition (the order of
 * failed records is kept), the configured replication factor, the broker's default cleanup policy
 * (records may have null keys, so it must not be compacted).
 */
final class DeadLetterQueueTopic {

    static final int PARTITIONS = 1;

    private static final Logger log = LoggerFactory.getLogger(DeadLetterQueueTopic.class);

    private DeadLetterQueueTopic() {
    }

    /**
     * @param replicationFactor replicas for a new topic; -1 for the broker's default
     * @return true if this call created the topic
     * @throws ConnectException if the topic is missing and cannot be created
     */
    static boolean ensure(Admin admin, String topic, short replicationFactor, Duration timeout) {
        try {
            if (await(admin.listTopics().names(), timeout).contains(topic)) {
                return false;
            }
        } catch (ExecutionException e) {
            log.debug("Could not list topics before creating the dead letter queue topic {}: {}", topic, e.getCause().toString());
        }
        NewTopic newTopic = new NewTopic(topic, Optional.of(PARTITIONS),
                replicationFactor < 0 ? Optional.empty() : Optional.of(replicationFactor));
        try {
            await(admin.createTopics(List.of(newTopic)).all(), timeout);
            log.info("Created dead letter queue topic {} with {} partition and replication factor {}", topic, PARTITIONS,
                    replicationFactor < 0 ? "the broker default" : replicationFactor);
            return true;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TopicExistsException) {
                return false;
            }
            if (cause instanceof TopicAuthorizationException || cause instanceof ClusterAuthorizationException
                    || cause instanceof UnsupportedVersionException) {
                log.warn("Not allowed or not able to create the dead letter queue topic {}: {}; going on in case it"
                        + " exists", topic, cause.getMessage());
                return false;
            }
            throw new ConnectException("Could not create the dead letter queue topic '" + topic + "' ("
                    + SinkConnectorConfig.DLQ_TOPIC_NAME_CONFIG + ") with replication factor " + replicationFactor + ": "
                    + cause.getMessage() + ". Set " + SinkConnectorConfig.DLQ_TOPIC_REPLICATION_FACTOR_CONFIG
                    + " to at most the number of brokers, or create the topic yourself", cause);
        }
    }

    private static <T> T await(KafkaFuture<T> future, Duration timeout) throws ExecutionException {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ExecutionException(new org.apache.kafka.common.errors.TimeoutException(
                    "no answer from the cluster within " + timeout.toMillis() + " ms"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while creating the dead letter queue topic", e);
        }
    }
}
