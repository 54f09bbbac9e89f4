package io.aqueduct.connect.runtime.standalone;

import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.errors.NotFoundException;
import io.aqueduct.connect.runtime.config.WorkerConfig;
import io.aqueduct.connect.runtime.herder.AbstractHerder;
import io.aqueduct.connect.runtime.herder.ConfigValidation;
import io.aqueduct.connect.runtime.herder.ConnectorOffsetsManager;
import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import io.aqueduct.connect.runtime.herder.ConnectorTypes;
import io.aqueduct.connect.runtime.herder.ConnectorValidator;
import io.aqueduct.connect.runtime.herder.Created;
import io.aqueduct.connect.runtime.herder.HerderErrors;
import io.aqueduct.connect.runtime.herder.PluginCatalog;
import io.aqueduct.connect.runtime.herder.RestartPlan;
import io.aqueduct.connect.runtime.herder.RestartRequest;
import io.aqueduct.connect.runtime.herder.TargetState;
import io.aqueduct.connect.runtime.herder.WorkerDriver;
import io.aqueduct.connect.runtime.rest.Loggers;
import io.aqueduct.connect.runtime.rest.entities.ConnectorInfo;
import io.aqueduct.connect.runtime.rest.entities.ConnectorOffsets;
import io.aqueduct.connect.runtime.rest.entities.ConnectorStateInfo;
import io.aqueduct.connect.runtime.rest.entities.Message;
import io.aqueduct.connect.runtime.secrets.ConfigProviders;
import io.aqueduct.connect.runtime.secrets.WorkerConfigTransformer;
import io.aqueduct.connect.runtime.status.AbstractStatus.State;
import io.aqueduct.connect.runtime.status.ConnectorStatus;
import io.aqueduct.connect.runtime.status.MemoryStatusBackingStore;
import io.aqueduct.connect.runtime.status.StatusStoreListener;
import io.aqueduct.connect.runtime.status.TaskStatus;
import io.aqueduct.connect.runtime.storage.ClusterConfigState;
import io.aqueduct.connect.runtime.storage.MemoryConfigBackingStore;
import io.aqueduct.connect.runtime.storage.OffsetBackingStore;
import io.aqueduct.connect.runtime.worker.Worker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The herder of a standalone worker: one process, connector configs and statuses in memory, source offsets in
 * the worker's offset store (a local file).
 *
 * <p><b>Threads.</b> Every change of state (configs, target states, which connectors and tasks run) happens on
 * one herder thread, in request order. REST reads are answered from the config store's snapshot and the status
 * store and never wait for it. Connector code never runs on the herder thread: validation and task config
 * generation run on a separate pool with time limits, connector starts and transitions run on the connector's
 * own thread and are not awaited, and stopping waits at most {@code task.shutdown.graceful.timeout.ms}. So a hung
 * connector cannot freeze REST or the other connectors.
 *
 * <p>Lifecycle: {@link #start()} (reads the Kafka cluster id), then requests, then {@link #stop()}, which stops
 * every task (each commits its offsets) and connector. The caller owns the Worker's offset store and plugins and
 * closes them after {@link #stop()}.
 */
public final class StandaloneHerder extends AbstractHerder {

    private static final Logger log = LoggerFactory.getLogger(StandaloneHerder.class);

    /** Bound of every Admin and offset store call the herder makes, and of {@code alterOffsets}. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final Worker worker;
    private final OffsetBackingStore offsetStore;
    private final WorkerConfigTransformer transformer;
    private final ExecutorService herderThread;
    private final ExecutorService connectorCalls;
    private final WorkerDriver driver;
    private final Loggers loggers = Loggers.forCurrentBackend();
    private volatile Admin admin;
    private volatile ConnectorOffsetsManager offsets;
    private volatile String kafkaClusterId;
    private volatile boolean ready;
    private volatile String activity;

    /**
     * @param worker      the worker to drive; stopped by {@link #stop()}
     * @param offsetStore the store the worker writes source offsets to, already started
     * @param providers   the worker's config providers; the herder owns and closes them
     */
    public StandaloneHerder(Worker worker, OffsetBackingStore offsetStore, ConfigProviders providers) {
        this(worker, offsetStore, providers, new TtlRestarts(), newPool("standalone-herder-calls"));
    }

    private StandaloneHerder(Worker worker, OffsetBackingStore offsetStore, ConfigProviders providers,
                             TtlRestarts restarts, ExecutorService connectorCalls) {
        this(worker, offsetStore, new MemoryConfigBackingStore(), new MemoryStatusBackingStore(), connectorCalls,
                new WorkerConfigTransformer(providers, restarts), restarts);
    }

    private StandaloneHerder(Worker worker, OffsetBackingStore offsetStore, MemoryConfigBackingStore configStore,
                             MemoryStatusBackingStore statusStore, ExecutorService connectorCalls,
                             WorkerConfigTransformer transformer, TtlRestarts restarts) {
        super(configStore, statusStore, new ConnectorTypes(worker.plugins()), new PluginCatalog(worker.plugins()),
                new ConfigValidation(ConnectorValidator.forWorker(worker.plugins(), worker.config()), transformer,
                        connectorCalls, ConfigValidation.DEFAULT_TIMEOUT));
        this.worker = worker;
        this.offsetStore = offsetStore;
        this.transformer = transformer;
        this.connectorCalls = connectorCalls;
        this.herderThread = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "standalone-herder");
            thread.setDaemon(true);
            return thread;
        });
        StatusStoreListener statusListener = new StatusStoreListener(statusStore, worker.workerId(), () -> 0,
                worker::connectorVersion, worker::taskVersion);
        this.driver = new WorkerDriver(worker, configStore, statusStore, statusListener, transformer, connectorCalls,
                work -> post("handling a connector event", work));
        restarts.herder = this;
    }

    /** Reads the Kafka cluster id; the herder is ready afterwards. @throws ConnectException if Kafka is unreachable */
    public void start() {
        configStore.start();
        statusStore.start();
        Map<String, Object> adminConfigs = new HashMap<>(worker.config().adminConfigs());
        adminConfigs.put(AdminClientConfig.CLIENT_ID_CONFIG, "connect-standalone-herder-admin");
        admin = Admin.create(adminConfigs);
        try {
            kafkaClusterId = admin.describeCluster().clusterId().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            admin.close(Duration.ZERO);
            throw new ConnectException("Could not reach the Kafka cluster at " + WorkerConfig.BOOTSTRAP_SERVERS_CONFIG
                    + "=" + worker.config().getList(WorkerConfig.BOOTSTRAP_SERVERS_CONFIG) + " within "
                    + CALL_TIMEOUT.toSeconds() + " s to read its cluster id (" + e + "); check that the brokers run "
                    + "and that the worker's security settings match them", e);
        }
        offsets = new ConnectorOffsetsManager(worker.plugins(), connectorTypes, offsetStore, admin, connectorCalls,
                CALL_TIMEOUT);
        ready = true;
        log.info("Standalone herder started on worker {} (Kafka cluster {})", worker.workerId(), kafkaClusterId);
    }

    /**
     * Stops every task (committing offsets) and connector, then the herder's own threads and clients. Waits for a
     * request in progress on the herder thread at most a little longer than the graceful shutdown timeout.
     */
    public void stop() {
        ready = false;
        long graceMs = worker.config().getLong(WorkerConfig.TASK_SHUTDOWN_GRACEFUL_TIMEOUT_MS_CONFIG);
        CompletableFuture<Void> stopped = onHerderThread("stopping every connector and task", () -> {
            driver.stopAll();
            return null;
        });
        try {
            stopped.get(2 * graceMs + 10_000, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            log.warn("The herder thread did not stop the connectors in time ({}); stopping the worker directly",
                    e.toString());
            worker.stop();
        }
        herderThread.shutdownNow();
        connectorCalls.shutdownNow();
        transformer.close();
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
        statusStore.stop();
        configStore.stop();
        log.info("Standalone herder stopped");
    }

    // ---- Herder: lifecycle ----

    @Override
    public boolean isReady() {
        return ready;
    }

    @Override
    public CompletableFuture<Void> healthCheck() {
        return onHerderThread("answering a health check", () -> null);
    }

    @Override
    public Optional<String> currentActivity() {
        return Optional.ofNullable(activity);
    }

    @Override
    public String kafkaClusterId() {
        return kafkaClusterId;
    }

    // ---- Herder: config writes ----

    @Override
    public CompletableFuture<Created<ConnectorInfo>> putConnectorConfig(String connector, Map<String, String> config,
                                                                        TargetState initialTargetState,
                                                                        boolean allowReplace) {
        Map<String, String> copy = new LinkedHashMap<>(config);
        return onHerderThread("checking whether connector '" + connector + "' exists", () -> {
            if (!allowReplace && snapshot().contains(connector)) {
                throw HerderErrors.connectorExists(connector);
            }
            return null;
        }).thenCompose(ignored -> validation().requireValid(copy))
                .thenCompose(valid -> onHerderThread("storing the config of connector '" + connector + "'",
                        () -> storeConfig(connector, copy, initialTargetState, allowReplace)));
    }

    private Created<ConnectorInfo> storeConfig(String connector, Map<String, String> config, TargetState initial,
                                               boolean allowReplace) {
        ClusterConfigState before = snapshot();
        boolean exists = before.contains(connector);
        if (exists && !allowReplace) {
            throw HerderErrors.connectorExists(connector);
        }
        if (!exists) {
            configStore.putConnectorConfig(connector, config, initial);
            log.info("Created connector {} in target state {}", connector, snapshot().targetState(connector));
            post("starting connector '" + connector + "'", () -> driver.startConnector(connector));
            return new Created<>(true, new ConnectorInfo(connector, snapshot().connectorConfig(connector), List.of(),
                    connectorTypes.typeOf(config)));
        }
        ConnectorInfo previous = connectorInfo(before, connector);
        configStore.putConnectorConfig(connector, config, null);
        ConnectorInfo answer = new ConnectorInfo(connector, snapshot().connectorConfig(connector), previous.tasks(),
                connectorTypes.typeOf(config));
        if (previous.config().equals(config)) {
            log.info("Config of connector {} rewritten unchanged; nothing restarts", connector);
        } else {
            log.info("Config of connector {} changed; restarting the connector", connector);
            post("restarting connector '" + connector + "' with its new config", () -> driver.restartConnector(connector));
        }
        return new Created<>(false, answer);
    }

    @Override
    public CompletableFuture<ConnectorInfo> patchConnectorConfig(String connector, Map<String, String> configPatch) {
        return onHerderThread("patching the config of connector '" + connector + "'", () -> {
            Map<String, String> current = snapshot().connectorConfig(connector);
            if (current == null) {
                throw HerderErrors.connectorNotFound(connector);
            }
            Map<String, String> merged = new LinkedHashMap<>(current);
            configPatch.forEach((key, value) -> {
                if (value == null) {
                    merged.remove(key);
                } else {
                    merged.put(key, value);
                }
            });
            return merged;
        }).thenCompose(merged -> validation().requireValid(merged).thenCompose(valid ->
                onHerderThread("storing the patched config of connector '" + connector + "'", () -> {
                    if (!snapshot().contains(connector)) {
                        throw HerderErrors.connectorNotFound(connector);
                    }
                    return storeConfig(connector, merged, null, true).result();
                })));
    }

    @Override
    public CompletableFuture<Void> deleteConnectorConfig(String connector) {
        return onHerderThread("deleting connector '" + connector + "'", () -> {
            requireConnector(connector, HerderErrors.connectorNotFound(connector));
            transformer.cancelScheduledRestart(connector);
            driver.deleteConnector(connector);
            configStore.removeConnectorConfig(connector);
            log.info("Deleted connector {}", connector);
            return null;
        });
    }

    // ---- Herder: restarts and target states ----

    @Override
    public CompletableFuture<Void> restartConnector(String connector) {
        return onHerderThread("restarting connector '" + connector + "'", () -> {
            requireConnector(connector, HerderErrors.unknownConnectorForRestart(connector));
            driver.restartConnector(connector);
            return null;
        });
    }

    @Override
    public CompletableFuture<ConnectorStateInfo> restartConnectorAndTasks(RestartRequest request) {
        String connector = request.connectorName();
        return onHerderThread("restarting connector '" + connector + "' and its tasks", () -> {
            requireConnector(connector, HerderErrors.unknownConnectorForRestart(connector));
            RestartPlan plan = RestartPlan.of(request, connectorStatus(connector));
            configStore.putRestartRequest(request);
            log.info("Restarting as requested: {}", plan);
            driver.stopTasks(plan.tasks(), false);
            if (plan.restartConnector()) {
                driver.stopConnector(connector);
                markRestarting(connector);
            }
            plan.tasks().forEach(this::markRestarting);
            if (plan.restartConnector()) {
                driver.startConnector(connector);
            }
            plan.tasks().forEach(driver::startTask);
            return plan.answer();
        });
    }

    private void markRestarting(String connector) {
        ConnectorStatus status = statusStore.get(connector);
        statusStore.put(new ConnectorStatus(connector, State.RESTARTING, worker.workerId(), 0, null,
                status == null ? null : status.version()));
    }

    private void markRestarting(ConnectorTaskId id) {
        TaskStatus status = statusStore.get(id);
        statusStore.put(new TaskStatus(id, State.RESTARTING, worker.workerId(), 0, null,
                status == null ? null : status.version()));
    }

    @Override
    public CompletableFuture<Void> restartTask(ConnectorTaskId id) {
        return onHerderThread("restarting task " + id, () -> {
            requireConnector(id.connector(), HerderErrors.unknownConnectorForRestart(id.connector()));
            if (snapshot().taskConfig(id) == null) {
                throw HerderErrors.unknownTask(id);
            }
            driver.stopTasks(List.of(id), false);
            driver.startTask(id);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> pauseConnector(String connector) {
        return changeTargetState(connector, TargetState.PAUSED);
    }

    @Override
    public CompletableFuture<Void> resumeConnector(String connector) {
        return changeTargetState(connector, TargetState.STARTED);
    }

    @Override
    public CompletableFuture<Void> stopConnector(String connector) {
        return changeTargetState(connector, TargetState.STOPPED);
    }

    private CompletableFuture<Void> changeTargetState(String connector, TargetState target) {
        return onHerderThread("moving connector '" + connector + "' to " + target, () -> {
            requireConnector(connector, HerderErrors.unknownConnectorForTargetState(connector));
            if (target == TargetState.STOPPED) {
                // As the reference: drop the task configs first, then record the target state.
                configStore.putTaskConfigs(connector, List.of());
                transformer.cancelScheduledRestart(connector);
            }
            configStore.putTargetState(connector, target);
            driver.applyTargetState(connector);
            log.info("Connector {} moved to target state {}", connector, target);
            return null;
        });
    }

    // ---- Herder: offsets ----

    @Override
    public CompletableFuture<ConnectorOffsets> connectorOffsets(String connector) {
        Map<String, String> config = connectorConfig(connector);
        return CompletableFuture.supplyAsync(() -> offsets.read(connector, config), connectorCalls);
    }

    @Override
    public CompletableFuture<Message> alterConnectorOffsets(String connector,
                                                            Map<Map<String, ?>, Map<String, ?>> newOffsets) {
        return onHerderThread("altering the offsets of connector '" + connector + "'",
                () -> offsets.alter(connector, stoppedConnectorConfig(connector), newOffsets));
    }

    @Override
    public CompletableFuture<Message> resetConnectorOffsets(String connector) {
        return onHerderThread("resetting the offsets of connector '" + connector + "'",
                () -> offsets.reset(connector, stoppedConnectorConfig(connector)));
    }

    /** The resolved config of a connector that is STOPPED with no tasks; otherwise the reference's 400. */
    private Map<String, String> stoppedConnectorConfig(String connector) {
        ClusterConfigState state = snapshot();
        requireConnector(connector, HerderErrors.connectorNotFound(connector));
        if (state.targetState(connector) != TargetState.STOPPED || !state.tasks(connector).isEmpty()
                || !driver.tasksOf(connector).isEmpty()) {
            throw HerderErrors.offsetsRequireStopped(connector);
        }
        return transformer.transform(connector, state.connectorConfig(connector));
    }

    // ---- Herder: loggers ----

    /** Standalone has one worker: the "cluster" is this worker, so the level is applied here. */
    @Override
    public CompletableFuture<Void> setClusterLoggerLevel(String namespace, String level) {
        return onHerderThread("setting the level of logger '" + namespace + "'", () -> {
            configStore.putLoggerLevel(namespace, level);
            loggers.setLevel(namespace, level);
            return null;
        });
    }

    // ---- herder thread ----

    private void requireConnector(String connector, NotFoundException ifMissing) {
        if (!snapshot().contains(connector)) {
            throw ifMissing;
        }
    }

    /** Runs {@code work} on the herder thread after everything queued before it; failures are logged. */
    private void post(String what, Runnable work) {
        onHerderThread(what, () -> {
            work.run();
            return null;
        }).whenComplete((ignored, error) -> {
            if (error != null) {
                log.error("The herder failed while {}", what, error);
            }
        });
    }

    private <T> CompletableFuture<T> onHerderThread(String what, Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            herderThread.execute(() -> {
                activity = what;
                try {
                    result.complete(work.call());
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                } finally {
                    activity = null;
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new ConnectException("The standalone herder is stopped; cannot do: " + what));
        }
        return result;
    }

    private static ExecutorService newPool(String name) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Restarts asked for by config providers whose data expired; wired after construction. */
    private static final class TtlRestarts implements java.util.function.Consumer<String> {
        private volatile StandaloneHerder herder;

        @Override
        public void accept(String connector) {
            StandaloneHerder target = herder;
            if (target != null) {
                target.restartConnector(connector).whenComplete((ignored, error) -> {
                    if (error != null) {
                        log.warn("Scheduled restart of connector {} failed: {}", connector, error.getMessage());
                    }
                });
            }
        }
    }
}
