package io.aqueduct.connect.runtime.standalone;

import io.aqueduct.connect.test.Await;
import io.aqueduct.connect.runtime.config.StandaloneConfig;
import io.aqueduct.connect.runtime.herder.Created;
import io.aqueduct.connect.runtime.isolation.Plugins;
import io.aqueduct.connect.runtime.rest.RestServer;
import io.aqueduct.connect.runtime.rest.entities.ConnectorInfo;
import io.aqueduct.connect.runtime.secrets.ConfigProviders;
import io.aqueduct.connect.runtime.storage.FileOffsetBackingStore;
import io.aqueduct.connect.runtime.worker.Worker;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A standalone worker assembled in the test JVM as {@code ConnectStandalone} assembles it: REST server first, then
 * plugins, offsets file, worker and herder; {@link #attach()} makes REST serve. For the ITs of the herder and REST.
 */
public final class StandaloneWorker implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(30);

    public final RestServer rest;
    public final Plugins plugins;
    public final FileOffsetBackingStore offsetStore;
    public final Worker worker;
    public final StandaloneHerder herder;

    private StandaloneWorker(RestServer rest, Plugins plugins, FileOffsetBackingStore offsetStore, Worker worker,
                             StandaloneHerder herder) {
        this.rest = rest;
        this.plugins = plugins;
        this.offsetStore = offsetStore;
        this.worker = worker;
        this.herder = herder;
    }

    /** The worker properties the tests use; {@code overrides} win. */
    public static Map<String, String> props(String bootstrapServers, Path offsetsFile, Map<String, String> overrides) {
        Map<String, String> props = new HashMap<>();
        props.put("bootstrap.servers", bootstrapServers);
        props.put(StandaloneConfig.OFFSET_STORAGE_FILE_FILENAME_CONFIG, offsetsFile.toString());
        props.put("offset.flush.interval.ms", "500");
        props.put("listeners", "http://127.0.0.1:0");
        props.put("task.shutdown.graceful.timeout.ms", "5000");
        props.put("plugin.discovery", "hybrid_warn");
        props.putAll(overrides);
        return props;
    }

    /** Starts REST, plugins, offsets, worker and herder; REST answers 503 until {@link #attach()}. */
    public static StandaloneWorker start(Map<String, String> props) {
        StandaloneConfig config = new StandaloneConfig(props);
        RestServer rest = new RestServer(config.restServerConfig());
        rest.start();
        Plugins plugins = Plugins.discover(config);
        FileOffsetBackingStore offsetStore = new FileOffsetBackingStore(config.offsetsFile());
        offsetStore.start();
        URI url = rest.advertisedUrl();
        Worker worker = new Worker(url.getHost() + ":" + url.getPort(), config, plugins, offsetStore);
        StandaloneHerder herder = new StandaloneHerder(worker, offsetStore, ConfigProviders.create(config, plugins));
        herder.start();
        return new StandaloneWorker(rest, plugins, offsetStore, worker, herder);
    }

    public StandaloneWorker attach() {
        rest.attachHerder(herder);
        return this;
    }

    public URI url() {
        return rest.serverUris().get(0);
    }

    /** Creates (or replaces) a connector and waits for the answer. */
    public ConnectorInfo put(String name, Map<String, String> config) throws Exception {
        Map<String, String> withName = new HashMap<>(config);
        withName.put("name", name);
        Created<ConnectorInfo> created = herder.putConnectorConfig(name, withName, null, true)
                .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        return created.result();
    }

    @Override
    public void close() {
        herder.stop();
        offsetStore.stop();
        rest.stop();
        plugins.close();
    }

    /** Polls until {@code condition} holds, failing with {@code what} after {@link #WAIT}. */
    public static void await(BooleanSupplier condition, String what) {
        Await.until(what, WAIT, condition::getAsBoolean);
    }
}
