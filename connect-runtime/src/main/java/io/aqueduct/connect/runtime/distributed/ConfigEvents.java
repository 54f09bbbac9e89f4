package io.aqueduct.connect.runtime.distributed;

import io.aqueduct.connect.errors.NotFoundException;
import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import io.aqueduct.connect.runtime.herder.RestartPlan;
import io.aqueduct.connect.runtime.herder.RestartRequest;
import io.aqueduct.connect.runtime.herder.WorkerDriver;
import io.aqueduct.connect.runtime.rest.Loggers;
import io.aqueduct.connect.runtime.status.AbstractStatus.State;
import io.aqueduct.connect.runtime.status.ConnectorStatus;
import io.aqueduct.connect.runtime.status.TaskStatus;
import io.aqueduct.connect.runtime.storage.ConfigBackingStore;
import io.aqueduct.connect.runtime.storage.SessionKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns every change read from the config topic (on the store's reader thread) into work on the herder thread,
 * where each worker applies it to what it owns. Logger levels are applied at once: that runs no connector code.
 */
final class ConfigEvents implements ConfigBackingStore.UpdateListener {

    private static final Logger log = LoggerFactory.getLogger(ConfigEvents.class);

    private final DistributedHerder herder;
    private final WorkerDriver driver;
    private final HerderThread thread;
    private final Loggers loggers = Loggers.forCurrentBackend();

    ConfigEvents(DistributedHerder herder, WorkerDriver driver, HerderThread thread) {
        this.herder = herder;
        this.driver = driver;
        this.thread = thread;
    }

    @Override
    public void onConnectorConfigUpdate(String connector) {
        thread.post("applying the new config of connector '" + connector + "'", () -> {
            Map<String, String> current = herder.configStore().snapshot().connectorConfig(connector);
            if (current != null && herder.assignments().ownsConnector(connector)) {
                Map<String, String> running = driver.startedWith(connector);
                if (running == null) {
                    driver.startConnector(connector);
                } else if (!running.equals(current)) {
                    log.info("Config of connector {} changed; restarting it", connector);
                    driver.restartConnector(connector);
                }
            }
            herder.rebalanceIfWorkChanged();
        });
    }

    @Override
    public void onConnectorConfigRemove(String connector) {
        thread.post("removing connector '" + connector + "'", () -> {
            driver.deleteConnector(connector);
            herder.rebalanceIfWorkChanged();
        });
    }

    @Override
    public void onTaskConfigUpdate(Collection<ConnectorTaskId> tasks) {
        Set<String> connectors = new TreeSet<>();
        tasks.forEach(task -> connectors.add(task.connector()));
        thread.post("applying new task configs of " + connectors, () -> {
            connectors.forEach(driver::reconcileTasks);
            herder.rebalanceIfWorkChanged();
        });
    }

    @Override
    public void onConnectorTargetStateChange(String connector) {
        thread.post("applying the target state of connector '" + connector + "'", () -> {
            if (herder.configStore().snapshot().contains(connector)) {
                driver.applyTargetState(connector);
            }
        });
    }

    @Override
    public void onRestartRequest(RestartRequest request) {
        thread.post("restarting connector '" + request.connectorName() + "' as requested", () -> restart(request));
    }

    @Override
    public void onLoggingLevelUpdate(String namespace, String level) {
        try {
            loggers.setLevel(namespace, level);
            log.info("Logger {} set to {} for the whole cluster", namespace, level);
        } catch (RuntimeException e) {
            log.warn("Could not apply the cluster-wide level {} of logger {}: {}", level, namespace, e.getMessage());
        }
    }

    @Override
    public void onSessionKeyUpdate(SessionKey sessionKey) {
        thread.post("scheduling the next session key", () -> herder.sessionKeys().ensureFresh(herder::isLeader));
    }

    /** Restarts what the request selects among the work of this worker, marking each RESTARTING first. */
    private void restart(RestartRequest request) {
        String connector = request.connectorName();
        if (!herder.configStore().snapshot().contains(connector)) {
            return;
        }
        RestartPlan plan;
        try {
            plan = RestartPlan.of(request, herder.connectorStatus(connector));
        } catch (NotFoundException e) {
            return;
        }
        Assignments assignments = herder.assignments();
        Set<ConnectorTaskId> tasks = new TreeSet<>(plan.tasks());
        tasks.removeIf(task -> !assignments.ownsTask(task));
        boolean restartConnector = plan.restartConnector() && assignments.ownsConnector(connector);
        if (!restartConnector && tasks.isEmpty()) {
            return;
        }
        log.info("Restarting as requested: connector {} {}, tasks {}", connector, restartConnector ? "yes" : "no", tasks);
        driver.stopTasks(tasks, false);
        if (restartConnector) {
            driver.stopConnector(connector);
            markRestarting(connector);
        }
        tasks.forEach(this::markRestarting);
        if (restartConnector) {
            driver.startConnector(connector);
        }
        tasks.forEach(driver::startTask);
    }

    private void markRestarting(String connector) {
        ConnectorStatus status = herder.statusStore().get(connector);
        herder.statusStore().put(new ConnectorStatus(connector, State.RESTARTING, herder.worker().workerId(),
                herder.generation(), null, status == null ? null : status.version()));
    }

    private void markRestarting(ConnectorTaskId id) {
        TaskStatus status = herder.statusStore().get(id);
        herder.statusStore().put(new TaskStatus(id, State.RESTARTING, herder.worker().workerId(),
                herder.generation(), null, status == null ? null : status.version()));
    }
}
