package io.aqueduct.connect.runtime.worker;

import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.runtime.config.TopicCreationGroups;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates the topics a source task writes to, once per topic and task, before the first record goes to
 * it, as the connector's {@code topic.creation.*} groups say. Task thread only.
 */
final class TopicCreation implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TopicCreation.class);
    private static final long CREATE_TIMEOUT_MS = 60_000;

    private final TopicCreationGroups groups;
    private final Map<String, Object> adminConfigs;
    private final Set<String> known = new HashSet<>();
    private Admin admin;
    private String lastTopic;

    TopicCreation(TopicCreationGroups groups, Map<String, Object> adminConfigs) {
        this.groups = groups;
        this.adminConfigs = adminConfigs;
    }

    void ensureTopic(String topic) {
        if (topic.equals(lastTopic)) {
            return;
        }
        if (known.add(topic)) {
            create(topic);
        }
        lastTopic = topic;
    }

    private void create(String topic) {
        NewTopic newTopic = groups.newTopic(topic);
        if (admin == null) {
            admin = Admin.create(adminConfigs);
        }
        try {
            admin.createTopics(List.of(newTopic)).all().get(CREATE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            log.info("Created topic {} ({} partitions, replication factor {}, configs {})", topic,
                    newTopic.numPartitions() < 0 ? "default" : newTopic.numPartitions(),
                    newTopic.replicationFactor() < 0 ? "default" : newTopic.replicationFactor(), newTopic.configs());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                known.remove(topic);
                throw new ConnectException("Could not create topic " + topic + ": " + e.getCause(), e.getCause());
            }
        } catch (InterruptedException e) {
            known.remove(topic);
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while creating topic " + topic, e);
        } catch (TimeoutException e) {
            known.remove(topic);
            throw new ConnectException("Topic " + topic + " was not created within " + CREATE_TIMEOUT_MS + " ms", e);
        }
    }

    @Override
    public void close() {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(5));
        }
    }
}
