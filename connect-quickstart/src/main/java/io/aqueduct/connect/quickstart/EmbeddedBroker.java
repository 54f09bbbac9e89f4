package io.aqueduct.connect.quickstart;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Kafka (KRaft, broker and controller in one) built from Kafka's own server classes, with its
 * data in one directory. The directory is formatted on the first start only, so topics, committed offsets and the
 * worker's internal topics survive a restart of the quickstart.
 */
final class EmbeddedBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;
    private boolean formattedNow;

    EmbeddedBroker(Path dataDir, int port, int controllerPort) {
        this.dataDir = dataDir.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
    }

    String bootstrapServers() {
        return "localhost:" + port;
    }

    /** True if this start formatted a fresh data directory; false if it resumed an existing one. */
    boolean formattedNow() {
        return formattedNow;
    }

    /**
     * Formats the data directory if needed, starts the broker and waits until it answers a metadata request.
     *
     * @throws QuickstartException if a port is taken, the directory belongs to another cluster, or the broker does
     *                             not become ready within {@code timeout}
     */
    void start(Duration timeout) {
        Ports.requireFree("--broker-port", port);
        Ports.requireFree("--controller-port", controllerPort);
        KafkaConfig config = new KafkaConfig(brokerConfig(), false);
        formatOnce();
        server = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException e) {
            throw new QuickstartException("The Kafka broker failed to start from " + dataDir + ": " + e
                    + ". If the directory is from another Kafka version or cluster, delete it (or pick another"
                    + " --work-dir) and run again.", e);
        }
        awaitReady(timeout);
    }

    private Properties brokerConfig() {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("listeners", "PLAINTEXT://localhost:" + port + "," + CONTROLLER_LISTENER + "://localhost:"
                + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", dataDir.toString());
        // One node: every internal topic must make do with one replica.
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        // A development broker: few partitions start fast, and consumer groups should not wait for latecomers.
        props.put("num.partitions", "1");
        props.put("offsets.topic.num.partitions", "1");
        props.put("transaction.state.log.num.partitions", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        return props;
    }

    private void formatOnce() {
        if (Files.exists(dataDir.resolve("meta.properties"))) {
            log.info("Resuming the Kafka data in {}", dataDir);
            return;
        }
        ByteArrayOutputStream formatterOutput = new ByteArrayOutputStream();
        try {
            Files.createDirectories(dataDir);
            new Formatter()
                    .setPrintStream(new PrintStream(formatterOutput, true, StandardCharsets.UTF_8))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(dataDir.toString()))
                    .setMetadataLogDirectory(dataDir.toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .run();
        } catch (Exception e) {
            throw new QuickstartException("Cannot format the Kafka data directory " + dataDir + ": " + e
                    + (formatterOutput.size() > 0 ? " (" + formatterOutput.toString(StandardCharsets.UTF_8).trim() + ")" : "")
                    + ". Check that it is writable, or pick another --work-dir.", e);
        }
        formattedNow = true;
        log.info("Formatted a new Kafka data directory in {}", dataDir);
    }

    private void awaitReady(Duration timeout) {
        Map<String, Object> adminConfig = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        try (Admin admin = Admin.create(adminConfig)) {
            while (System.nanoTime() < deadline) {
                try {
                    if (!admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    last = e;
                }
                Pause.briefly();
            }
        }
        throw new QuickstartException("The Kafka broker at " + bootstrapServers() + " did not become ready within "
                + timeout.toSeconds() + " s" + (last == null ? "" : ": " + last), last);
    }

    /** Stops the broker and waits for it; the data stay for the next run. Safe to call more than once. */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        KafkaRaftServer stopping = server;
        server = null;
        try {
            stopping.shutdown();
            stopping.awaitShutdown();
        } catch (RuntimeException e) {
            log.warn("The Kafka broker did not shut down cleanly", e);
        }
    }
}
