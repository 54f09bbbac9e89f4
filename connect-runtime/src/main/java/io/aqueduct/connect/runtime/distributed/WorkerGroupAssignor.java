package io.aqueduct.connect.runtime.distributed;

import io.aqueduct.connect.runtime.distributed.IncrementalCooperativeAssignor.Held;
import io.aqueduct.connect.runtime.distributed.IncrementalCooperativeAssignor.Member;
import io.aqueduct.connect.runtime.distributed.IncrementalCooperativeAssignor.Share;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Configurable;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Plugs the worker group's protocol into Kafka's classic consumer group: each join carries this worker's
 * {@link WorkerMetadata}; on the elected leader {@link #assign} turns every member's metadata into a
 * {@link WorkerAssignment} each, carried as assignment user data with no partitions.
 *
 * <p>Internal: public only because the consumer instantiates it by class name (through
 * {@code partition.assignment.strategy}) and then hands it its {@link MemberState} through
 * {@link #MEMBER_STATE_CONFIG}. All methods run on the membership thread.
 */
public final class WorkerGroupAssignor implements ConsumerPartitionAssignor, Configurable {

    private static final Logger log = LoggerFactory.getLogger(WorkerGroupAssignor.class);

    /** The protocol name members agree on; the coordinator refuses members of the group offering no common one. */
    static final String PROTOCOL_NAME = "aqueduct-incremental";
    static final String MEMBER_STATE_CONFIG = "aqueduct.worker.group.member.state";

    private MemberState member;

    // The leader's memory of the last round it computed, valid only while that round is the group's latest.
    private Map<String, Member> lastRound = Map.of();
    private int lastRoundGeneration = -1;
    private Map<String, Held> held = Map.of();
    private Map<String, Member> pendingRound;
    private Map<String, Held> pendingHeld;

    public WorkerGroupAssignor() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
        Object state = configs.get(MEMBER_STATE_CONFIG);
        if (!(state instanceof MemberState memberState)) {
            throw new ConfigException(MEMBER_STATE_CONFIG, state,
                    "The worker group assignor only works inside a WorkerGroupMember, which sets this key");
        }
        this.member = memberState;
    }

    @Override
    public String name() {
        return PROTOCOL_NAME;
    }

    @Override
    public List<RebalanceProtocol> supportedProtocols() {
        return List.of(RebalanceProtocol.COOPERATIVE);
    }

    @Override
    public ByteBuffer subscriptionUserData(Set<String> topics) {
        return MembershipProtocol.encodeMetadata(member.metadata());
    }

    @Override
    public GroupAssignment assign(Cluster metadata, GroupSubscription groupSubscription) {
        Map<String, WorkerMetadata> members = new TreeMap<>();
        groupSubscription.groupSubscription().forEach((id, subscription) ->
                members.put(id, MembershipProtocol.decodeMetadata(subscription.userData())));
        String leaderId = members.entrySet().stream()
                .filter(e -> e.getValue().instanceId() == member.instanceId())
                .map(Map.Entry::getKey).findFirst().orElse(null);
        String leaderUrl = member.workerUrl();
        ConfigSnapshot config = member.config();
        warnAboutSharedUrls(members);

        // A leaving worker runs nothing more, so how far it read the config topic does not matter.
        long newestOffset = members.values().stream().filter(m -> !m.leaving())
                .mapToLong(WorkerMetadata::configOffset).max().orElse(-1);
        Map<String, WorkerAssignment> assignments = new TreeMap<>();
        if (config.offset() < newestOffset) {
            log.info("Leader {} has read the config topic to offset {} but a member has read to {}; asking every"
                    + " worker to catch up and rejoin", leaderUrl, config.offset(), newestOffset);
            members.keySet().forEach(id -> assignments.put(id, WorkerAssignment.failed(
                    WorkerAssignment.Error.CONFIG_MISMATCH, leaderId, leaderUrl, newestOffset)));
            pendingRound = null;
            return encode(assignments);
        }

        int newestGeneration = members.values().stream().mapToInt(WorkerMetadata::generation).max().orElse(-1);
        boolean memoryValid = newestGeneration >= 0 && newestGeneration == lastRoundGeneration;
        Map<String, Member> live = new TreeMap<>();
        members.forEach((id, m) -> live.put(id, new Member(m.workerUrl(), m.generation(), m.connectors(), m.tasks(),
                m.leaving())));
        Map<String, Member> departed = new TreeMap<>();
        if (memoryValid) {
            lastRound.forEach((id, m) -> {
                if (!live.containsKey(id)) {
                    departed.put(id, m);
                }
            });
        }
        IncrementalCooperativeAssignor.Result result = IncrementalCooperativeAssignor.assign(
                new IncrementalCooperativeAssignor.Input(live, config.connectors(), config.tasks(), departed,
                        memoryValid ? held : Map.of(), member.nowMs(), member.lostWorkDelayMs()));

        Map<String, Member> round = new HashMap<>();
        result.shares().forEach((id, share) -> {
            assignments.put(id, new WorkerAssignment(WorkerAssignment.Error.NONE, leaderId, leaderUrl,
                    config.offset(), share.connectors(), share.tasks(), share.revokedConnectors(),
                    share.revokedTasks(), result.delayMs(), result.followUp()));
            round.put(id, ownedAfter(members.get(id).workerUrl(), share));
        });
        Set<String> leaving = new TreeSet<>();
        members.forEach((id, m) -> {
            if (m.leaving()) {
                leaving.add(id);
            }
        });
        if (!leaving.isEmpty()) {
            log.info("Workers {} are leaving the group; their work goes to the others now", leaving);
        }
        if (!departed.isEmpty()) {
            log.info("Workers left the group since the last rebalance: {}; their work is {}", departed.keySet(),
                    member.lostWorkDelayMs() > 0 ? "held for up to " + member.lostWorkDelayMs() + " ms" : "reassigned now");
        }
        log.debug("Computed assignments for generation after {}: {}", newestGeneration, assignments);
        pendingRound = round;
        pendingHeld = result.held();
        return encode(assignments);
    }

    @Override
    public void onAssignment(Assignment assignment, ConsumerGroupMetadata metadata) {
        WorkerAssignment received = MembershipProtocol.decodeAssignment(assignment.userData());
        if (pendingRound != null && metadata.memberId().equals(received.leaderId())) {
            lastRound = pendingRound;
            held = pendingHeld;
            lastRoundGeneration = metadata.generationId();
        }
        pendingRound = null;
        pendingHeld = null;
        member.assigned(received, metadata.generationId(), metadata.memberId());
    }

    /** The member's work at the end of the round: what it keeps plus what it still has to stop. */
    private static Member ownedAfter(String workerUrl, Share share) {
        Set<String> connectors = new TreeSet<>(share.connectors());
        connectors.addAll(share.revokedConnectors());
        Set<io.aqueduct.connect.runtime.herder.ConnectorTaskId> tasks = new TreeSet<>(share.tasks());
        tasks.addAll(share.revokedTasks());
        return new Member(workerUrl, -1, connectors, tasks);
    }

    private static GroupAssignment encode(Map<String, WorkerAssignment> assignments) {
        Map<String, Assignment> encoded = new HashMap<>();
        assignments.forEach((id, a) -> encoded.put(id, new Assignment(List.of(), MembershipProtocol.encodeAssignment(a))));
        return new GroupAssignment(encoded);
    }

    private static void warnAboutSharedUrls(Map<String, WorkerMetadata> members) {
        Map<String, String> byUrl = new HashMap<>();
        members.forEach((id, m) -> {
            String other = byUrl.putIfAbsent(m.workerUrl(), id);
            if (other != null) {
                log.warn("Members {} and {} both advertise the REST URL {}; requests forwarded to the leader may reach"
                        + " the wrong worker. Give every worker its own rest.advertised.host.name/port", other, id,
                        m.workerUrl());
            }
        });
    }
}
