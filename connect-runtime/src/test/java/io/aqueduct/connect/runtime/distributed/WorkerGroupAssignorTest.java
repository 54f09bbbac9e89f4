package io.aqueduct.connect.runtime.distributed;

import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Assignment;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.GroupAssignment;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.GroupSubscription;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Subscription;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Kafka adapter around the assignment rules, driven with the consumer's own data types (no broker needed). */
class WorkerGroupAssignorTest {

    private static final ConfigSnapshot CONFIG = new ConfigSnapshot(20, Set.of("c0", "c1", "c2"),
            Set.of(new ConnectorTaskId("c0", 0), new ConnectorTaskId("c1", 0), new ConnectorTaskId("c2", 0)));

    private final AtomicLong clock = new AtomicLong(50_000);

    private record Worker(MemberState state, WorkerGroupAssignor assignor) {
        Subscription subscription() {
            return new Subscription(List.of("configs"), assignor.subscriptionUserData(Set.of("configs")));
        }
    }

    private Worker worker(String url, ConfigSnapshot config, long lostWorkDelayMs) {
        MemberState state = new MemberState(url, () -> config, lostWorkDelayMs, clock::get);
        WorkerGroupAssignor assignor = new WorkerGroupAssignor();
        assignor.configure(Map.of(WorkerGroupAssignor.MEMBER_STATE_CONFIG, state));
        return new Worker(state, assignor);
    }

    /** One rebalance: the first worker leads; every worker receives its assignment for {@code generation}. */
    @SuppressWarnings("removal") // the only public way to build the group metadata a consumer passes in
    private static Map<String, WorkerAssignment> rebalance(int generation, Map<String, Worker> workers) {
        Map<String, Subscription> subscriptions = new TreeMap<>();
        workers.forEach((id, w) -> subscriptions.put(id, w.subscription()));
        Worker leader = workers.values().iterator().next();
        GroupAssignment result = leader.assignor().assign(Cluster.empty(), new GroupSubscription(subscriptions));
        Map<String, WorkerAssignment> decoded = new TreeMap<>();
        workers.forEach((id, w) -> {
            Assignment a = result.groupAssignment().get(id);
            assertEquals(List.of(), a.partitions(), "never any partitions");
            w.assignor().onAssignment(a, new ConsumerGroupMetadata("g", generation, id, Optional.empty()));
            decoded.put(id, MembershipProtocol.decodeAssignment(a.userData()));
        });
        return decoded;
    }

    @Test
    void theLeaderNamesItselfAndHandsOutItsConfigOffset() {
        Map<String, Worker> workers = new java.util.LinkedHashMap<>();
        workers.put("m-b", worker("http://b/", CONFIG, 0));
        workers.put("m-a", worker("http://a/", new ConfigSnapshot(15, Set.of(), Set.of()), 0));
        Map<String, WorkerAssignment> assignments = rebalance(1, workers);
        for (WorkerAssignment a : assignments.values()) {
            assertEquals(WorkerAssignment.Error.NONE, a.error());
            assertEquals("m-b", a.leaderId());
            assertEquals("http://b/", a.leaderUrl());
            assertEquals(20, a.configOffset(), "a member behind the leader reads to the leader's offset");
        }
        assertEquals(3, assignments.values().stream().mapToInt(a -> a.connectors().size()).sum());
    }

    @Test
    void aLeaderBehindAMemberAssignsNothingAndAsksEveryoneToCatchUp() {
        Map<String, Worker> workers = new java.util.LinkedHashMap<>();
        workers.put("m-a", worker("http://a/", CONFIG, 0));
        workers.put("m-b", worker("http://b/", new ConfigSnapshot(25, Set.of("c0"), Set.of()), 0));
        Map<String, WorkerAssignment> assignments = rebalance(1, workers);
        for (WorkerAssignment a : assignments.values()) {
            assertEquals(WorkerAssignment.Error.CONFIG_MISMATCH, a.error());
            assertEquals(25, a.configOffset());
            assertEquals(Set.of(), a.connectors());
        }
        assertEquals(-1, workers.get("m-a").state().metadata().generation(), "a failed round owns nothing");
    }

    @Test
    void revokedWorkIsReportedAsRunningUntilTheHerderStoppedIt() {
        Map<String, Worker> workers = new java.util.LinkedHashMap<>();
        workers.put("m-a", worker("http://a/", CONFIG, 0));
        rebalance(1, workers); // a runs everything
        workers.put("m-b", worker("http://b/", CONFIG, 0));
        WorkerAssignment revoking = rebalance(2, workers).get("m-a");
        assertEquals(1, revoking.revokedConnectors().size());
        String moved = revoking.revokedConnectors().iterator().next();
        assertTrue(workers.get("m-a").state().metadata().connectors().contains(moved));

        WorkerAssignment notYet = rebalance(3, workers).get("m-b");
        assertTrue(!notYet.connectors().contains(moved), "not handed over before its owner stopped it");

        workers.get("m-a").state().revocationCompleted(revoking.revokedConnectors(), revoking.revokedTasks());
        WorkerAssignment handedOver = rebalance(4, workers).get("m-b");
        assertTrue(handedOver.connectors().contains(moved));
    }

    @Test
    void theLeaderRemembersDepartedMembersForAnExplicitDelay() {
        Map<String, Worker> workers = new java.util.LinkedHashMap<>();
        workers.put("m-a", worker("http://a/", CONFIG, 30_000));
        workers.put("m-b", worker("http://b/", CONFIG, 30_000));
        workers.put("m-c", worker("http://c/", CONFIG, 30_000));
        WorkerAssignment lost = rebalance(1, workers).get("m-c");
        workers.remove("m-c");
        clock.addAndGet(1_000);
        Map<String, WorkerAssignment> held = rebalance(2, workers);
        assertEquals(30_000, held.get("m-a").delayMs());
        held.values().forEach(a -> assertTrue(a.connectors().stream().noneMatch(lost.connectors()::contains)));

        clock.addAndGet(30_000);
        Map<String, WorkerAssignment> released = rebalance(3, workers);
        assertEquals(0, released.get("m-a").delayMs());
        Set<String> running = new java.util.TreeSet<>();
        released.values().forEach(a -> running.addAll(a.connectors()));
        assertEquals(CONFIG.connectors(), running);
    }

    @Test
    void aNewLeaderWithoutMemoryHandsLostWorkOverAtOnce() {
        Map<String, Worker> workers = new java.util.LinkedHashMap<>();
        workers.put("m-a", worker("http://a/", CONFIG, 30_000));
        workers.put("m-b", worker("http://b/", CONFIG, 30_000));
        workers.put("m-c", worker("http://c/", CONFIG, 30_000));
        rebalance(1, workers);
        workers.remove("m-a"); // the leader itself died: m-b leads now and never computed a round
        Map<String, WorkerAssignment> after = rebalance(2, workers);
        Set<String> running = new java.util.TreeSet<>();
        after.values().forEach(a -> running.addAll(a.connectors()));
        assertEquals(CONFIG.connectors(), running);
        assertEquals("m-b", after.get("m-c").leaderId());
    }

    @Test
    void theAssignorRefusesToRunOutsideAWorkerGroupMember() {
        ConfigException e = assertThrows(ConfigException.class, () -> new WorkerGroupAssignor().configure(new HashMap<>()));
        assertTrue(e.getMessage().contains(WorkerGroupAssignor.MEMBER_STATE_CONFIG), e.getMessage());
    }
}
