package io.aqueduct.connect.runtime.herder;

import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.runtime.secrets.WorkerConfigTransformer;
import io.aqueduct.connect.runtime.status.StatusBackingStore;
import io.aqueduct.connect.runtime.status.StatusStoreListener;
import io.aqueduct.connect.runtime.status.TaskStatus;
import io.aqueduct.connect.runtime.storage.ClusterConfigState;
import io.aqueduct.connect.runtime.storage.ConfigBackingStore;
import io.aqueduct.connect.runtime.worker.Worker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Makes the Worker run what the config store says, for a herder. Confined to the herder thread: every method
 * must be called there. It never waits for connector code without bound: connector starts and target state
 * changes are not awaited, task configs are generated on {@code connectorCalls} and handed back to the herder
 * thread, and stops wait at most the worker's graceful shutdown timeout.
 *
 * <p>Only the work this worker owns is run: a standalone herder owns everything; a distributed herder owns what
 * the group assigned to it. Tasks of a connector may run on other workers than the connector itself.
 *
 * <p>Generated task configs are handed to the {@link TaskConfigWriter} only when they differ from the stored
 * ones; a running task is restarted only when its own config or the framework's view of the connector config
 * changed.
 */
public final class WorkerDriver {

    /** Stores a new generation of task configs (directly, or by handing it to whoever may write). */
    @FunctionalInterface
    public interface TaskConfigWriter {
        /**
         * Called on the herder thread with configs that differ from the stored ones.
         *
         * @return true when the configs are stored now (the tasks can be reconciled at once), false when they
         *         will show up later through the config store
         */
        boolean write(String connector, List<Map<String, String>> taskConfigs);
    }

    private static final Logger log = LoggerFactory.getLogger(WorkerDriver.class);

    /** What a task was last started with, to tell whether a new generation changes it. */
    private record Applied(Map<String, String> taskConfig, Map<String, String> connectorView) {
    }

    private final Worker worker;
    private final ConfigBackingStore configStore;
    private final StatusBackingStore statusStore;
    private final StatusStoreListener statusListener;
    private final WorkerConfigTransformer transformer;
    private final Executor connectorCalls;
    /** Posts work to the herder thread; used when connector code answers. */
    private final Consumer<Runnable> herderThread;
    private final Predicate<String> ownsConnector;
    private final Predicate<ConnectorTaskId> ownsTask;
    private final TaskConfigWriter taskConfigWriter;
    /** Bumped whenever a connector instance is replaced or stopped, so late task configs of the old one are dropped. */
    private final Map<String, Long> epochs = new HashMap<>();
    private final Map<ConnectorTaskId, Applied> applied = new HashMap<>();
    /** The stored config each connector instance here was started with. */
    private final Map<String, Map<String, String>> startedWith = new HashMap<>();
    /** Connectors whose next generated task configs are stored even when equal to the stored ones. */
    private final Set<String> rewriteTaskConfigs = new TreeSet<>();

    /** A driver that owns every connector and task and stores task configs directly (standalone). */
    public WorkerDriver(Worker worker, ConfigBackingStore configStore, StatusBackingStore statusStore,
                        StatusStoreListener statusListener, WorkerConfigTransformer transformer, Executor connectorCalls,
                        Consumer<Runnable> herderThread) {
        this(worker, configStore, statusStore, statusListener, transformer, connectorCalls, herderThread,
                connector -> true, task -> true, (connector, configs) -> {
                    configStore.putTaskConfigs(connector, configs);
                    return true;
                });
    }

