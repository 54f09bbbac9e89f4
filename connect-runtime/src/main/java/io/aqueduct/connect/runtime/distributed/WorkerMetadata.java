package io.aqueduct.connect.runtime.distributed;

import io.aqueduct.connect.runtime.herder.ConnectorTaskId;

import java.util.Set;

/**
 * What a worker tells the group when it joins.
 *
 * @param instanceId   random per member object, so the leader can find its own entry among the members
 * @param workerUrl    the worker's REST URL; also identifies a worker that rejoins under a new member id
 * @param configOffset the config topic offset the worker has read to
 * @param generation   the generation of the assignment the worker owns its work from; -1 for none
 * @param connectors   connectors the worker runs now (including revoked ones it has not stopped yet)
 * @param tasks        tasks the worker runs now (including revoked ones it has not stopped yet)
 * @param leaving      the worker is shutting down gracefully: give it nothing and hand its work over at once
 */
record WorkerMetadata(long instanceId, String workerUrl, long configOffset, int generation,
                      Set<String> connectors, Set<ConnectorTaskId> tasks, boolean leaving) {

    WorkerMetadata {
        connectors = ConfigSnapshot.sorted(connectors);
        tasks = ConfigSnapshot.sorted(tasks);
    }

    WorkerMetadata(long instanceId, String workerUrl, long configOffset, int generation,
                   Set<String> connectors, Set<ConnectorTaskId> tasks) {
        this(instanceId, workerUrl, configOffset, generation, connectors, tasks, false);
    }
}
