package io.aqueduct.connect.runtime.cli;

import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.runtime.config.StandaloneConfig;
import io.aqueduct.connect.runtime.herder.TargetState;
import io.aqueduct.connect.runtime.isolation.Plugins;
import io.aqueduct.connect.runtime.rest.RestServer;
import io.aqueduct.connect.runtime.secrets.ConfigProviders;
import io.aqueduct.connect.runtime.secrets.WorkerPropsTransformer;
import io.aqueduct.connect.runtime.standalone.StandaloneHerder;
import io.aqueduct.connect.runtime.storage.FileOffsetBackingStore;
import io.aqueduct.connect.runtime.storage.StorageException;
import io.aqueduct.connect.runtime.worker.Worker;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts a standalone worker:
 * <pre>{@code connect-standalone worker.properties [connector1.properties|connector1.json ...]}</pre>
 * Order: worker properties (config provider placeholders resolved), REST server (answers 503 until ready, except
 * {@code GET /} once the Kafka cluster id is read), plugins, offsets file, worker, herder, the connectors of the files (one that is invalid is logged with its key
 * and reason; the others run), then REST serves. SIGTERM/SIGINT stop tasks (committing offsets), the herder, the
 * offset store and the REST server, and the process exits 0. A start-up failure exits 1 with one clear message.
 */
public final class ConnectStandalone {

    private static final Logger log = LoggerFactory.getLogger(ConnectStandalone.class);
    /** How long creating one connector from a file may take before start-up goes on without it. */
    private static final long CREATE_TIMEOUT_MS = 120_000;

    private ConnectStandalone() {
    }