    /**
     * @param herderThread     posts work to the herder thread; used when connector code answers
     * @param ownsConnector    whether this worker is to run the connector instance
     * @param ownsTask         whether this worker is to run the task
     * @param taskConfigWriter stores generated task configs that differ from the stored ones
     */
    public WorkerDriver(Worker worker, ConfigBackingStore configStore, StatusBackingStore statusStore,
                        StatusStoreListener statusListener, WorkerConfigTransformer transformer, Executor connectorCalls,
                        Consumer<Runnable> herderThread, Predicate<String> ownsConnector,
                        Predicate<ConnectorTaskId> ownsTask, TaskConfigWriter taskConfigWriter) {
        this.worker = Objects.requireNonNull(worker, "worker");
        this.configStore = configStore;
        this.statusStore = statusStore;
        this.statusListener = statusListener;
        this.transformer = transformer;
        this.connectorCalls = connectorCalls;
        this.herderThread = herderThread;
        this.ownsConnector = Objects.requireNonNull(ownsConnector, "ownsConnector");
        this.ownsTask = Objects.requireNonNull(ownsTask, "ownsTask");
        this.taskConfigWriter = Objects.requireNonNull(taskConfigWriter, "taskConfigWriter");
    }

    // ---- connectors ----

    /** Starts the connector in its stored target state; with STARTED, its task configs are generated once it runs. */
    public void startConnector(String connector) {
        long epoch = bumpEpoch(connector);
        ClusterConfigState state = configStore.snapshot();
        Map<String, String> stored = state.connectorConfig(connector);
        if (stored == null || !ownsConnector.test(connector)) {
            return;
        }
        TargetState target = state.targetState(connector);
        CompletableFuture<TargetState> started;
        try {
            Map<String, String> resolved = transformer.transform(connector, stored);
            startedWith.put(connector, stored);
            started = worker.startConnector(connector, resolved, statusListener, target,
                    () -> herderThread.accept(() -> regenerateTaskConfigs(connector)));
        } catch (ConnectException e) {
            if (statusStore.get(connector) == null || !worker.connectorNames().contains(connector)) {
                statusListener.onFailure(connector, e);
            }
            log.error("Connector {} could not be started: {}", connector, e.getMessage());
            return;
        }
        started.whenComplete((reached, error) -> {
            if (error != null) {
                log.error("Connector {} failed to start; see its status for the trace", connector);
            } else if (reached == TargetState.STARTED) {
                herderThread.accept(() -> regenerateTaskConfigs(connector, epoch));
            }
        });
    }

    /** Stops the connector instance (not its tasks) if the worker holds it. */
    public void stopConnector(String connector) {
        bumpEpoch(connector);
        startedWith.remove(connector);
        if (worker.connectorNames().contains(connector)) {
            worker.stopAndAwaitConnector(connector);
        }
    }

    /** Replaces the connector instance with a fresh one, e.g. after a config change or on a restart request. */
    public void restartConnector(String connector) {
        Map<String, String> before = startedWith.get(connector);
        Map<String, String> now = configStore.snapshot().connectorConfig(connector);
        stopConnector(connector);
        if (before != null && now != null
                && !TaskConfigs.frameworkView(before).equals(TaskConfigs.frameworkView(now))) {
            // Tasks on other workers only hear of a new connector config through a new task config generation.
            rewriteTaskConfigs.add(connector);
        }
        startConnector(connector);
    }

    /**
     * Moves the connector to its stored target state: a running instance transitions; a failed one stays failed
     * (a restart recovers it) unless it is to be STOPPED; a missing one is started.
     */
    public void applyTargetState(String connector) {
        TargetState target = configStore.snapshot().targetState(connector);
        if (target == TargetState.STOPPED) {
            stopTasks(tasksOf(connector), true);
            bumpEpoch(connector);
        }
        if (!ownsConnector.test(connector)) {
            if (target != TargetState.STOPPED && !tasksOf(connector).isEmpty()) {
                worker.setTargetState(connector, target); // moves the tasks here; the connector runs elsewhere
            }
            return;
        }
        boolean held = worker.connectorNames().contains(connector);
        if (held && worker.isRunning(connector)) {
            long epoch = epochs.getOrDefault(connector, 0L);
            worker.setTargetState(connector, target).whenComplete((reached, error) -> {
                if (error != null) {
                    log.warn("Connector {} could not be moved to {}: {}", connector, target, error.getMessage());
                } else if (reached == TargetState.STARTED) {
                    herderThread.accept(() -> regenerateTaskConfigs(connector, epoch));
                }
            });
        } else if (!held || target == TargetState.STOPPED) {
            restartConnector(connector);
        } else {
            log.info("Connector {} is FAILED; it stays so in target state {} until it is restarted", connector, target);
        }
    }

