package io.aqueduct.connect.test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One in-JVM KRaft cluster built with Kafka's {@link KafkaClusterTestKit}: a single combined node, or N brokers
 * plus one isolated controller. All use of the (internal, unstable) test kit API is kept in this class.
 */
final class EmbeddedKafka {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);
    static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    static final Duration CLOSE_TIMEOUT = Duration.ofMinutes(1);

    private final KafkaClusterTestKit kit;
    private final int brokers;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedKafka(KafkaClusterTestKit kit, int brokers) {
        this.kit = kit;
        this.brokers = brokers;
    }

    /**
     * Formats and starts a cluster under a fresh directory inside {@code baseDirectory} and waits until all
     * brokers are ready.
     */
    static EmbeddedKafka start(int brokers, Map<String, String> extraBrokerConfig, Path baseDirectory) {
        if (brokers < 1) {
            throw new IllegalArgumentException("brokers must be at least 1, was " + brokers);
        }
        long startNanos = System.nanoTime();
        KafkaClusterTestKit kit;
        try {
            Files.createDirectories(baseDirectory);
            TestKitNodes nodes = new TestKitNodes.Builder()
                    // Combined mode only with a single node: multi-node combined clusters lose their quorum.
                    .setCombined(brokers == 1)
                    .setNumBrokerNodes(brokers)
                    .setNumControllerNodes(1)
                    .setBaseDirectory(Files.createTempDirectory(baseDirectory, "cluster-"))
                    .build();
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
            brokerConfig(brokers, extraBrokerConfig).forEach(builder::setConfigProp);
            kit = builder.build();
        } catch (Exception e) {
            throw new IllegalStateException("Could not build an embedded Kafka cluster under " + baseDirectory, e);
        }
        EmbeddedKafka cluster = new EmbeddedKafka(kit, brokers);
        try {
            runWithTimeout("start", START_TIMEOUT, () -> {
                kit.format();
                kit.startup();
                kit.waitForReadyBrokers();
                return null;
            });
        } catch (RuntimeException | Error e) {
            try {
                cluster.close();
            } catch (RuntimeException | Error closeFailure) {
                e.addSuppressed(closeFailure);
            }
            throw e;
        }
        log.info("Embedded Kafka cluster with {} broker(s) ready at {} after {} ms", brokers, kit.bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
        return cluster;
    }

    /** The settings a cluster this small needs, plus speed-ups, overridden by {@code extra}. */
    static Map<String, String> brokerConfig(int brokers, Map<String, String> extra) {
        Map<String, String> config = new LinkedHashMap<>();
        String replication = Integer.toString(Math.min(brokers, 3));
        String minIsr = brokers < 3 ? "1" : "2";
        config.put("offsets.topic.replication.factor", replication);
        config.put("offsets.topic.num.partitions", "1");
        config.put("transaction.state.log.replication.factor", replication);
        config.put("transaction.state.log.min.isr", minIsr);
        config.put("transaction.state.log.num.partitions", "1");
        config.put("share.coordinator.state.topic.replication.factor", replication);
        config.put("share.coordinator.state.topic.min.isr", minIsr);
        config.put("group.initial.rebalance.delay.ms", "0");
        config.putAll(extra);
        return config;
    }

    String bootstrapServers() {
        return kit.bootstrapServers();
    }

    int brokers() {
        return brokers;
    }

    /** True once every broker's metadata cache holds all {@code partitions} partitions of {@code topic}. */
    boolean allBrokersKnow(String topic, int partitions) {
        return kit.brokers().values().stream()
                .allMatch(broker -> broker.metadataCache().numPartitions(topic).orElse(0) >= partitions);
    }

    /** The first fatal fault a node reported, or null. */
    Throwable fatalFault() {
        return kit.fatalFaultHandler().firstException();
    }

    /**
     * Shuts the cluster down and deletes its data. Only the first call does anything: the test kit's own
     * close is not idempotent.
     *
     * @throws AssertionError if the shutdown hangs (typically after the quorum was lost)
     */
    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long startNanos = System.nanoTime();
        runWithTimeout("close", CLOSE_TIMEOUT, () -> {
            kit.close();
            return null;
        });
        log.info("Embedded Kafka cluster closed in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
    }

    private interface Step {
        Void run() throws Exception;
    }

    /**
     * Runs a test kit step on a daemon thread so that a hanging broker fails the test class instead of the
     * whole build.
     */
    private static void runWithTimeout(String what, Duration timeout, Step step) {
        FutureTask<Void> task = new FutureTask<>(step::run);
        Thread thread = new Thread(task, "embedded-kafka-" + what);
        thread.setDaemon(true);
        thread.start();
        try {
            task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            thread.interrupt();
            throw new AssertionError("Embedded Kafka cluster did not " + what + " within " + timeout.toSeconds()
                    + " s; the cluster is abandoned (its threads may linger until the JVM exits)");
        } catch (ExecutionException e) {
            throw new IllegalStateException("Embedded Kafka cluster failed to " + what + ": " + e.getCause(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the embedded Kafka cluster to " + what, e);
        }
    }

    static Path defaultBaseDirectory() {
        // Surefire and failsafe set basedir to the module being tested; fall back to the working directory.
        String moduleDir = System.getProperty("basedir", System.getProperty("user.dir"));
        return Path.of(moduleDir, "target", "kafka-it");
    }
}
