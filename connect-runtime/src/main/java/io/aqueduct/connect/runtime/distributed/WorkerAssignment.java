package io.aqueduct.connect.runtime.distributed;

import io.aqueduct.connect.runtime.herder.ConnectorTaskId;

import java.util.Objects;
import java.util.Set;

/**
 * One worker's share of the work, as computed by the group leader in one rebalance.
 *
 * @param error             {@link Error#NONE}, or why the leader could not compute an assignment
 * @param leaderId          the group member id of the leader
 * @param leaderUrl         the leader's REST URL, where followers forward writes
 * @param configOffset      the config topic offset the leader used; read to at least this offset before acting
 * @param connectors        every connector this worker runs after the rebalance (kept and newly assigned)
 * @param tasks             every task this worker runs after the rebalance (kept and newly assigned)
 * @param revokedConnectors connectors this worker must stop; not part of {@code connectors}
 * @param revokedTasks      tasks this worker must stop; not part of {@code tasks}
 * @param delayMs           when positive, the leader holds back lost work and rebalances again after this long
 * @param followUp          the leader revoked work in this round that other members get only in the next one;
 *                          members rejoin at once (those with revocations as soon as they stopped them), so that
 *                          round does not wait for heartbeats
 */
public record WorkerAssignment(Error error, String leaderId, String leaderUrl, long configOffset,
                               Set<String> connectors, Set<ConnectorTaskId> tasks,
                               Set<String> revokedConnectors, Set<ConnectorTaskId> revokedTasks, long delayMs,
                               boolean followUp) {

    /** Why a rebalance produced no usable assignment. Codes are part of the wire format. */
    public enum Error {
        /** The assignment is valid. */
        NONE(0),
        /**
         * The leader's config snapshot was behind a member's; nothing was assigned. Every worker reads the config
         * topic to {@link #configOffset()} and rejoins.
         */
        CONFIG_MISMATCH(1),
        /** A code this worker does not know, from a newer leader: treated like {@link #CONFIG_MISMATCH}. */
        UNKNOWN(-1);

        private final short code;

        Error(int code) {
            this.code = (short) code;
        }

        short code() {
            return code;
        }

        static Error fromCode(short code) {
            for (Error e : values()) {
                if (e.code == code && e != UNKNOWN) {
                    return e;
                }
            }
            return UNKNOWN;
        }
    }

    public WorkerAssignment {
        Objects.requireNonNull(error, "error");
        connectors = ConfigSnapshot.sorted(connectors);
        tasks = ConfigSnapshot.sorted(tasks);
        revokedConnectors = ConfigSnapshot.sorted(revokedConnectors);
        revokedTasks = ConfigSnapshot.sorted(revokedTasks);
    }

    /** An assignment without a follow-up round. */
    public WorkerAssignment(Error error, String leaderId, String leaderUrl, long configOffset,
                            Set<String> connectors, Set<ConnectorTaskId> tasks,
                            Set<String> revokedConnectors, Set<ConnectorTaskId> revokedTasks, long delayMs) {
        this(error, leaderId, leaderUrl, configOffset, connectors, tasks, revokedConnectors, revokedTasks, delayMs,
                false);
    }

    /** An assignment that carries only an error: the member keeps what it runs. */
    static WorkerAssignment failed(Error error, String leaderId, String leaderUrl, long configOffset) {
        return new WorkerAssignment(error, leaderId, leaderUrl, configOffset, Set.of(), Set.of(), Set.of(), Set.of(), 0);
    }

    public boolean failed() {
        return error != Error.NONE;
    }

    public boolean revokesAnything() {
        return !revokedConnectors.isEmpty() || !revokedTasks.isEmpty();
    }
}
