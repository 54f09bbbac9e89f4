package io.aqueduct.connect.runtime.worker;

import io.aqueduct.connect.connector.Connector;
import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.runtime.config.ConnectorConfig;
import io.aqueduct.connect.runtime.config.SinkConnectorConfig;
import io.aqueduct.connect.runtime.config.SourceConnectorConfig;
import io.aqueduct.connect.runtime.config.TopicCreationGroups;
import io.aqueduct.connect.runtime.config.WorkerConfig;
import io.aqueduct.connect.runtime.errors.ErrorHandling;
import io.aqueduct.connect.runtime.errors.ErrorHandlingMetrics;
import io.aqueduct.connect.runtime.errors.RetryWithToleranceOperator;
import io.aqueduct.connect.runtime.errors.WorkerErrantRecordReporter;
import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import io.aqueduct.connect.runtime.herder.TargetState;
import io.aqueduct.connect.runtime.isolation.PluginKind;
import io.aqueduct.connect.runtime.isolation.Plugins;
import io.aqueduct.connect.runtime.status.ConnectorStatus;
import io.aqueduct.connect.runtime.status.TaskStatus;
import io.aqueduct.connect.runtime.storage.OffsetBackingStore;
import io.aqueduct.connect.sink.SinkConnector;
import io.aqueduct.connect.sink.SinkRecord;
import io.aqueduct.connect.sink.SinkTask;
import io.aqueduct.connect.source.SourceConnector;
import io.aqueduct.connect.source.SourceTask;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs connectors and tasks in this process on behalf of a herder. It knows nothing of clusters: the
 * herder decides what runs here and wires the status listeners to its status store.
 *
 * <p>Connector code never runs on the caller's thread: each connector has its own thread
 * ({@code connector-thread-<name>}) and each task too ({@code task-thread-<name>-<n>}). Exceptions of
 * plugin code become FAILED statuses; they never reach the caller or stop the worker. Calls that wait
 * for connector code wait at most {@link #CONNECTOR_CALL_TIMEOUT_MS}; stops wait at most
 * {@code task.shutdown.graceful.timeout.ms}, then the connector or task is abandoned and logged.
 *
 * <p>Configurations are checked when a connector or task is started: an invalid one is refused with a
 * {@link ConnectException} naming the key and the problem (the listener is told too), and the worker
 * goes on running everything else. Thread-safe.
 */
public final class Worker {

    private static final Logger log = LoggerFactory.getLogger(Worker.class);

    /** How long a call waits for connector code such as {@code taskConfigs}, in milliseconds. */
    public static final long CONNECTOR_CALL_TIMEOUT_MS = 30_000;

    private final String workerId;
    private final WorkerConfig config;
    private final Plugins plugins;
    private final OffsetBackingStore offsetStore;
    private final long gracefulShutdownMs;
    private final Map<String, WorkerConnector> connectors = new ConcurrentHashMap<>();
    private final Map<ConnectorTaskId, WorkerTask> tasks = new ConcurrentHashMap<>();

    /**
     * @param workerId    this worker's id, {@code host:port} of its REST listener
     * @param config      the worker configuration
     * @param plugins     the discovered plugins
     * @param offsetStore the source offsets store, already started; the caller stops it after {@link #stop()}
     */
    public Worker(String workerId, WorkerConfig config, Plugins plugins, OffsetBackingStore offsetStore) {
        this.workerId = Objects.requireNonNull(workerId, "workerId");
        this.config = Objects.requireNonNull(config, "config");
        this.plugins = Objects.requireNonNull(plugins, "plugins");
        this.offsetStore = Objects.requireNonNull(offsetStore, "offsetStore");
        this.gracefulShutdownMs = config.getLong(WorkerConfig.TASK_SHUTDOWN_GRACEFUL_TIMEOUT_MS_CONFIG);
    }

    public String workerId() {
        return workerId;
    }

    public WorkerConfig config() {
        return config;
    }

    public Plugins plugins() {
        return plugins;
    }

    // ---- connectors ----

    /**
     * Starts a connector and moves it to {@code initialState} on its own thread.
     *
     * @param name                          the connector name
     * @param props                         the connector configuration
     * @param listener                      told about every state change of the connector
     * @param initialState                  STARTED, PAUSED (started, but reported PAUSED) or STOPPED (created, not started)
     * @param onTaskReconfigurationRequest  run (on a connector thread) when the connector asks for new task configs
     * @return completes with the state reached, or exceptionally if the connector failed (its status is FAILED)
     * @throws ConnectException at once if the configuration is invalid (naming key and reason) or a
     *         connector of that name already runs here; the worker keeps running
     */
    public CompletableFuture<TargetState> startConnector(String name, Map<String, String> props,
                                                         ConnectorStatus.Listener listener, TargetState initialState,
                                                         Runnable onTaskReconfigurationRequest) {
        Objects.requireNonNull(listener, "listener");
        Class<? extends Connector> connectorClass;
        try {
            connectorClass = validateConnectorConfig(name, props);
        } catch (ConnectException e) {
            listener.onFailure(name, e);
            throw e;
        }
        WorkerConnector connector = new WorkerConnector(name, props, connectorClass, plugins, listener,
                onTaskReconfigurationRequest == null ? () -> { } : onTaskReconfigurationRequest,
                SourceConnector.class.isAssignableFrom(connectorClass) ? new OffsetStorageReaderImpl(name, offsetStore) : null);
        if (connectors.putIfAbsent(name, connector) != null) {
            throw new ConnectException("Connector " + name + " is already running on worker " + workerId);
        }
        log.info("Starting connector {} ({}) in state {}", name, connectorClass.getName(), initialState);
        return connector.start(initialState);
    }

    /**
     * The task configurations of a running connector, each with {@code task.class} added and, for sink
     * connectors, the connector's {@code topics}/{@code topics.regex}. Runs {@code taskConfigs} on the
     * connector's thread and waits at most {@link #CONNECTOR_CALL_TIMEOUT_MS}.
     *
     * @throws ConnectException if the connector is not running here, failed, returned more configs than
     *         {@code tasks.max} allows, or did not answer in time
     */
    public List<Map<String, String>> connectorTaskConfigs(String name) {
        WorkerConnector connector = connectors.get(name);
        if (connector == null) {
            throw new ConnectException("Connector " + name + " is not running on worker " + workerId);
        }
        ConnectorConfig connectorConfig = new ConnectorConfig(connector.config());
        int maxTasks = connectorConfig.tasksMax();
        List<Map<String, String>> configs = connector.taskConfigs(maxTasks, CONNECTOR_CALL_TIMEOUT_MS);
        if (configs.size() > maxTasks && connectorConfig.getBoolean(ConnectorConfig.TASKS_MAX_ENFORCE_CONFIG)) {
            throw new ConnectException("Connector " + name + " generated " + configs.size() + " task configs but "
                    + ConnectorConfig.TASKS_MAX_CONFIG + " is " + maxTasks + "; raise " + ConnectorConfig.TASKS_MAX_CONFIG
                    + " or fix the connector");
        }
        List<Map<String, String>> result = new ArrayList<>(configs.size());
        for (Map<String, String> taskConfig : configs) {
            Map<String, String> copy = new HashMap<>(taskConfig);
            if (connector.isSink()) {
                copyIfSet(connector.config(), copy, SinkConnectorConfig.TOPICS_CONFIG);
                copyIfSet(connector.config(), copy, SinkConnectorConfig.TOPICS_REGEX_CONFIG);
            }
            result.add(copy);
        }
        return result;
    }

    private static void copyIfSet(Map<String, String> from, Map<String, String> to, String key) {
        String value = from.get(key);
        if (value != null) {
            to.put(key, value);
        }
    }

    /**
     * Moves a running connector, and its tasks running here, to {@code state}. For STOPPED the herder
     * stops the tasks first ({@link #stopAndAwaitTasks}); this stops the connector instance.
     *
     * @return completes with the state reached by the connector
     */
    public CompletableFuture<TargetState> setTargetState(String name, TargetState state) {
        WorkerConnector connector = connectors.get(name);
        if (state != TargetState.STOPPED) {
            for (WorkerTask task : tasks.values()) {
                if (task.id().connector().equals(name)) {
                    task.transitionTo(state);
                }
            }
        }
        if (connector == null) {
            return CompletableFuture.failedFuture(
                    new ConnectException("Connector " + name + " is not running on worker " + workerId));
        }
        return connector.transitionTo(state);
    }

    /** Stops a connector (not its tasks) and waits as {@link #stopAndAwaitConnectors} does. */
    public void stopAndAwaitConnector(String name) {
        stopAndAwaitConnectors(List.of(name));
    }

    /**
     * Stops connectors (not their tasks): signals all, then waits for all together up to
     * {@code task.shutdown.graceful.timeout.ms}; a connector still busy then is abandoned and logged.
     */
    public void stopAndAwaitConnectors(Collection<String> names) {
        List<WorkerConnector> stopping = new ArrayList<>();
        for (String name : names) {
            WorkerConnector connector = connectors.get(name);
            if (connector != null) {
                connector.shutdown();
                stopping.add(connector);
            }
        }
        long deadline = System.currentTimeMillis() + gracefulShutdownMs;
        for (WorkerConnector connector : stopping) {
            connector.awaitShutdown(deadline - System.currentTimeMillis());
            connectors.remove(connector.name(), connector);
        }
    }

    public boolean isRunning(String name) {
        WorkerConnector connector = connectors.get(name);
        return connector != null && !connector.isFailed() && !connector.isShutDown();
    }

    /** The connectors this worker holds (running, paused, stopped or failed), sorted. */
    public Set<String> connectorNames() {
        return new TreeSet<>(connectors.keySet());
    }

    /** The version of a connector's plugin, or null if unknown. */
    public String connectorVersion(String name) {
        WorkerConnector connector = connectors.get(name);
        return connector == null ? null : connector.version();
    }

    // ---- tasks ----

    /**
     * Starts a task on its own thread. The task creates its converters, transformations and Kafka
     * client there; failures from then on become a FAILED status.
     *
     * @param id             the task id
     * @param connectorProps the connector configuration (converters, transforms, client overrides, topics)
     * @param taskProps      the task configuration from {@link #connectorTaskConfigs}, with {@code task.class}
     * @param listener       told about every state change of the task
     * @param initialState   STARTED or PAUSED
     * @return true when the task thread was started
     * @throws ConnectException at once if a configuration is invalid (naming key and reason) or the task
     *         already runs here; the worker keeps running
     */
    public boolean startTask(ConnectorTaskId id, Map<String, String> connectorProps, Map<String, String> taskProps,
                             TaskStatus.Listener listener, TargetState initialState) {
        Objects.requireNonNull(listener, "listener");
        WorkerTask task;
        try {
            task = buildTask(id, connectorProps, taskProps, listener, initialState);
        } catch (ConnectException e) {
            listener.onFailure(id, e);
            throw e;
        }
        if (tasks.putIfAbsent(id, task) != null) {
            throw new ConnectException("Task " + id + " is already running on worker " + workerId);
        }
        Thread thread = new Thread(task, "task-thread-" + id);
        thread.setDaemon(true);
        log.info("Starting task {} in state {}", id, initialState);
        thread.start();
        return true;
    }

    private WorkerTask buildTask(ConnectorTaskId id, Map<String, String> connectorProps, Map<String, String> taskProps,
                                 TaskStatus.Listener listener, TargetState initialState) {
        Class<? extends Connector> connectorClass = validateConnectorConfig(id.connector(), connectorProps);
        ClassLoader loader = plugins.pluginLoader(connectorClass.getName());
        Class<?> taskClass = taskClass(id, taskProps, loader);
        Map<String, String> connProps = Map.copyOf(connectorProps);
        TransformationChainFactory transforms = TransformationChainFactory.parse(plugins, connProps);
        boolean sinkConnector = SinkConnector.class.isAssignableFrom(connectorClass);
        if (sinkConnector) {
            if (!SinkTask.class.isAssignableFrom(taskClass)) {
                throw invalid(id.toString(), new ConfigException(ConnectorConfig.TASK_CLASS_CONFIG, taskClass.getName(),
                        "The task of sink connector " + connectorClass.getName() + " must be a " + SinkTask.class.getName()));
            }
            Class<? extends SinkTask> sinkTaskClass = taskClass.asSubclass(SinkTask.class);
            return new WorkerSinkTask(id, loader, listener, initialState, taskProps, connProps, config,
                    () -> sinkResources(id, sinkTaskClass, connProps, transforms));
        }
        if (!SourceTask.class.isAssignableFrom(taskClass)) {
            throw invalid(id.toString(), new ConfigException(ConnectorConfig.TASK_CLASS_CONFIG, taskClass.getName(),
                    "The task of source connector " + connectorClass.getName() + " must be a " + SourceTask.class.getName()));
        }
        Class<? extends SourceTask> sourceTaskClass = taskClass.asSubclass(SourceTask.class);
        Optional<TopicCreationGroups> groups = config.getBoolean(WorkerConfig.TOPIC_CREATION_ENABLE_CONFIG)
                ? TopicCreationGroups.of(new SourceConnectorConfig(connProps)) : Optional.empty();
        return new WorkerSourceTask(id, loader, listener, initialState, taskProps, offsetStore, config,
                () -> WorkerSourceTask.createResources(plugins, config, sourceTaskClass, id, connProps, transforms,
                        groups.map(g -> new TopicCreation(g, ClientConfigs.admin(config, id, connProps))).orElse(null)));
    }

    /** Runs on the task thread: creating the dead letter queue topic may take a while, and a failure fails the task. */
    private WorkerSinkTask.Resources sinkResources(ConnectorTaskId id, Class<? extends SinkTask> taskClass,
                                                   Map<String, String> connProps, TransformationChainFactory transforms) {
        SinkConnectorConfig sinkConfig = new SinkConnectorConfig(connProps);
        RetryWithToleranceOperator operator = ErrorHandling.forSinkTask(id, sinkConfig,
                ClientConfigs.producer(config, id, connProps), ClientConfigs.admin(config, id, connProps));
        TaskConverters converters = null;
        TransformationChain<SinkRecord> chain = null;
        try {
            SinkTask instance = plugins.newInstance(taskClass);
            converters = TaskConverters.create(plugins, config, connProps);
            chain = transforms.build(plugins, operator);
            WorkerErrantRecordReporter reporter = ErrorHandling.errantRecordReporter(sinkConfig, operator,
                    converters.key(), converters.value(), converters.header());
            return new WorkerSinkTask.Resources(instance, converters, chain,
                    new KafkaConsumer<>(ClientConfigs.consumer(config, id, connProps)), operator, reporter);
        } catch (RuntimeException e) {
            if (chain != null) {
                chain.close();
            }
            if (converters != null) {
                converters.close();
            }
            operator.close();
            throw e;
        }
    }

    private static Class<?> taskClass(ConnectorTaskId id, Map<String, String> taskProps, ClassLoader loader) {
        String name = taskProps.get(ConnectorConfig.TASK_CLASS_CONFIG);
        if (name == null || name.isBlank()) {
            throw invalid(id.toString(), new ConfigException(ConnectorConfig.TASK_CLASS_CONFIG, name,
                    "A task configuration needs the task class; use the configs from connectorTaskConfigs()"));
        }
        try {
            return Class.forName(Plugins.canonicalClassName(name.trim()), false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw invalid(id.toString(), new ConfigException(ConnectorConfig.TASK_CLASS_CONFIG, name,
                    "The class cannot be loaded from the connector's plugin: " + e));
        }
    }

    /**
     * Stops tasks: signals all at once, then waits for all together up to
     * {@code task.shutdown.graceful.timeout.ms}. A task still running then is abandoned: its thread is
     * interrupted, it reports nothing more, and the abandonment is logged with its id.
     */
    public void stopAndAwaitTasks(Collection<ConnectorTaskId> ids) {
        List<WorkerTask> stopping = new ArrayList<>();
        for (ConnectorTaskId id : ids) {
            WorkerTask task = tasks.get(id);
            if (task != null) {
                task.stop();
                stopping.add(task);
            }
        }
        long deadline = System.currentTimeMillis() + gracefulShutdownMs;
        for (WorkerTask task : stopping) {
            if (!task.awaitStop(Math.max(0, deadline - System.currentTimeMillis()))) {
                log.error("Task {} did not stop within {} ms ({}); abandoning it, its offsets since the last commit"
                        + " are not committed", task.id(), gracefulShutdownMs, WorkerConfig.TASK_SHUTDOWN_GRACEFUL_TIMEOUT_MS_CONFIG);
                task.cancel();
            }
            tasks.remove(task.id(), task);
        }
    }

    public void stopAndAwaitTask(ConnectorTaskId id) {
        stopAndAwaitTasks(List.of(id));
    }

    /** The tasks this worker runs, sorted; a failed task stays listed until stopped. */
    public Set<ConnectorTaskId> taskIds() {
        return new TreeSet<>(tasks.keySet());
    }

    /** The version of a task's plugin, or null if unknown. */
    public String taskVersion(ConnectorTaskId id) {
        WorkerTask task = tasks.get(id);
        try {
            return task == null ? null : task.version();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The error counters of a task running here (retries, failures, skipped records, dead letter queue
     * writes), or null when the task is unknown or has not built its error handling yet.
     */
    public ErrorHandlingMetrics taskErrorMetrics(ConnectorTaskId id) {
        WorkerTask task = tasks.get(id);
        return task == null ? null : task.errorMetrics();
    }

    /** Stops every task, then every connector, each group within the graceful timeout. */
    public void stop() {
        log.info("Worker {} stopping {} task(s) and {} connector(s)", workerId, tasks.size(), connectors.size());
        stopAndAwaitTasks(new ArrayList<>(tasks.keySet()));
        stopAndAwaitConnectors(new ArrayList<>(connectors.keySet()));
    }

    // ---- validation ----

    private Class<? extends Connector> validateConnectorConfig(String name, Map<String, String> props) {
        Objects.requireNonNull(props, "props");
        String className = props.get(ConnectorConfig.CONNECTOR_CLASS_CONFIG);
        Class<?> connectorClass;
        try {
            if (className == null || className.isBlank()) {
                throw new ConfigException(ConnectorConfig.CONNECTOR_CLASS_CONFIG, className,
                        "Missing; set it to the connector's class name or alias");
            }
            try {
                connectorClass = plugins.pluginClass(PluginKind.CONNECTORS, className);
            } catch (ConnectException e) {
                throw new ConfigException(ConnectorConfig.CONNECTOR_CLASS_CONFIG, className, e.getMessage());
            }
            if (SinkConnector.class.isAssignableFrom(connectorClass)) {
                new SinkConnectorConfig(props);
            } else if (SourceConnector.class.isAssignableFrom(connectorClass)) {
                new SourceConnectorConfig(props);
            } else {
                throw new ConfigException(ConnectorConfig.CONNECTOR_CLASS_CONFIG, className,
                        "Not a source or sink connector");
            }
            TaskConverters.validate(plugins, config, props);
            TransformationChainFactory.parse(plugins, props);
            ClientConfigs.validate(config, props);
        } catch (ConfigException e) {
            throw invalid(name, e);
        }
        return connectorClass.asSubclass(Connector.class);
    }

    private static ConnectException invalid(String what, ConfigException e) {
        return new ConnectException("Invalid configuration of " + what + ": " + e.getMessage(), e);
    }
}
