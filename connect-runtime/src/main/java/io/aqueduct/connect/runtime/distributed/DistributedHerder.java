package io.aqueduct.connect.runtime.distributed;

import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.runtime.config.DistributedConfig;
import io.aqueduct.connect.runtime.config.WorkerConfig;
import io.aqueduct.connect.runtime.herder.AbstractHerder;
import io.aqueduct.connect.runtime.herder.ConfigValidation;
import io.aqueduct.connect.runtime.herder.ConnectorOffsetsManager;
import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import io.aqueduct.connect.runtime.herder.ConnectorTypes;
import io.aqueduct.connect.runtime.herder.ConnectorValidator;
import io.aqueduct.connect.runtime.herder.Created;
import io.aqueduct.connect.runtime.herder.HerderErrors;
import io.aqueduct.connect.runtime.herder.InternalRequestSignature;
import io.aqueduct.connect.runtime.herder.NotLeaderException;
import io.aqueduct.connect.runtime.herder.PluginCatalog;
import io.aqueduct.connect.runtime.herder.RestartRequest;
import io.aqueduct.connect.runtime.herder.TargetState;
import io.aqueduct.connect.runtime.herder.WorkerDriver;
import io.aqueduct.connect.runtime.rest.entities.ConnectorInfo;
import io.aqueduct.connect.runtime.rest.entities.ConnectorOffsets;
import io.aqueduct.connect.runtime.rest.entities.ConnectorStateInfo;
import io.aqueduct.connect.runtime.rest.entities.Message;
import io.aqueduct.connect.runtime.secrets.ConfigProviders;
import io.aqueduct.connect.runtime.secrets.WorkerConfigTransformer;
import io.aqueduct.connect.runtime.status.StatusStoreListener;
import io.aqueduct.connect.runtime.storage.KafkaConfigBackingStore;
import io.aqueduct.connect.runtime.storage.KafkaStatusBackingStore;
import io.aqueduct.connect.runtime.storage.OffsetBackingStore;
import io.aqueduct.connect.runtime.worker.Worker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.KafkaFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The herder of a distributed worker: workers with the same {@code group.id} share the connectors and tasks of one
 * cluster, coordinated through Kafka alone (the config topic for the desired state, the worker group for who runs
 * what, the status topic for what happens).
 *
 * <p><b>Threads.</b> One herder thread ({@link HerderThread}) applies everything in order: config topic changes
 * (heard on the config store's reader thread), rebalance outcomes (heard on the membership thread) and REST
 * writes. REST reads answer from the config snapshot and the status store at once. Connector code never runs on the
 * herder thread: validation and task config generation run on a pool with time limits, connector starts are not
 * awaited, and stops wait at most {@code task.shutdown.graceful.timeout.ms}.
 *
 * <p><b>Who writes what.</b> The leader writes connector configs, task configs, stop and restart requests
 * ({@link LeaderWrites}; other workers throw {@link NotLeaderException} with the leader's URL, and REST forwards).
 * The owner of a connector or task restarts it on request (REST is sent on to the owner). Any worker writes pause,
 * resume and cluster logger levels. Every worker applies each change to the work it owns: the connector's owner
 * restarts it on a config change and generates its task configs (handing them to the leader over the signed
 * internal endpoint when it is not the leader); each task's owner restarts it when its config changes.
 *
 * <p>Lifecycle: {@link #start()} reads the topics and joins the group; {@link #isReady()} once the first
 * assignment is applied; {@link #stop()} stops the work (offsets committed) and leaves the group.
 */
public final class DistributedHerder extends AbstractHerder implements WorkerRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(DistributedHerder.class);
    /** Bound of Admin calls, config topic reads after a write, and offsets operations. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final DistributedConfig config;
    private final Worker worker;
    private final String workerUrl;
    private final KafkaConfigBackingStore configStore;
    private final KafkaStatusBackingStore statusStore;
    private final OffsetBackingStore offsetStore;
    private final WorkerConfigTransformer transformer;
    private final HerderThread thread;
    private final WorkerDriver driver;
    private final StatusStoreListener statusListener;
    private final ConfigEvents configEvents;
    private final Assignments assignments;
    private final SessionKeys sessionKeys;
    private final LeaderWrites leaderWrites;
    private volatile WorkerGroupMember member;
    private volatile Admin admin;
    private volatile ConnectorOffsetsManager offsets;
    private volatile String kafkaClusterId;

    /**
     * @param config       the worker settings
     * @param worker       runs this worker's share; stopped by {@link #stop()}
     * @param workerUrl    this worker's advertised REST URL, e.g. {@code http://10.0.0.7:8083/}
     * @param configStore  the config topic store, not started (the herder starts and stops it)
     * @param statusStore  the status topic store, not started (the herder starts and stops it)
     * @param offsetStore  the offsets store the worker uses, already started (the caller stops it)
     * @param providers    the worker's config providers; the herder closes them
     */
    public DistributedHerder(DistributedConfig config, Worker worker, String workerUrl,
                             KafkaConfigBackingStore configStore, KafkaStatusBackingStore statusStore,
                             OffsetBackingStore offsetStore, ConfigProviders providers) {
        this(config, worker, workerUrl, configStore, statusStore, offsetStore, new TtlRestarts(), providers,
                new HerderThread("distributed-herder-" + worker.workerId()));
    }

    private DistributedHerder(DistributedConfig config, Worker worker, String workerUrl,
                              KafkaConfigBackingStore configStore, KafkaStatusBackingStore statusStore,
                              OffsetBackingStore offsetStore, TtlRestarts restarts, ConfigProviders providers,
                              HerderThread thread) {
        this(config, worker, workerUrl, configStore, statusStore, offsetStore,
                new WorkerConfigTransformer(providers, restarts), thread, restarts);
    }

    private DistributedHerder(DistributedConfig config, Worker worker, String workerUrl,
                              KafkaConfigBackingStore configStore, KafkaStatusBackingStore statusStore,
                              OffsetBackingStore offsetStore, WorkerConfigTransformer transformer,
                              HerderThread thread, TtlRestarts restarts) {
        super(configStore, statusStore, new ConnectorTypes(worker.plugins()), new PluginCatalog(worker.plugins()),
                new ConfigValidation(ConnectorValidator.forWorker(worker.plugins(), worker.config()), transformer,
                        thread.connectorCalls(), ConfigValidation.DEFAULT_TIMEOUT),
                worker.config());
        this.config = config;
        this.worker = worker;
        this.workerUrl = workerUrl;
        this.configStore = configStore;
        this.statusStore = statusStore;
        this.offsetStore = offsetStore;
        this.transformer = transformer;
        this.thread = thread;
        this.assignments = new Assignments(configStore::snapshot);
        this.statusListener = new StatusStoreListener(statusStore, worker.workerId(), this::generation,
                worker::connectorVersion, worker::taskVersion);
        this.leaderWrites = new LeaderWrites(this, config, configStore, thread, validation(), connectorTypes,
                transformer);
        Consumer<Runnable> onThread = work -> thread.post("handling a connector event", work);
        this.driver = new WorkerDriver(worker, configStore, statusStore, statusListener, transformer,
                thread.connectorCalls(), onThread, assignments::ownsConnector, assignments::ownsTask,
                leaderWrites::writeTaskConfigs);
        leaderWrites.useDriver(driver);
        this.sessionKeys = new SessionKeys(config, configStore, thread);
        this.configEvents = new ConfigEvents(this, driver, thread);
        // a reset by any worker reaches this worker's tasks through the status topic
        statusStore.addTopicRemovalListener(worker::forgetActiveTopic);
        restarts.herder = this;
    }

    // ---- lifecycle ----

    /**
     * Reads the config and status topics (creating them if needed), reads the Kafka cluster id and joins the
     * worker group. The herder becomes ready once the first assignment is applied.
     *
     * @throws ConnectException if Kafka is unreachable or a topic is unusable
     */
    public void start() {
        configStore.setUpdateListener(configEvents);
        admin = DistributedStores.herderAdmin(config, worker.workerId());
        KafkaFuture<String> clusterId = admin.describeCluster().clusterId(); // read while the topics are
        try {
            DistributedStores.startTogether(worker.workerId(), configStore, statusStore);
            kafkaClusterId = DistributedStores.clusterId(clusterId, config, CALL_TIMEOUT);
        } catch (RuntimeException e) {
            admin.close(Duration.ZERO);
            admin = null;
            throw e;
        }
        offsets = new ConnectorOffsetsManager(worker.plugins(), connectorTypes, offsetStore, admin,
                thread.connectorCalls(), CALL_TIMEOUT);
        member = new WorkerGroupMember(config, workerUrl, assignments::inputs, this);
        member.start();
        log.info("Distributed herder of worker {} started; joining group {} (Kafka cluster {})", worker.workerId(),
                config.groupId(), kafkaClusterId);
    }

    /**
     * Stops every connector and task here (tasks commit their offsets), then hands the work over and leaves the
     * group (see {@link WorkerGroupMember#close()}) while the stores close, which nothing needs any more. Idempotent.
     */
    public void stop() {
        if (!assignments.beginStopping()) {
            return;
        }
        long graceMs = worker.config().getLong(WorkerConfig.TASK_SHUTDOWN_GRACEFUL_TIMEOUT_MS_CONFIG);
        try {
            thread.call("stopping every connector and task", () -> {
                driver.stopAll();
                return null;
            }).get(2 * graceMs + 10_000, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            log.warn("The herder thread did not stop the work in time ({}); stopping the worker directly", e.toString());
            worker.stop();
        }
        stopHerderThread();
        Thread stores = new Thread(this::closeStores, "distributed-herder-close-" + worker.workerId());
        stores.setDaemon(true);
        stores.start();
        if (member != null) {
            member.close();
        }
        try {
            stores.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("Distributed herder of worker {} stopped", worker.workerId());
    }

    /** Test hook: stops heartbeating and working without telling anyone, as if the process had been killed. */
    void crashForTest() {
        if (!assignments.beginStopping()) {
            return;
        }
        if (member != null) {
            member.abandon();
        }
        thread.shutdownNow();
        worker.stop();
        closeQuietly();
    }

    private void closeQuietly() {
        stopHerderThread();
        closeStores();
    }

    private void stopHerderThread() {
        thread.shutdownNow();
        sessionKeys.cancel();
        transformer.close();
    }

    private void closeStores() {
        DistributedStores.closeTogether(worker.workerId(), admin, statusStore, configStore);
    }

    @Override
    public boolean isReady() {
        return assignments.ready();
    }

    @Override
    public CompletableFuture<Void> healthCheck() {
        return thread.call("answering a health check", () -> null);
    }

    @Override
    public Optional<String> currentActivity() {
        return thread.activity();
    }

    @Override
    public String kafkaClusterId() {
        return kafkaClusterId;
    }

    /** The group generation this worker's work belongs to; -1 before the first rebalance. */
    int generation() {
        WorkerGroupMember m = member;
        return m == null ? -1 : Math.max(m.generation(), 0);
    }

    /** Whether this worker leads the group now. */
    boolean isLeader() {
        WorkerGroupMember m = member;
        return m != null && m.isLeader();
    }

    String leaderUrl() {
        WorkerGroupMember m = member;
        return m == null ? null : m.leaderUrl();
    }

    WorkerGroupMember member() {
        return member;
    }

    Worker worker() {
        return worker;
    }

    DistributedConfig config() {
        return config;
    }

    String workerUrl() {
        return workerUrl;
    }

    Assignments assignments() {
        return assignments;
    }

    SessionKeys sessionKeys() {
        return sessionKeys;
    }

    KafkaConfigBackingStore configStore() {
        return configStore;
    }

    KafkaStatusBackingStore statusStore() {
        return statusStore;
    }

    // ---- rebalances (membership thread: hand over to the herder thread at once) ----

    @Override
    public void onRevoked(String leaderUrl, Set<String> connectors, Set<ConnectorTaskId> tasks) {
        assignments.rebalancing(true);
        thread.post("stopping revoked work", () -> new RebalanceHandler(this, driver).revoke(connectors, tasks));
    }

    @Override
    public void onAssigned(WorkerAssignment assignment, int generation) {
        if (assignment.failed()) {
            assignments.rebalancing(true);
        }
        thread.post("applying the assignment of generation " + generation,
                () -> new RebalanceHandler(this, driver).assign(assignment, generation));
    }

    /** After a config change on the leader: rebalance when the set of connectors or tasks changed. */
    void rebalanceIfWorkChanged() {
        WorkerGroupMember m = member;
        if (m != null && m.isLeader() && assignments.workChangedSinceLastInputs(configStore.snapshot())) {
            log.info("The connectors or tasks of the cluster changed; rebalancing");
            m.requestRejoin();
        }
    }

    // ---- leader-only writes (see LeaderWrites) ----

    @Override
    public CompletableFuture<Void> putTaskConfigs(String connector, List<Map<String, String>> taskConfigs,
                                                  InternalRequestSignature signature) {
        return leaderWrites.putTaskConfigs(connector, taskConfigs, signature);
    }

    @Override
    public CompletableFuture<Created<ConnectorInfo>> putConnectorConfig(String connector, Map<String, String> config,
                                                                        TargetState initialTargetState,
                                                                        boolean allowReplace) {
        return leaderWrites.putConnectorConfig(connector, config, initialTargetState, allowReplace);
    }

    @Override
    public CompletableFuture<ConnectorInfo> patchConnectorConfig(String connector, Map<String, String> configPatch) {
        return leaderWrites.patchConnectorConfig(connector, configPatch);
    }

    @Override
    public CompletableFuture<Void> deleteConnectorConfig(String connector) {
        return leaderWrites.deleteConnectorConfig(connector);
    }

    @Override
    public CompletableFuture<ConnectorStateInfo> restartConnectorAndTasks(RestartRequest request) {
        return leaderWrites.restartConnectorAndTasks(request);
    }

    @Override
    public CompletableFuture<Void> stopConnector(String connector) {
        return leaderWrites.stopConnector(connector);
    }

    // ---- restarts ----

    @Override
    public CompletableFuture<Void> restartConnector(String connector) {
        return thread.call("restarting connector '" + connector + "'", () -> {
            requireSettled();
            requireConnector(connector, HerderErrors.unknownConnectorForRestart(connector));
            if (!assignments.ownsConnector(connector)) {
                throw new NotLeaderException("Connector " + connector + " runs on another worker, which restarts it",
                        ownerUrl(statusStore.get(connector) == null ? null : statusStore.get(connector).workerId()));
            }
            driver.restartConnector(connector);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> restartTask(ConnectorTaskId id) {
        return thread.call("restarting task " + id, () -> {
            requireSettled();
            requireConnector(id.connector(), HerderErrors.unknownConnectorForRestart(id.connector()));
            if (snapshot().taskConfig(id) == null) {
                throw HerderErrors.unknownTask(id);
            }
            if (!assignments.ownsTask(id)) {
                throw new NotLeaderException("Task " + id + " runs on another worker, which restarts it",
                        ownerUrl(statusStore.get(id) == null ? null : statusStore.get(id).workerId()));
            }
            driver.stopTasks(List.of(id), false);
            driver.startTask(id);
            return null;
        });
    }

    /** The REST URL of the worker with id {@code host:port}; the leader's when unknown. */
    private String ownerUrl(String workerId) {
        return workerId == null ? leaderUrl() : "http://" + workerId + "/";
    }

    /** TTL of a config provider's data expired: the owner restarts the connector. */
    private void scheduledRestart(String connector) {
        thread.post("restarting connector '" + connector + "' for fresh config provider data", () -> {
            if (assignments.ownsConnector(connector) && snapshot().contains(connector)) {
                driver.restartConnector(connector);
            }
        });
    }

    // ---- target states ----

    @Override
    public CompletableFuture<Void> pauseConnector(String connector) {
        return writeTargetState(connector, TargetState.PAUSED);
    }

    @Override
    public CompletableFuture<Void> resumeConnector(String connector) {
        return writeTargetState(connector, TargetState.STARTED);
    }

    /** Pause and resume: any worker writes the target state; each worker applies it when it reads it. */
    private CompletableFuture<Void> writeTargetState(String connector, TargetState target) {
        return thread.call("moving connector '" + connector + "' to " + target, () -> {
            requireConnector(connector, HerderErrors.unknownConnectorForTargetState(connector));
            configStore.putTargetState(connector, target);
            return null;
        });
    }

    // ---- offsets ----

    @Override
    public CompletableFuture<ConnectorOffsets> connectorOffsets(String connector) {
        Map<String, String> connectorConfig = connectorConfig(connector);
        return CompletableFuture.supplyAsync(() -> offsets.read(connector, connectorConfig), thread.connectorCalls());
    }

    @Override
    public CompletableFuture<Message> alterConnectorOffsets(String connector,
                                                            Map<Map<String, ?>, Map<String, ?>> newOffsets) {
        return leaderWrites.stoppedConnectorConfig(connector, "alter").thenApplyAsync(
                resolved -> offsets.alter(connector, resolved, newOffsets), thread.connectorCalls());
    }

    @Override
    public CompletableFuture<Message> resetConnectorOffsets(String connector) {
        return leaderWrites.stoppedConnectorConfig(connector, "reset").thenApplyAsync(
                resolved -> offsets.reset(connector, resolved), thread.connectorCalls());
    }

    // ---- loggers ----

    @Override
    public CompletableFuture<Void> setClusterLoggerLevel(String namespace, String level) {
        return thread.call("setting the level of logger '" + namespace + "' on every worker", () -> {
            configStore.putLoggerLevel(namespace, level);
            return null;
        });
    }

    // ---- checks on the herder thread ----

    /** @throws io.aqueduct.connect.runtime.herder.RebalanceNeededException until the assignment is settled */
    void requireSettled() {
        if (!assignments.ready() || assignments.rebalancing()) {
            throw HerderErrors.rebalanceExpected();
        }
    }

    void requireConnector(String connector, RuntimeException ifMissing) {
        if (!snapshot().contains(connector)) {
            throw ifMissing;
        }
    }

    /** Makes a write of this worker visible in its own snapshot, so an answer and the next read agree. */
    void readConfigToEnd() {
        try {
            configStore.refresh(CALL_TIMEOUT);
        } catch (java.util.concurrent.TimeoutException e) {
            log.warn("Could not read the config topic to its end within {} s", CALL_TIMEOUT.toSeconds());
        }
    }

    /** Restarts asked for by config providers whose data expired; wired after construction. */
    private static final class TtlRestarts implements Consumer<String> {
        private volatile DistributedHerder herder;

        @Override
        public void accept(String connector) {
            DistributedHerder target = herder;
            if (target != null) {
                target.scheduledRestart(connector);
            }
        }
    }
}
