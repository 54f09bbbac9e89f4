package io.aqueduct.connect.runtime.storage;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the worker's internal topics at start-up and checks that existing ones are compacted.
 *
 * <p>Several workers may start at the same time: whoever loses the race to create a topic sees
 * {@link TopicExistsException}, which is fine. Thread-safe; calls block for at most the configured timeout.
 */
public final class TopicAdmin implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TopicAdmin.class);
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final Admin admin;
    private final boolean ownsAdmin;
    private final Duration timeout;

    /** Uses an admin client built from {@code adminConfigs} and closed by {@link #close()}. */
    public TopicAdmin(Map<String, Object> adminConfigs) {
        this(Admin.create(adminConfigs), true, DEFAULT_TIMEOUT);
    }

    /** Uses {@code admin}, which stays open after {@link #close()}. */
    public TopicAdmin(Admin admin) {
        this(admin, false, DEFAULT_TIMEOUT);
    }

    TopicAdmin(Admin admin, boolean ownsAdmin, Duration timeout) {
        this.admin = admin;
        this.ownsAdmin = ownsAdmin;
        this.timeout = timeout;
    }

    /**
     * Makes sure {@code topic} exists with {@code cleanup.policy=compact}: creates it if missing, otherwise
     * verifies its cleanup policy.
     *
     * @param partitions        partitions for a new topic; -1 for the broker's {@code num.partitions}
     * @param replicationFactor replicas for a new topic; -1 for the broker's {@code default.replication.factor}
     * @param setting           the worker setting that named the topic (e.g. {@code offset.storage.topic}), quoted
     *                          in error messages so the user knows what to change
     * @return true if this call created the topic
     * @throws ConfigException if the existing topic is not compacted
     * @throws KafkaException  if the topic cannot be created or described
     */
    public boolean ensureCompactedTopic(String topic, int partitions, short replicationFactor, String setting) {
        boolean created = create(topic, partitions, replicationFactor, setting);
        verifyCompacted(topic, setting);
        return created;
    }

    private boolean create(String topic, int partitions, short replicationFactor, String setting) {
        NewTopic newTopic = new NewTopic(topic,
                partitions < 0 ? Optional.empty() : Optional.of(partitions),
                replicationFactor < 0 ? Optional.empty() : Optional.of(replicationFactor))
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try {
            await(admin.createTopics(List.of(newTopic)).all());
            log.info("Created topic {} ({}) with {} partitions and replication factor {}", topic, setting,
                    describe(partitions), describe(replicationFactor));
            return true;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TopicExistsException) {
                log.debug("Topic {} ({}) already exists", topic, setting);
                return false;
            }
            if (cause instanceof UnsupportedVersionException || cause instanceof ClusterAuthorizationException
                    || cause instanceof TopicAuthorizationException) {
                log.warn("Not allowed or not able to create topic {} ({}): {}; going on in case it exists",
                        topic, setting, cause.getMessage());
                return false;
            }
            throw new KafkaException("Could not create topic '" + topic + "' (" + setting + ") with "
                    + describe(partitions) + " partitions and replication factor " + describe(replicationFactor)
                    + ": " + cause.getMessage() + ". Check that the replication factor does not exceed the number "
                    + "of brokers, or create the topic yourself with cleanup.policy=compact", cause);
        }
    }

    private void verifyCompacted(String topic, String setting) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        long deadline = System.nanoTime() + timeout.toNanos();
        Config config;
        while (true) {
            try {
                config = await(admin.describeConfigs(Set.of(resource)).all()).get(resource);
                break;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof UnknownTopicOrPartitionException && System.nanoTime() < deadline) {
                    // Just created; the broker we asked may not have the metadata yet.
                    pause();
                    continue;
                }
                if (cause instanceof TopicAuthorizationException || cause instanceof ClusterAuthorizationException
                        || cause instanceof UnsupportedVersionException) {
                    log.warn("Cannot check the cleanup policy of topic {} ({}): {}. It must be "
                            + "cleanup.policy=compact or stored state will be lost", topic, setting, cause.getMessage());
                    return;
                }
                throw new KafkaException("Could not describe the configuration of topic '" + topic + "' ("
                        + setting + "): " + cause.getMessage(), cause);
            }
        }
        ConfigEntry entry = config == null ? null : config.get(TopicConfig.CLEANUP_POLICY_CONFIG);
        String policy = entry == null || entry.value() == null ? "" : entry.value();
        Set<String> policies = new TreeSet<>();
        Arrays.stream(policy.split(",")).map(String::trim).filter(p -> !p.isEmpty()).forEach(policies::add);
        if (!policies.equals(Set.of(TopicConfig.CLEANUP_POLICY_COMPACT))) {
            throw new ConfigException("Topic '" + topic + "' (" + setting + ") has cleanup.policy=" + policy
                    + ", but the worker keeps its state in this topic and needs cleanup.policy=compact only; with "
                    + "'delete' the broker would drop that state once retention passes. Fix: set "
                    + "cleanup.policy=compact on the topic (kafka-configs.sh --bootstrap-server <broker> --alter "
                    + "--entity-type topics --entity-name " + topic + " --add-config cleanup.policy=compact), or set "
                    + setting + " to another topic name so the worker creates a compacted one.");
        }
    }

    private <T> T await(KafkaFuture<T> future) throws ExecutionException {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ExecutionException(new org.apache.kafka.common.errors.TimeoutException(
                    "no answer from the cluster within " + timeout.toSeconds() + " s"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while talking to the cluster", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while waiting for topic metadata", e);
        }
    }

    private static String describe(int value) {
        return value < 0 ? "the broker default" : Integer.toString(value);
    }

    @Override
    public void close() {
        if (ownsAdmin) {
            admin.close(Duration.ofSeconds(10));
        }
    }
}