    /** A start-up failure whose message says it all; no stack trace is needed. */
    static final class StartupException extends RuntimeException {
        StartupException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static void main(String[] args) {
        if (args.length < 1 || args[0].equals("--help") || args[0].equals("-h")) {
            System.err.println("usage: connect-standalone worker.properties [connector1.properties|connector1.json ...]");
            System.exit(2);
        }
        long begin = System.nanoTime();
        Connect connect = new Connect();
        ShutdownHook hook = new ShutdownHook(connect);
        Runtime.getRuntime().addShutdownHook(new Thread(hook, "aqueduct-shutdown"));
        try {
            List<String> created = start(connect, Path.of(args[0]), connectorFiles(args));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
            log.info("Aqueduct standalone worker ready in {} ms: REST API at {}, connectors {}", millis,
                    connect.rest().advertisedUrl(), created);
            NativeHeapTrim.startPeriodic();
        } catch (StartupException e) {
            fail(connect, hook, e.getMessage(), null);
        } catch (RuntimeException | Error e) {
            fail(connect, hook, "Aqueduct standalone worker failed to start: " + e, e);
        }
        try {
            connect.awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<Path> connectorFiles(String[] args) {
        List<Path> files = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            files.add(Path.of(args[i]));
        }
        return files;
    }

    private static void fail(Connect connect, ShutdownHook hook, String message, Throwable trace) {
        if (trace == null) {
            log.error(message);
        } else {
            log.error(message, trace);
        }
        System.err.println("ERROR " + message);
        hook.exitingWith(1);
        connect.stop();
        System.exit(1);
    }

    /**
     * Starts every part and creates the connectors of the files.
     *
     * @return the names of the connectors created
     */
    static List<String> start(Connect connect, Path workerFile, List<Path> connectorFiles) {
        StandaloneConfig config = workerConfig(workerFile);

        RestServer rest = new RestServer(config.restServerConfig());
        startup(rest::bind, "Cannot start the REST server");
        connect.rest(rest);
        connect.onStop("REST server", rest::stop);
        ClusterIdLookup.inBackground(config, "connect-standalone-cluster-id", rest);
        // Starting the REST application takes about as long as everything below; the ports are bound already,
        // so the advertised URL is known and early requests wait until it serves.
        CompletableFuture<Void> restStarted = RestStart.inBackground(rest);

        Plugins plugins = startup(() -> Plugins.discover(config), "Cannot load the plugins");
        connect.onStop("plugins", plugins::close);

        FileOffsetBackingStore offsetStore = new FileOffsetBackingStore(config.offsetsFile());
        startup(offsetStore::start, "Cannot load the source offsets (" + StandaloneConfig.OFFSET_STORAGE_FILE_FILENAME_CONFIG
                + "=" + config.offsetsFile() + ")");
        connect.onStop("offset store", offsetStore::stop);

        URI advertised = rest.advertisedUrl();
        Worker worker = new Worker(advertised.getHost() + ":" + advertised.getPort(), config, plugins, offsetStore);
        ConfigProviders providers = startup(() -> ConfigProviders.create(config, plugins),
                "Cannot set up the config providers");
        StandaloneHerder herder = new StandaloneHerder(worker, offsetStore, providers);
        startup(herder::start, "Cannot start the standalone herder");
        connect.herder(herder);
        connect.onStop("herder and its connectors", herder::stop);

        List<String> created = new ArrayList<>();
        for (Path file : connectorFiles) {
            createConnector(herder, file).ifPresent(created::add);
        }
        startup(() -> RestStart.await(restStarted), "Cannot start the REST server");
        rest.attachHerder(herder);
        return created;
    }

    private static java.util.Optional<String> createConnector(StandaloneHerder herder, Path file) {
        ConnectorFiles.ConnectorRequest request;
        try {
            request = ConnectorFiles.read(file);
        } catch (IllegalArgumentException e) {
            log.error("Skipping connector file {}: {}", file, e.getMessage());
            return java.util.Optional.empty();
        }
        TargetState initial = request.initialState() == null ? null : request.initialState().toTargetState();
        try {
            herder.putConnectorConfig(request.name(), request.config(), initial, false)
                    .get(CREATE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            log.info("Created connector {} from {}", request.name(), file);
            return java.util.Optional.of(request.name());
        } catch (ExecutionException e) {
            log.error("Connector {} from {} was not created: {}", request.name(), file, e.getCause().getMessage());
        } catch (TimeoutException e) {
            log.error("Connector {} from {} was not created within {} ms; its validation may hang", request.name(),
                    file, CREATE_TIMEOUT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("Interrupted while creating connector " + request.name(), e);
        }
        return java.util.Optional.empty();
    }

    private static StandaloneConfig workerConfig(Path workerFile) {
        Map<String, String> props;
        try {
            props = ConnectorFiles.properties(workerFile);
        } catch (IOException e) {
            throw new StartupException("Cannot read the worker properties file " + workerFile + ": " + e, e);
        }
        Map<String, String> resolved = startup(() -> WorkerPropsTransformer.transform(props),
                "Invalid worker configuration in " + workerFile);
        return startup(() -> new StandaloneConfig(resolved), "Invalid worker configuration in " + workerFile);
    }

    private interface Step<T> {
        T run();
    }

    private static <T> T startup(Step<T> step, String failure) {
        try {
            return step.run();
        } catch (ConnectException | ConfigException | StorageException e) {
            throw new StartupException(failure + ": " + e.getMessage(), e);
        }
    }

    private static void startup(Runnable step, String failure) {
        startup(() -> {
            step.run();
            return null;
        }, failure);
    }

    /**
     * Stops the worker on SIGTERM/SIGINT and ends the process with 0 (the JVM would otherwise report the signal in
     * its exit code); when start-up failed, leaves the exit code of {@link System#exit} alone.
     */
    private static final class ShutdownHook implements Runnable {
        private final Connect connect;
        private volatile Integer exitCode;

        ShutdownHook(Connect connect) {
            this.connect = connect;
        }

        void exitingWith(int code) {
            exitCode = code;
        }

        @Override
        public void run() {
            if (exitCode != null) {
                return;
            }
            log.info("Shutdown requested");
            connect.stop();
            Runtime.getRuntime().halt(0);
        }
    }
}
