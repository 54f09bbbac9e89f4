package io.aqueduct.connect.runtime.distributed;

import io.aqueduct.connect.runtime.herder.ConnectorTaskId;

import java.util.Set;

/**
 * Receives the outcome of every rebalance of the worker group. Both methods are called on the membership
 * thread, which heartbeats for this worker: they must return quickly (hand the work to the herder's own
 * thread) and never block, or the worker drops out of the group.
 */
public interface WorkerRebalanceListener {

    /**
     * This worker must stop the given connectors and tasks; called before {@link #onAssigned} of the same
     * rebalance whenever it revokes something. Once they are stopped the herder calls
     * {@link WorkerGroupMember#revocationCompleted}, which lets the leader give them to another worker; until
     * then the group still counts them as running here, so nobody else starts them.
     */
    void onRevoked(String leaderUrl, Set<String> connectors, Set<ConnectorTaskId> tasks);

    /**
     * A rebalance completed. On {@link WorkerAssignment.Error#NONE} the herder reads the config topic to at least
     * {@link WorkerAssignment#configOffset()}, then runs exactly {@link WorkerAssignment#connectors()} and
     * {@link WorkerAssignment#tasks()} (starting those it does not run yet). On an error it keeps running what it
     * runs, reads the config topic to {@link WorkerAssignment#configOffset()} and calls
     * {@link WorkerGroupMember#requestRejoin}.
     *
     * @param generation the group generation this assignment belongs to
     */
    void onAssigned(WorkerAssignment assignment, int generation);
}
