package io.aqueduct.connect.runtime.distributed;

import io.aqueduct.connect.runtime.config.DistributedConfig;
import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import io.aqueduct.connect.runtime.herder.WorkerDriver;
import io.aqueduct.connect.runtime.storage.KafkaConfigBackingStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeoutException;

/**
 * Applies the outcome of a rebalance on the herder thread: stops revoked work and tells the group, or catches up
 * with the config topic and runs exactly what was assigned. Work that stays is never touched.
 */
final class RebalanceHandler {

    private static final Logger log = LoggerFactory.getLogger(RebalanceHandler.class);

    private final DistributedHerder herder;
    private final WorkerDriver driver;

    RebalanceHandler(DistributedHerder herder, WorkerDriver driver) {
        this.herder = herder;
        this.driver = driver;
    }

    void revoke(Set<String> connectors, Set<ConnectorTaskId> tasks) {
        if (!herder.assignments().stopping()) {
            log.info("Worker {} stops revoked connectors {} and tasks {}", herder.workerUrl(), connectors, tasks);
            driver.stopTasks(tasks, false);
            connectors.forEach(driver::stopConnector);
        }
        herder.assignments().revoked(connectors, tasks);
        herder.member().revocationCompleted(connectors, tasks);
    }

    void assign(WorkerAssignment assignment, int generation) {
        Assignments assignments = herder.assignments();
        if (assignments.stopping()) {
            return;
        }
        WorkerGroupMember member = herder.member();
        if (assignment.failed()) {
            log.info("Rebalance of generation {} gave no assignment ({}); reading the config topic to offset {} and "
                    + "rejoining", generation, assignment.error(), assignment.configOffset());
            catchUp(assignment.configOffset());
            member.requestRejoin();
            return;
        }
        if (!catchUp(assignment.configOffset())) {
            member.requestRejoin();
            return;
        }
        stopWhatIsNotAssigned(assignment);
        assignments.assigned(assignment.connectors(), assignment.tasks());
        for (String connector : assignment.connectors()) {
            if (driver.startedWith(connector) == null && !herder.worker().connectorNames().contains(connector)) {
                driver.startConnector(connector);
            }
        }
        assignment.tasks().forEach(driver::startTask);
        herder.sessionKeys().ensureFresh(herder::isLeader);
        assignments.settled();
        log.info("Worker {} runs generation {}: connectors {}, tasks {}{}", herder.workerUrl(), generation,
                assignment.connectors(), assignment.tasks(), herder.isLeader() ? " (leader)" : "");
        herder.rebalanceIfWorkChanged();
    }

    /** Anything running here that the assignment does not name (normally nothing: revocations come first). */
    private void stopWhatIsNotAssigned(WorkerAssignment assignment) {
        Set<ConnectorTaskId> strayTasks = new TreeSet<>(driver.runningTasks());
        strayTasks.addAll(herder.worker().taskIds());
        strayTasks.removeAll(assignment.tasks());
        Set<String> strayConnectors = new TreeSet<>(herder.worker().connectorNames());
        strayConnectors.removeAll(assignment.connectors());
        if (!strayTasks.isEmpty() || !strayConnectors.isEmpty()) {
            log.warn("Worker {} stops connectors {} and tasks {} that its assignment no longer names",
                    herder.workerUrl(), strayConnectors, strayTasks);
            driver.stopTasks(strayTasks, false);
            strayConnectors.forEach(driver::stopConnector);
        }
    }

    /** Reads the config topic until at least {@code offset}, for at most {@code worker.sync.timeout.ms}. */
    private boolean catchUp(long offset) {
        KafkaConfigBackingStore store = herder.configStore();
        if (store.snapshot().offset() >= offset) {
            return true;
        }
        long timeoutMs = Math.max(1_000, herder.config().getInt(DistributedConfig.WORKER_SYNC_TIMEOUT_MS_CONFIG));
        try {
            store.refresh(Duration.ofMillis(timeoutMs));
        } catch (TimeoutException e) {
            log.warn("Worker {} could not read the config topic to offset {} within {} ms", herder.workerUrl(),
                    offset, timeoutMs);
        }
        return store.snapshot().offset() >= offset;
    }
}