    /** Stops the connector and its tasks and forgets them; statuses are removed. */
    public void deleteConnector(String connector) {
        Set<ConnectorTaskId> tasks = tasksOf(connector);
        stopTasks(tasks, false);
        boolean owned = ownsConnector.test(connector) || worker.connectorNames().contains(connector);
        stopConnector(connector); // bumps the epoch: a re-created connector of the same name ignores late answers
        if (owned) {
            statusListener.onDeletion(connector);
        } else {
            tasks.forEach(statusListener::onDeletion);
        }
    }

    /** The stored config the connector instance here was started with; null if none runs here. */
    public Map<String, String> startedWith(String connector) {
        return startedWith.get(connector);
    }

    // ---- task configs ----

    /** Asks the connector for task configs if it should have tasks now. */
    public void regenerateTaskConfigs(String connector) {
        regenerateTaskConfigs(connector, epochs.getOrDefault(connector, 0L));
    }

    private void regenerateTaskConfigs(String connector, long epoch) {
        ClusterConfigState state = configStore.snapshot();
        if (!state.contains(connector) || state.targetState(connector) != TargetState.STARTED
                || !worker.isRunning(connector) || epochs.getOrDefault(connector, 0L) != epoch) {
            return;
        }
        CompletableFuture.supplyAsync(() -> worker.connectorTaskConfigs(connector), connectorCalls)
                .whenComplete((configs, error) -> herderThread.accept(
                        () -> applyTaskConfigs(connector, epoch, configs, error)));
    }

    private void applyTaskConfigs(String connector, long epoch, List<Map<String, String>> generated, Throwable error) {
        if (epochs.getOrDefault(connector, 0L) != epoch) {
            log.debug("Dropping task configs of an earlier instance of connector {}", connector);
            return;
        }
        ClusterConfigState state = configStore.snapshot();
        if (!state.contains(connector) || state.targetState(connector) != TargetState.STARTED) {
            return;
        }
        Map<String, String> runningWith = startedWith.get(connector);
        if (runningWith != null && !runningWith.equals(state.connectorConfig(connector))) {
            log.debug("Dropping task configs of connector {}: its config changed meanwhile", connector);
            return;
        }
        if (error != null) {
            Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            log.error("Connector {} could not generate task configs: {}", connector, cause.getMessage());
            if (worker.isRunning(connector)) {
                statusListener.onFailure(connector, cause);
            }
            return;
        }
        List<Map<String, String>> toStore = TaskConfigs.withPlaceholders(state.connectorConfig(connector), generated);
        if (rewriteTaskConfigs.remove(connector) || !toStore.equals(state.allTaskConfigs(connector))) {
            log.info("Connector {} has a new set of {} task config(s)", connector, toStore.size());
            if (!taskConfigWriter.write(connector, toStore)) {
                return;
            }
        }
        reconcileTasks(connector);
    }

