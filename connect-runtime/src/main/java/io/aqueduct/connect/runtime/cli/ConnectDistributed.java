package io.aqueduct.connect.runtime.cli;

import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.runtime.config.DistributedConfig;
import io.aqueduct.connect.runtime.distributed.DistributedHerder;
import io.aqueduct.connect.runtime.distributed.DistributedStores;
import io.aqueduct.connect.runtime.herder.BackgroundStart;
import io.aqueduct.connect.runtime.isolation.Plugins;
import io.aqueduct.connect.runtime.rest.RestServer;
import io.aqueduct.connect.runtime.secrets.ConfigProviders;
import io.aqueduct.connect.runtime.secrets.WorkerPropsTransformer;
import io.aqueduct.connect.runtime.storage.KafkaOffsetBackingStore;
import io.aqueduct.connect.runtime.storage.StorageException;
import io.aqueduct.connect.runtime.worker.Worker;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Starts a distributed worker: <pre>{@code connect-distributed worker.properties}</pre>
 * Workers with the same {@code group.id} form one cluster. Order: worker properties (config provider placeholders
 * resolved), REST server (answers 503 until ready, except {@code GET /} once the Kafka cluster id is read, as the
 * reference does), plugins, offsets store, worker, herder (config and status topics, then the worker group); the
 * rest of the REST API serves once the first assignment is applied. The worker id is the
 * advertised REST {@code host:port}. SIGTERM/SIGINT stop the work (offsets committed), leave the group and exit 0.
 * A start-up failure exits 1 with one clear message.
 */
public final class ConnectDistributed {

    private static final Logger log = LoggerFactory.getLogger(ConnectDistributed.class);

    private ConnectDistributed() {
    }

    public static void main(String[] args) {
        if (args.length != 1 || args[0].equals("--help") || args[0].equals("-h")) {
            System.err.println("usage: connect-distributed worker.properties");
            System.exit(2);
        }
        long begin = System.nanoTime();
        Connect connect = new Connect();
        Thread hook = new Thread(() -> {
            log.info("Shutdown requested");
            connect.stop();
            Runtime.getRuntime().halt(0);
        }, "aqueduct-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            DistributedHerder herder = start(connect, Path.of(args[0]));
            log.info("Aqueduct distributed worker started in {} ms: REST API at {}; joining the worker group",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin), connect.rest().advertisedUrl());
            awaitReady(herder, begin);
        } catch (ConnectStandalone.StartupException e) {
            fail(connect, hook, e.getMessage(), null);
        } catch (RuntimeException | Error e) {
            fail(connect, hook, "Aqueduct distributed worker failed to start: " + e, e);
        }
        try {
            connect.awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitReady(DistributedHerder herder, long begin) {
        Thread waiter = new Thread(() -> {
            while (!herder.isReady()) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
            log.info("Aqueduct distributed worker ready in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
            NativeHeapTrim.startPeriodic();
        }, "aqueduct-ready-log");
        waiter.setDaemon(true);
        waiter.start();
    }

    private static void fail(Connect connect, Thread hook, String message, Throwable trace) {
        if (trace == null) {
            log.error(message);
        } else {
            log.error(message, trace);
        }
        System.err.println("ERROR " + message);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ignored) {
            // already shutting down
        }
        connect.stop();
        System.exit(1);
    }

    /** Starts every part; the herder joins the group in the background. */
    static DistributedHerder start(Connect connect, Path workerFile) {
        DistributedConfig config = workerConfig(workerFile);

        RestServer rest = new RestServer(config.restServerConfig());
        step(() -> {
            rest.bind();
            return null;
        }, "Cannot start the REST server");
        connect.rest(rest);
        connect.onStop("REST server", rest::stop);
        ClusterIdLookup.inBackground(config, config.groupId() + "-cluster-id", rest);
        // The REST application starts meanwhile: the ports are bound, so the advertised URL is known already.
        CompletableFuture<Void> restStarted = RestStart.inBackground(rest);

        // Reading the offsets topic (a cold Admin call, then every partition) overlaps the plugin scan.
        KafkaOffsetBackingStore offsetStore = DistributedStores.offsetStore(config);
        CompletableFuture<Void> offsetsRead = BackgroundStart.run("offset-store-start", offsetStore::start);
        connect.onStop("offset store", offsetStore::stop);

        Plugins plugins = step(() -> Plugins.discover(config), "Cannot load the plugins");
        connect.onStop("plugins", plugins::close);
        step(() -> {
            BackgroundStart.await(offsetsRead, "read the offsets topic");
            return null;
        }, "Cannot use the offsets topic (" + DistributedConfig.OFFSET_STORAGE_TOPIC_CONFIG + "=" + config.offsetTopic() + ")");

        URI advertised = rest.advertisedUrl();
        Worker worker = new Worker(advertised.getHost() + ":" + advertised.getPort(), config, plugins, offsetStore);
        ConfigProviders providers = step(() -> ConfigProviders.create(config, plugins), "Cannot set up the config providers");
        DistributedHerder herder = new DistributedHerder(config, worker, advertised.toString(),
                DistributedStores.configStore(config), DistributedStores.statusStore(config), offsetStore, providers);
        step(() -> {
            herder.start();
            return null;
        }, "Cannot start the distributed herder (config topic " + config.configTopic() + ", status topic "
                + config.statusTopic() + ")");
        connect.herder(herder);
        connect.onStop("herder, its connectors and its group membership", herder::stop);
        step(() -> {
            RestStart.await(restStarted);
            return null;
        }, "Cannot start the REST server");
        rest.attachHerder(herder);
        return herder;
    }

    private static DistributedConfig workerConfig(Path workerFile) {
        Map<String, String> props;
        try {
            props = ConnectorFiles.properties(workerFile);
        } catch (IOException e) {
            throw new ConnectStandalone.StartupException("Cannot read the worker properties file " + workerFile + ": " + e, e);
        }
        Map<String, String> resolved = step(() -> WorkerPropsTransformer.transform(props),
                "Invalid worker configuration in " + workerFile);
        return step(() -> new DistributedConfig(resolved), "Invalid worker configuration in " + workerFile);
    }

    private static <T> T step(Supplier<T> step, String failure) {
        try {
            return step.get();
        } catch (ConnectException | ConfigException | StorageException e) {
            throw new ConnectStandalone.StartupException(failure + ": " + e.getMessage(), e);
        }
    }
}
