package io.aqueduct.connect.runtime.distributed;

import io.aqueduct.connect.runtime.herder.ConnectorTaskId;

import java.security.SecureRandom;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.LongSupplier;

/**
 * What one worker brings to the group and what it got back, shared between the {@link WorkerGroupAssignor}
 * (which the consumer calls on the membership thread) and the {@link WorkerGroupMember} that owns them.
 *
 * <p>The work reported at each join is the last assignment plus everything revoked that the herder has not
 * confirmed stopped yet: until then no other worker may be given it.
 */
final class MemberState {

    /** An assignment as received from the group, waiting to be handed to the listener. */
    record Received(WorkerAssignment assignment, int generation, String memberId) {
    }

    private final long instanceId = new SecureRandom().nextLong();
    private final String workerUrl;
    private final AssignmentInputs inputs;
    private final long lostWorkDelayMs;
    private final LongSupplier clock;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();

    private Set<String> assignedConnectors = Set.of();
    private Set<ConnectorTaskId> assignedTasks = Set.of();
    private final Set<String> unstoppedConnectors = new TreeSet<>();
    private final Set<ConnectorTaskId> unstoppedTasks = new TreeSet<>();
    private int generation = -1;
    private boolean leaving;
    private boolean leavingAnnounced;
    private boolean leaveAcknowledged;

    MemberState(String workerUrl, AssignmentInputs inputs, long lostWorkDelayMs, LongSupplier clock) {
        this.workerUrl = Objects.requireNonNull(workerUrl, "workerUrl");
        this.inputs = Objects.requireNonNull(inputs, "inputs");
        this.lostWorkDelayMs = lostWorkDelayMs;
        this.clock = clock;
    }

    long instanceId() {
        return instanceId;
    }

    String workerUrl() {
        return workerUrl;
    }

    long lostWorkDelayMs() {
        return lostWorkDelayMs;
    }

    long nowMs() {
        return clock.getAsLong();
    }

    ConfigSnapshot config() {
        ConfigSnapshot snapshot = inputs.current();
        return snapshot == null ? ConfigSnapshot.EMPTY : snapshot;
    }

    synchronized WorkerMetadata metadata() {
        if (leaving) { // the herder stopped everything before it asked to leave
            leavingAnnounced = true;
            return new WorkerMetadata(instanceId, workerUrl, config().offset(), generation, Set.of(), Set.of(), true);
        }
        Set<String> connectors = new TreeSet<>(assignedConnectors);
        connectors.addAll(unstoppedConnectors);
        Set<ConnectorTaskId> tasks = new TreeSet<>(assignedTasks);
        tasks.addAll(unstoppedTasks);
        return new WorkerMetadata(instanceId, workerUrl, config().offset(), generation, connectors, tasks);
    }

    /** Records an assignment from the group (on the membership thread, inside the consumer's poll). */
    synchronized void assigned(WorkerAssignment assignment, int generation, String memberId) {
        if (!assignment.failed()) {
            assignedConnectors = assignment.connectors();
            assignedTasks = assignment.tasks();
            unstoppedConnectors.addAll(assignment.revokedConnectors());
            unstoppedTasks.addAll(assignment.revokedTasks());
            this.generation = generation;
            if (leavingAnnounced) {
                leaveAcknowledged = true;
            }
        }
        received.add(new Received(assignment, generation, memberId));
    }

    /** Whether revoked work is still waiting for the herder to confirm it stopped. */
    synchronized boolean hasUnstopped() {
        return !unstoppedConnectors.isEmpty() || !unstoppedTasks.isEmpty();
    }

    synchronized void revocationCompleted(Collection<String> connectors, Collection<ConnectorTaskId> tasks) {
        unstoppedConnectors.removeAll(connectors);
        unstoppedTasks.removeAll(tasks);
    }

    /**
     * From now on this worker joins as leaving, with no work: the herder has stopped everything. The leader hands
     * the work over at the next rebalance instead of holding it for a return as it would after a crash.
     */
    synchronized void beginLeaving() {
        leaving = true;
    }

    /** Whether a rebalance completed after this worker announced it was leaving: its work has been handed over. */
    synchronized boolean leaveAcknowledged() {
        return leaveAcknowledged;
    }

    Received nextReceived() {
        return received.poll();
    }
}
