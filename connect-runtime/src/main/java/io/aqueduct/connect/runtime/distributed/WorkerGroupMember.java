package io.aqueduct.connect.runtime.distributed;

import io.aqueduct.connect.runtime.config.DistributedConfig;
import io.aqueduct.connect.runtime.config.WorkerConfig;
import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * This worker's membership of the worker group ({@code group.id}): joins the Kafka consumer group, takes part
 * in every rebalance and reports each outcome to a {@link WorkerRebalanceListener}.
 *
 * <p>One membership thread owns the group's consumer and polls it every {@value #POLL_MS} ms, which keeps
 * heartbeats and rebalances moving whatever the herder does. The consumer subscribes to a pattern no topic
 * can match: a group member needs a subscription, but this one never has a partition to fetch or commit (a
 * real topic would only make the consumer warn at every rebalance that it was left unassigned).
 *
 * <p>Incremental cooperative protocol, as the herder sees it:
 * <ol>
 *   <li>{@link WorkerRebalanceListener#onRevoked} (if anything is revoked), then
 *       {@link WorkerRebalanceListener#onAssigned}, on the membership thread;</li>
 *   <li>the herder stops the revoked work and calls {@link #revocationCompleted}, which rejoins so the leader
 *       can give that work to another worker. Until then this member does not join any rebalance (it only
 *       heartbeats), so the next round never sees work as still running that is about to stop. When the leader
 *       marks the round as needing a follow-up, members without revocations rejoin at once, and that round
 *       completes as soon as the last revoking member stopped its work, instead of a heartbeat later;</li>
 *   <li>the herder starts what it was assigned; when its config snapshot changes it calls {@link #requestRejoin}.</li>
 * </ol>
 * All public methods are thread-safe and return without waiting for the group, except {@link #close}.
 */
public final class WorkerGroupMember implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WorkerGroupMember.class);
    static final int POLL_MS = 100;
    private static final Duration LEAVE_TIMEOUT = Duration.ofSeconds(5);
    private static final long ERROR_BACKOFF_MS = 1_000;
    private static final AtomicInteger CLIENT_IDS = new AtomicInteger();

    /** Topic names are never empty, so this subscription joins the group without ever matching a topic. */
    private static final Pattern NO_TOPIC = Pattern.compile("^$");

    private final String groupId;
    private final MemberState state;
    private final WorkerRebalanceListener listener;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicBoolean rejoinRequested = new AtomicBoolean();
    private volatile boolean stopping;
    private volatile boolean leaveOnStop = true;
    private volatile long rejoinAtMs = Long.MAX_VALUE;
    private final long handOverTimeoutMs;
    private volatile long handOverDeadlineMs = Long.MAX_VALUE;
    private final long revocationHoldMs;
    private volatile long revocationHoldUntilMs;
    private final Object revocationSignal = new Object();

    private volatile WorkerAssignment assignment;
    private volatile String memberId;
    private volatile int generation = -1;

    /**
     * @param config    the worker's settings: bootstrap servers, security, {@code group.id} and group timings
     * @param workerUrl this worker's advertised REST URL, given to the leader and by the leader to the others
     * @param inputs    the herder's config snapshot
     * @param listener  receives every rebalance outcome, on the membership thread
     */
    public WorkerGroupMember(DistributedConfig config, String workerUrl, AssignmentInputs inputs,
                             WorkerRebalanceListener listener) {
        this.groupId = config.groupId();
        this.listener = Objects.requireNonNull(listener, "listener");
        this.state = new MemberState(workerUrl, inputs, config.lostWorkDelayMs(), System::currentTimeMillis);
        this.consumer = new KafkaConsumer<>(consumerConfigs(config, state));
        this.handOverTimeoutMs = config.getLong(WorkerConfig.TASK_SHUTDOWN_GRACEFUL_TIMEOUT_MS_CONFIG);
        // The herder stops revoked tasks, then connectors, each within the graceful timeout; never come near the
        // rebalance timeout, after which the coordinator would drop this member.
        this.revocationHoldMs = Math.min(2 * handOverTimeoutMs + 1_000, config.rebalanceTimeoutMs() / 2);
        this.thread = new Thread(this::run, "worker-group-" + groupId + "-" + CLIENT_IDS.get());
        this.thread.setDaemon(true);
    }

    private static Map<String, Object> consumerConfigs(DistributedConfig config, MemberState state) {
        Map<String, Object> props = config.commonClientConfigs();
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, config.groupId() + "-member-" + CLIENT_IDS.incrementAndGet());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        props.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, config.sessionTimeoutMs());
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, config.membershipHeartbeatIntervalMs());
        // The classic protocol uses the poll interval as the rebalance timeout; polling never pauses here.
        props.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, config.rebalanceTimeoutMs());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, WorkerGroupAssignor.class.getName());
        props.put(WorkerGroupAssignor.MEMBER_STATE_CONFIG, state);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return props;
    }

    /** Starts the membership thread, which joins the group. Call once. */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("The worker group member of " + state.workerUrl() + " was already started");
        }
        thread.start();
    }

    /** Whether this worker led the latest completed rebalance. */
    public boolean isLeader() {
        WorkerAssignment current = assignment;
        return current != null && current.leaderId() != null && current.leaderId().equals(memberId);
    }

    /** The REST URL of the leader of the latest completed rebalance; null before the first one. */
    public String leaderUrl() {
        WorkerAssignment current = assignment;
        return current == null ? null : current.leaderUrl();
    }

    /** This worker's member id in the group; null before the first completed rebalance. */
    public String memberId() {
        return memberId;
    }

    /** The generation of the latest completed rebalance; -1 before the first one. */
    public int generation() {
        return generation;
    }

    /** The latest assignment received (possibly an error); null before the first one. */
    public WorkerAssignment assignment() {
        return assignment;
    }

    /** The REST URL this worker advertises to the group. */
    public String workerUrl() {
        return state.workerUrl();
    }

    /**
     * Asks for a new rebalance, e.g. after the config topic changed or after catching up on a
     * {@link WorkerAssignment.Error#CONFIG_MISMATCH}. Returns at once; the outcome arrives at the listener.
     */
    public void requestRejoin() {
        rejoinRequested.set(true);
    }

    /**
     * The herder stopped these revoked connectors and tasks: stop reporting them as running here, and rejoin so
     * the leader can give them to another worker.
     */
    public void revocationCompleted(Collection<String> connectors, Collection<ConnectorTaskId> tasks) {
        state.revocationCompleted(connectors, tasks);
        requestRejoin();
        synchronized (revocationSignal) {
            revocationSignal.notifyAll();
        }
    }

    /**
     * Hands this worker's work over and leaves the group, then stops the membership thread. The herder stops its
     * work first. Idempotent.
     *
     * <p>Leaving is deliberate, so the work must not wait for {@code scheduled.rebalance.max.delay.ms} as the
     * work of a crashed worker does: the member first rejoins announcing that it is leaving and running nothing,
     * the leader gives its work to the others in that round, and only then does it send LeaveGroup. That round
     * may take at most {@code task.shutdown.graceful.timeout.ms} (a peer that died without leaving can stall it
     * up to the rebalance timeout); after that the member leaves anyway. The LeaveGroup itself waits a few
     * seconds at most.
     */
    @Override
    public void close() {
        stop(true);
    }

    /** Test hook: stops heartbeating without leaving, as if the process had been killed. */
    void abandon() {
        stop(false);
    }

    private void stop(boolean leave) {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        leaveOnStop = leave;
        if (!started.get()) {
            stopping = true;
            closeConsumer();
            return;
        }
        long handOverMs = 0;
        if (leave) {
            handOverMs = handOverTimeoutMs;
            state.beginLeaving();
            handOverDeadlineMs = state.nowMs() + handOverMs;
            requestRejoin();
        } else {
            stopping = true;
            consumer.wakeup();
        }
        try {
            thread.join(handOverMs + LEAVE_TIMEOUT.toMillis() + 2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.warn("The worker group thread of {} did not stop in time", state.workerUrl());
        }
    }

    private void run() {
        try {
            consumer.subscribe(NO_TOPIC);
            while (!stopping && !handedOver()) {
                pollOnce();
                deliverAssignments();
            }
        } catch (RuntimeException | Error e) {
            log.error("The worker group thread of {} failed; this worker is out of group {}", state.workerUrl(), groupId, e);
        } finally {
            closeConsumer();
        }
    }

    private void pollOnce() {
        if (awaitingRevocation()) {
            return;
        }
        try {
            if (rejoinRequested.getAndSet(false)) {
                consumer.enforceRebalance("requested by the herder");
            } else if (state.nowMs() >= rejoinAtMs) {
                rejoinAtMs = Long.MAX_VALUE;
                consumer.enforceRebalance("held lost work is due for reassignment");
            }
            ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(POLL_MS));
            if (!records.isEmpty()) {
                log.warn("The worker group consumer fetched {} records, which it never should; ignoring them",
                        records.count());
            }
        } catch (WakeupException e) {
            // close() or abandon() woke us up; the loop condition ends the thread
        } catch (RuntimeException e) { // KafkaException, or a malformed message from another member
            if (stopping) {
                return;
            }
            log.error("Worker group {} membership of {} failed; retrying in {} ms", groupId, state.workerUrl(),
                    ERROR_BACKOFF_MS, e);
            sleepQuietly(ERROR_BACKOFF_MS);
        }
    }

    /**
     * Whether to skip polling for now: revoked work is still stopping, and joining a round before it stopped would
     * only report it as running and need one more round. Heartbeats go on meanwhile on the consumer's own thread.
     */
    private boolean awaitingRevocation() {
        if (handOverDeadlineMs != Long.MAX_VALUE || !state.hasUnstopped() || state.nowMs() >= revocationHoldUntilMs) {
            return false;
        }
        synchronized (revocationSignal) {
            try {
                revocationSignal.wait(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return state.hasUnstopped() && state.nowMs() < revocationHoldUntilMs;
    }

    /** While leaving: whether the leader gave this worker's work to the others, or it is time to leave anyway. */
    private boolean handedOver() {
        if (handOverDeadlineMs == Long.MAX_VALUE) {
            return false;
        }
        if (state.leaveAcknowledged()) {
            log.info("Worker {} handed its work over; leaving group {}", state.workerUrl(), groupId);
            return true;
        }
        if (state.nowMs() >= handOverDeadlineMs) {
            log.warn("Worker {} could not hand its work over within {} ms ({}); leaving group {} anyway, so its work"
                    + " may wait for {}", state.workerUrl(), handOverTimeoutMs,
                    WorkerConfig.TASK_SHUTDOWN_GRACEFUL_TIMEOUT_MS_CONFIG, groupId,
                    DistributedConfig.SCHEDULED_REBALANCE_MAX_DELAY_MS_CONFIG);
            return true;
        }
        return false;
    }

    private void deliverAssignments() {
        for (MemberState.Received received; (received = state.nextReceived()) != null; ) {
            WorkerAssignment a = received.assignment();
            memberId = received.memberId();
            generation = received.generation();
            assignment = a;
            if (!a.failed()) { // only the leader keeps the time; a later round without held work cancels it
                rejoinAtMs = a.delayMs() > 0 && isLeader() ? state.nowMs() + a.delayMs() : Long.MAX_VALUE;
            }
            log.info("Worker {} got generation {} from leader {}: {}", state.workerUrl(), received.generation(),
                    a.leaderUrl(), a);
            if (!a.failed() && a.revokesAnything()) {
                revocationHoldUntilMs = state.nowMs() + revocationHoldMs;
            } else if (!a.failed() && a.followUp() && handOverDeadlineMs == Long.MAX_VALUE) {
                requestRejoin(); // another member stops work meant for the rest of us: be in the next round at once
            }
            try {
                if (!a.failed() && a.revokesAnything()) {
                    listener.onRevoked(a.leaderUrl(), a.revokedConnectors(), a.revokedTasks());
                }
                listener.onAssigned(a, received.generation());
            } catch (RuntimeException e) {
                log.error("The rebalance listener of {} failed on generation {}", state.workerUrl(),
                        received.generation(), e);
            }
        }
    }

    private void closeConsumer() {
        GroupMembershipOperation operation = leaveOnStop ? GroupMembershipOperation.LEAVE_GROUP
                : GroupMembershipOperation.REMAIN_IN_GROUP;
        try {
            consumer.close(CloseOptions.groupMembershipOperation(operation)
                    .withTimeout(leaveOnStop ? LEAVE_TIMEOUT : Duration.ZERO));
        } catch (RuntimeException e) {
            log.warn("Closing the worker group consumer of {} failed", state.workerUrl(), e);
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