    /**
     * Makes the tasks running here match the stored task configs: tasks beyond the stored count are stopped and
     * their statuses removed, tasks whose config (or the connector config they run with) changed are restarted,
     * missing ones are started; untouched tasks keep running.
     */
    public void reconcileTasks(String connector) {
        ClusterConfigState state = configStore.snapshot();
        List<ConnectorTaskId> wanted = state.targetState(connector) == TargetState.STOPPED ? List.of()
                : state.tasks(connector).stream().filter(ownsTask).toList();
        List<ConnectorTaskId> configured = state.tasks(connector);
        Map<String, String> view = state.contains(connector)
                ? TaskConfigs.frameworkView(state.connectorConfig(connector)) : Map.of();
        List<ConnectorTaskId> removed = new ArrayList<>();
        List<ConnectorTaskId> changed = new ArrayList<>();
        for (ConnectorTaskId id : tasksOf(connector)) {
            if (!wanted.contains(id)) {
                if (configured.contains(id) && state.targetState(connector) != TargetState.STOPPED) {
                    stopTasks(List.of(id), false); // still configured, but assigned elsewhere now
                } else {
                    removed.add(id);
                }
            } else {
                Applied before = applied.get(id);
                if (before == null || !before.taskConfig().equals(state.taskConfig(id))
                        || !before.connectorView().equals(view)) {
                    changed.add(id);
                }
            }
        }
        List<ConnectorTaskId> stopping = new ArrayList<>(removed);
        stopping.addAll(changed);
        stopTasks(stopping, false);
        removed.forEach(statusListener::onDeletion);
        for (ConnectorTaskId id : wanted) {
            if (!applied.containsKey(id)) {
                startTask(id);
            }
        }
    }

    // ---- tasks ----

    /** Starts one task with its stored config, placeholders resolved; failures become its FAILED status. */
    public void startTask(ConnectorTaskId id) {
        ClusterConfigState state = configStore.snapshot();
        Map<String, String> connectorConfig = state.connectorConfig(id.connector());
        Map<String, String> taskConfig = state.taskConfig(id);
        TargetState target = state.targetState(id.connector());
        if (connectorConfig == null || taskConfig == null || target == TargetState.STOPPED || !ownsTask.test(id)
                || applied.containsKey(id)) {
            return;
        }
        applied.put(id, new Applied(taskConfig, TaskConfigs.frameworkView(connectorConfig)));
        try {
            worker.startTask(id, transformer.transform(id.connector(), connectorConfig),
                    transformer.transform(id.connector(), taskConfig), statusListener, target);
        } catch (ConnectException e) {
            TaskStatus status = statusStore.get(id);
            if (status == null || status.state() != TaskStatus.State.FAILED) {
                statusListener.onFailure(id, e);
            }
            log.error("Task {} could not be started: {}", id, e.getMessage());
        }
    }

    /** Stops tasks together within the graceful timeout; with {@code removeStatuses} their statuses go too. */
    public void stopTasks(Collection<ConnectorTaskId> ids, boolean removeStatuses) {
        if (ids.isEmpty()) {
            return;
        }
        worker.stopAndAwaitTasks(ids);
        ids.forEach(applied::remove);
        if (removeStatuses) {
            ids.forEach(statusListener::onDeletion);
        }
    }

    /**
     * Every task of the connector this driver started, the worker holds, or that still has a status naming this
     * worker.
     */
    public Set<ConnectorTaskId> tasksOf(String connector) {
        Set<ConnectorTaskId> ids = new TreeSet<>();
        applied.keySet().stream().filter(id -> id.connector().equals(connector)).forEach(ids::add);
        worker.taskIds().stream().filter(id -> id.connector().equals(connector)).forEach(ids::add);
        statusStore.getAll(connector).stream().filter(status -> worker.workerId().equals(status.workerId()))
                .forEach(status -> ids.add(status.id()));
        return ids;
    }

    /** The tasks this driver started and has not stopped. */
    public Set<ConnectorTaskId> runningTasks() {
        return new TreeSet<>(applied.keySet());
    }

    /** Stops everything the worker runs: tasks first, then connectors. */
    public void stopAll() {
        epochs.replaceAll((connector, epoch) -> epoch + 1);
        startedWith.clear();
        worker.stopAndAwaitTasks(worker.taskIds());
        applied.clear();
        worker.stopAndAwaitConnectors(worker.connectorNames());
    }

    private long bumpEpoch(String connector) {
        return epochs.merge(connector, 1L, Long::sum);
    }
}
