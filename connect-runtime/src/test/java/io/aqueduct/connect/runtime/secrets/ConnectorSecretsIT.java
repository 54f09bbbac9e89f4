package io.aqueduct.connect.runtime.secrets;

import io.aqueduct.connect.test.Await;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.aqueduct.connect.runtime.config.StandaloneConfig;
import io.aqueduct.connect.runtime.config.WorkerConfig.PluginDiscovery;
import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import io.aqueduct.connect.runtime.herder.TargetState;
import io.aqueduct.connect.runtime.isolation.PluginKind;
import io.aqueduct.connect.runtime.isolation.Plugins;
import io.aqueduct.connect.runtime.status.AbstractStatus.State;
import io.aqueduct.connect.runtime.status.MemoryStatusBackingStore;
import io.aqueduct.connect.runtime.status.StatusStoreListener;
import io.aqueduct.connect.runtime.storage.MemoryOffsetBackingStore;
import io.aqueduct.connect.runtime.worker.Worker;
import io.aqueduct.connect.test.KafkaCluster;
import io.aqueduct.connect.test.KafkaIT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A connector configuration with a {@code ${file:...}} placeholder, resolved by the
 * {@link WorkerConfigTransformer} right before the Worker starts the connector and its task (as a herder
 * does): the plugins get the secret, the stored configuration keeps the placeholder, and nothing the
 * worker logs carries the secret.
 */
@KafkaIT
class ConnectorSecretsIT {

    private KafkaCluster cluster;
    @TempDir
    Path dir;

    @Test
    void theTaskGetsTheSecretWhileTheStoredConfigAndTheLogsKeepThePlaceholder() throws Exception {
        String secret = "s3cr3t-" + UUID.randomUUID();
        Path secrets = Files.writeString(dir.resolve("db.properties"), "password=" + secret + "\n");
        String placeholder = "${file:" + secrets + ":password}";
        String name = cluster.uniqueName("echo");
        Map<String, String> workerProps = new HashMap<>();
        workerProps.put("bootstrap.servers", cluster.bootstrapServers());
        workerProps.put("offset.storage.file.filename", dir.resolve("offsets").toString());
        workerProps.put("key.converter", "io.aqueduct.connect.storage.StringConverter");
        workerProps.put("value.converter", "io.aqueduct.connect.storage.StringConverter");
        workerProps.put("config.providers", "file");
        workerProps.put("config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider");
        StandaloneConfig config = new StandaloneConfig(workerProps);
        Plugins plugins = Plugins.discover(List.of(), PluginDiscovery.SERVICE_LOAD, PluginKind.STANDARD);
        Map<String, String> stored = new HashMap<>();
        stored.put("name", name);
        stored.put("connector.class", EchoSourceConnector.class.getName());
        stored.put("tasks.max", "1");
        stored.put("db.password", placeholder);
        Map<String, String> storedBefore = Map.copyOf(stored);

        MemoryStatusBackingStore statuses = new MemoryStatusBackingStore();
        MemoryOffsetBackingStore offsets = new MemoryOffsetBackingStore();
        offsets.start();
        Worker worker = new Worker("localhost:8083", config, plugins, offsets);
        try (WorkerConfigTransformer transformer = new WorkerConfigTransformer(ConfigProviders.create(config, plugins),
                restart -> { });
             CapturedLogs logs = new CapturedLogs()) {
            StatusStoreListener listener = new StatusStoreListener(statuses, worker.workerId(), () -> 0,
                    worker::connectorVersion, worker::taskVersion);
            worker.startConnector(name, transformer.transform(name, stored), listener, TargetState.STARTED, null)
                    .get(30, TimeUnit.SECONDS);
            Map<String, String> taskConfig = worker.connectorTaskConfigs(name).get(0);
            ConnectorTaskId id = new ConnectorTaskId(name, 0);
            worker.startTask(id, transformer.transform(name, stored), transformer.transform(name, taskConfig), listener,
                    TargetState.STARTED);
            Await.until("the task runs", Duration.ofSeconds(60),
                    () -> statuses.get(id) != null && statuses.get(id).state() == State.RUNNING);
            worker.stop();

            assertEquals(secret, EchoSourceConnector.CONNECTOR_PROPS.get(name).get("db.password"));
            assertEquals(secret, EchoSourceConnector.TASK_PROPS.get(name).get("db.password"));
            assertEquals(storedBefore, stored, "the stored configuration is not changed");
            List<String> lines = logs.lines();
            assertTrue(lines.stream().anyMatch(line -> line.contains(name)), "the worker logged about the connector");
            List<String> leaks = lines.stream().filter(line -> line.contains(secret)).toList();
            assertEquals(List.of(), leaks, "no log line carries the secret");
        } finally {
            worker.stop();
            offsets.stop();
            plugins.close();
        }
    }

    /** Every event of every logger while open, the Aqueduct loggers widened to DEBUG. */
    private static final class CapturedLogs implements AutoCloseable {
        private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
        private final Logger root;
        private final Logger aqueduct;
        private final Level previous;

        CapturedLogs() {
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            aqueduct = context.getLogger("io.aqueduct");
            previous = aqueduct.getLevel();
            aqueduct.setLevel(Level.DEBUG);
            appender.setContext(context);
            appender.start();
            root.addAppender(appender);
        }

        List<String> lines() {
            synchronized (appender) { // AppenderBase appends under this lock
                return appender.list.stream().map(event -> event.getFormattedMessage()
                        + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy())))
                        .toList();
            }
        }

        @Override
        public void close() {
            root.detachAppender(appender);
            appender.stop();
            aqueduct.setLevel(previous);
        }
    }
}
