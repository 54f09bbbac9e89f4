package io.aqueduct.connect.runtime.distributed;

import io.aqueduct.connect.runtime.config.DistributedConfig;
import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import io.aqueduct.connect.test.KafkaCluster;
import io.aqueduct.connect.test.KafkaIT;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Worker group members against a real broker: formation, joining, crash failover and graceful hand-over. */
@KafkaIT
class WorkerGroupMemberIT {

    private static final int SESSION_TIMEOUT_MS = 6_000; // the broker's default group.min.session.timeout.ms
    private static final int HEARTBEAT_MS = 1_000;
    private static final long STABLE_TIMEOUT_MS = 30_000;

    private KafkaCluster cluster;
    private String groupId;
    private final RecordingHerder.Registry registry = new RecordingHerder.Registry();
    private volatile ConfigSnapshot config = snapshot(10, 3, 2);
    private final List<WorkerGroupMember> members = new ArrayList<>();
    private final List<RecordingHerder> herders = new ArrayList<>();

    @BeforeEach
    void createGroup() {
        groupId = cluster.uniqueName("workers");
    }

    @AfterEach
    void closeMembersAndCheckNothingRanTwice() {
        for (int i = 0; i < members.size(); i++) { // as a herder does: stop the work, then leave
            herders.get(i).stopAll();
            members.get(i).close();
        }
        assertEquals(List.of(), registry.doubleStarts(), "work started while another worker still ran it");
    }

    private static ConfigSnapshot snapshot(long offset, int connectors, int tasksEach) {
        Set<String> names = new TreeSet<>();
        Set<ConnectorTaskId> tasks = new TreeSet<>();
        for (int c = 0; c < connectors; c++) {
            names.add("conn-" + c);
            for (int t = 0; t < tasksEach; t++) {
                tasks.add(new ConnectorTaskId("conn-" + c, t));
            }
        }
        return new ConfigSnapshot(offset, names, tasks);
    }

    private int startMember() {
        return startMember("http://worker-" + members.size() + ":8083/", Map.of());
    }

    private int startMember(String url, Map<String, String> extraProps) {
        Map<String, String> props = new HashMap<>();
        props.put("bootstrap.servers", cluster.bootstrapServers());
        props.put(DistributedConfig.GROUP_ID_CONFIG, groupId);
        props.put(DistributedConfig.CONFIG_TOPIC_CONFIG, "unused-configs");
        props.put(DistributedConfig.OFFSET_STORAGE_TOPIC_CONFIG, "unused-offsets");
        props.put(DistributedConfig.STATUS_STORAGE_TOPIC_CONFIG, "unused-status");
        props.put(DistributedConfig.SESSION_TIMEOUT_MS_CONFIG, String.valueOf(SESSION_TIMEOUT_MS));
        props.put(DistributedConfig.HEARTBEAT_INTERVAL_MS_CONFIG, String.valueOf(HEARTBEAT_MS));
        props.put(DistributedConfig.REBALANCE_TIMEOUT_MS_CONFIG, "20000");
        extraProps.forEach((key, value) -> { // a null value removes the test's setting: the default applies
            if (value == null) {
                props.remove(key);
            } else {
                props.put(key, value);
            }
        });
        int index = members.size();
        RecordingHerder herder = new RecordingHerder("worker-" + index, registry);
        WorkerGroupMember member = new WorkerGroupMember(new DistributedConfig(props), url, () -> config, herder);
        herder.attach(member);
        members.add(member);
        herders.add(herder);
        member.start();
        return index;
    }

    /** Waits until the given members agree on one generation and run every configured item exactly once. */
    private void awaitStable(List<Integer> live) {
        awaitTrue("a stable assignment on members " + live, STABLE_TIMEOUT_MS, () -> isStable(live),
                () -> describe(live));
    }

    private boolean isStable(List<Integer> live) {
        Set<Integer> generations = new HashSet<>();
        List<String> connectors = new ArrayList<>();
        List<ConnectorTaskId> tasks = new ArrayList<>();
        for (int i : live) {
            WorkerAssignment a = members.get(i).assignment();
            if (a == null || a.failed() || a.revokesAnything()) {
                return false;
            }
            generations.add(members.get(i).generation());
            connectors.addAll(herders.get(i).connectors());
            tasks.addAll(herders.get(i).tasks());
        }
        return generations.size() == 1
                && connectors.size() == config.connectors().size() && config.connectors().containsAll(connectors)
                && tasks.size() == config.tasks().size() && config.tasks().containsAll(tasks);
    }

    private String describe(List<Integer> live) {
        StringBuilder s = new StringBuilder();
        for (int i : live) {
            s.append("\n  worker-").append(i).append(" gen ").append(members.get(i).generation())
                    .append(" leader=").append(members.get(i).isLeader())
                    .append(" connectors=").append(herders.get(i).connectors())
                    .append(" tasks=").append(herders.get(i).tasks())
                    .append(" last=").append(members.get(i).assignment());
        }
        return s.toString();
    }

    private static void awaitTrue(String what, long timeoutMs, BooleanSupplier condition, Supplier<String> state) {
        io.aqueduct.connect.test.Await.until(what, Duration.ofMillis(timeoutMs), condition::getAsBoolean, state, false);
    }

    private static void assertBalanced(List<RecordingHerder> live) {
        int minC = Integer.MAX_VALUE, maxC = 0, minT = Integer.MAX_VALUE, maxT = 0;
        for (RecordingHerder h : live) {
            minC = Math.min(minC, h.connectors().size());
            maxC = Math.max(maxC, h.connectors().size());
            minT = Math.min(minT, h.tasks().size());
            maxT = Math.max(maxT, h.tasks().size());
        }
        assertTrue(maxC - minC <= 1 && maxT - minT <= 1, "unbalanced: connectors " + minC + ".." + maxC
                + ", tasks " + minT + ".." + maxT);
    }

    private List<Integer> threeStableMembers() {
        return threeStableMembers(Map.of());
    }

    private List<Integer> threeStableMembers(Map<String, String> extraProps) {
        for (int i = 0; i < 3; i++) {
            startMember("http://worker-" + i + ":8083/", extraProps);
        }
        List<Integer> live = List.of(0, 1, 2);
        awaitStable(live);
        return live;
    }

    @Test
    void threeWorkersFormOneGroupWithOneLeaderAndShareTheWorkOnce() throws Exception {
        List<Integer> live = threeStableMembers();

        long leaders = live.stream().filter(i -> members.get(i).isLeader()).count();
        assertEquals(1, leaders, describe(live));
        WorkerGroupMember leader = live.stream().map(members::get).filter(WorkerGroupMember::isLeader).findFirst().orElseThrow();
        for (int i : live) {
            assertEquals(leader.workerUrl(), members.get(i).leaderUrl());
            assertEquals(10, members.get(i).assignment().configOffset());
            assertEquals(1, herders.get(i).connectors().size());
            assertEquals(2, herders.get(i).tasks().size());
        }

        ConsumerGroupDescription group = cluster.admin().describeConsumerGroups(List.of(groupId)).all()
                .get(30, TimeUnit.SECONDS).get(groupId);
        assertEquals(3, group.members().size());
        assertEquals(WorkerGroupAssignor.PROTOCOL_NAME, group.partitionAssignor());
        for (MemberDescription m : group.members()) {
            assertEquals(Set.of(), m.assignment().topicPartitions(), "members are never assigned partitions");
        }
        assertEquals(Map.of(), cluster.admin().listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata()
                .get(30, TimeUnit.SECONDS), "the group never commits offsets");
    }

    @Test
    void aFourthWorkerGetsAFairShareInTheSecondRoundWithoutRestartingAnythingElse() {
        List<Integer> three = threeStableMembers();
        Map<Integer, Integer> startsBefore = new HashMap<>();
        Map<Integer, Integer> stopsBefore = new HashMap<>();
        three.forEach(i -> startsBefore.put(i, herders.get(i).starts().size()));
        three.forEach(i -> stopsBefore.put(i, herders.get(i).stops().size()));

        int fourth = startMember();
        List<Integer> four = List.of(0, 1, 2, fourth);
        awaitStable(four);

        assertBalanced(herders);
        assertEquals(1, herders.get(fourth).tasks().size(), "6 tasks over 4 workers: " + describe(four));
        List<Object> stopped = new ArrayList<>();
        for (int i : three) {
            List<Object> stops = herders.get(i).stops();
            stopped.addAll(stops.subList(stopsBefore.get(i), stops.size()));
            assertEquals(startsBefore.get(i), herders.get(i).starts().size(), "worker-" + i + " started nothing new");
        }
        assertEquals(List.copyOf(herders.get(fourth).tasks()), stopped,
                "exactly the task that moved was stopped, once: " + describe(four));
        assertEquals(herders.get(fourth).starts().size(), 1);
    }

    /**
     * The round that gives a joining worker the work revoked for it follows as soon as the revoking worker stopped
     * it: every member rejoins at once instead of on its next heartbeat, here a long 4 s.
     */
    @Test
    void theFollowUpRoundOfAScaleOutDoesNotWaitForAHeartbeat() {
        int heartbeatMs = 4_000;
        Map<String, String> slowHeartbeat = Map.of(DistributedConfig.SESSION_TIMEOUT_MS_CONFIG, "15000",
                DistributedConfig.HEARTBEAT_INTERVAL_MS_CONFIG, String.valueOf(heartbeatMs));
        startMember("http://worker-0:8083/", slowHeartbeat);
        awaitStable(List.of(0));

        int joiner = startMember("http://worker-1:8083/", slowHeartbeat);
        awaitStable(List.of(0, joiner));

        RecordingHerder.Assigned first = herders.get(joiner).assigned().get(0);
        assertEquals(Set.of(), first.assignment().tasks(), "all work ran on worker-0: the joiner's share must be"
                + " revoked from it first");
        assertTrue(first.assignment().followUp(), String.valueOf(first.assignment()));
        long firstRoundAt = first.atMs();

        long followUpMs = herders.get(joiner).tasks().stream().mapToLong(t -> herders.get(joiner).startedAtMs(t))
                .min().orElseThrow() - firstRoundAt;
        System.out.printf("[membership] scale-out follow-up round: the joiner ran its share %d ms after its first"
                + " (empty) round, with heartbeat.interval.ms=%d%n", followUpMs, heartbeatMs);
        assertTrue(followUpMs < heartbeatMs / 2, "the follow-up round took " + followUpMs + " ms");
        assertBalanced(List.of(herders.get(0), herders.get(joiner)));
    }

    @Test
    void aNewConnectorIsStartedOnARejoinWithoutRestartingAnything() {
        List<Integer> live = threeStableMembers();
        int generation = members.get(0).generation();
        List<Integer> stopsBefore = live.stream().map(i -> herders.get(i).stops().size()).toList();
        config = snapshot(11, 4, 2);
        members.get(1).requestRejoin();
        awaitStable(live);
        assertTrue(members.get(0).generation() > generation);
        assertBalanced(herders);
        for (int i : live) {
            assertEquals(11, members.get(i).assignment().configOffset());
            assertEquals(stopsBefore.get(i), herders.get(i).stops().size(), describe(live));
        }
    }

    @Test
    void theWorkOfACrashedWorkerRunsOnTheSurvivorsWithinTheSessionTimeoutPlusTwoSeconds() {
        assertCrashFailover(Map.of(), SESSION_TIMEOUT_MS, HEARTBEAT_MS + " ms");
    }

    /** The product promise with the shipped timings: 10 s session timeout, heartbeat left to the worker. */
    @Test
    void withDefaultTimingsACrashedWorkersWorkMovesWithinTwelveSeconds() {
        Map<String, String> defaults = new HashMap<>();
        defaults.put(DistributedConfig.SESSION_TIMEOUT_MS_CONFIG, null);
        defaults.put(DistributedConfig.HEARTBEAT_INTERVAL_MS_CONFIG, null);
        assertCrashFailover(defaults, 10_000, "unset");
    }

    private void assertCrashFailover(Map<String, String> props, int sessionTimeoutMs, String heartbeat) {
        List<Integer> live = threeStableMembers(props);
        int victim = live.stream().filter(i -> !members.get(i).isLeader()).findFirst().orElseThrow();
        Set<Object> lost = new HashSet<>(herders.get(victim).connectors());
        lost.addAll(herders.get(victim).tasks());
        List<Integer> survivors = live.stream().filter(i -> i != victim).toList();
        List<Integer> stopsBefore = live.stream().map(i -> herders.get(i).stops().size()).toList();

        long crashedAt = System.currentTimeMillis();
        members.get(victim).abandon(); // no LeaveGroup: the group only learns from the missing heartbeats
        herders.get(victim).die();
        awaitStable(survivors);

        long failoverMs = lastStart(lost, survivors) - crashedAt;
        System.out.printf("[membership] crash failover: lost work %s running on survivors %d ms after the crash"
                + " (session.timeout.ms=%d, heartbeat.interval.ms %s)%n", lost, failoverMs, sessionTimeoutMs, heartbeat);
        assertTrue(failoverMs <= sessionTimeoutMs + 2_000, "failover took " + failoverMs + " ms");
        survivors.forEach(i -> assertEquals(stopsBefore.get(i), herders.get(i).stops().size(), "survivors restart nothing"));
        assertBalanced(survivors.stream().map(herders::get).toList());
    }

    @Test
    void theWorkOfAWorkerThatLeavesGracefullyMovesWithinTwoSeconds() {
        List<Integer> live = threeStableMembers();
        int leaving = live.stream().filter(i -> members.get(i).isLeader()).findFirst().orElseThrow();
        Set<Object> moving = new HashSet<>(herders.get(leaving).connectors());
        moving.addAll(herders.get(leaving).tasks());
        List<Integer> survivors = live.stream().filter(i -> i != leaving).toList();

        List<Integer> stopsBefore = live.stream().map(i -> herders.get(i).stops().size()).toList();

        long leftAt = System.currentTimeMillis();
        herders.get(leaving).stopAll();
        members.get(leaving).close();
        long closeMs = System.currentTimeMillis() - leftAt;
        awaitStable(survivors);

        long handoverMs = lastStart(moving, survivors) - leftAt;
        System.out.printf("[membership] graceful hand-over: %s running on survivors %d ms after close() began"
                + " (close itself took %d ms; the leader left)%n", moving, handoverMs, closeMs);
        assertTrue(handoverMs <= 2_000, "hand-over took " + handoverMs + " ms");
        survivors.forEach(i -> assertEquals(stopsBefore.get(i), herders.get(i).stops().size(), "survivors restart nothing"));
        // the leader led the hand-over round itself; a survivor leads from the round after it left
        awaitTrue("a survivor leading", STABLE_TIMEOUT_MS, () -> survivors.stream().anyMatch(i -> members.get(i).isLeader()),
                () -> describe(survivors));
    }

    @Test
    void withAnExplicitDelayLostWorkWaitsForItThenGoesToTheSurvivors() {
        int delayMs = 3_000;
        List<Integer> live = threeStableMembers(Map.of(
                DistributedConfig.SCHEDULED_REBALANCE_MAX_DELAY_MS_CONFIG, String.valueOf(delayMs)));
        int victim = live.stream().filter(i -> !members.get(i).isLeader()).findFirst().orElseThrow();
        Set<Object> lost = new HashSet<>(herders.get(victim).connectors());
        lost.addAll(herders.get(victim).tasks());
        List<Integer> survivors = live.stream().filter(i -> i != victim).toList();

        long crashedAt = System.currentTimeMillis();
        members.get(victim).abandon();
        herders.get(victim).die();
        awaitTrue("a rebalance that holds the lost work", STABLE_TIMEOUT_MS,
                () -> members.get(survivors.get(0)).assignment().delayMs() > 0, () -> describe(survivors));
        long heldAt = System.currentTimeMillis();
        awaitStable(survivors); // nobody rejoins on its own: the leader's scheduled rebalance releases the work

        long releasedMs = lastStart(lost, survivors) - crashedAt;
        System.out.printf("[membership] explicit %d ms delay: lost work held %d ms after the crash, running on"
                + " survivors after %d ms%n", delayMs, heldAt - crashedAt, releasedMs);
        assertTrue(lastStart(lost, survivors) - heldAt >= delayMs - 500, "released " + releasedMs + " ms after the crash");
        // Noticing the crash and the leader's scheduled rebalance each wait for up to one heartbeat of the others.
        assertTrue(releasedMs <= SESSION_TIMEOUT_MS + delayMs + 2 * HEARTBEAT_MS + 2_000,
                "released " + releasedMs + " ms after the crash");
    }

    @Test
    void withAnExplicitDelayAWorkerThatReturnsInTimeGetsItsWorkBack() {
        Map<String, String> delay = Map.of(DistributedConfig.SCHEDULED_REBALANCE_MAX_DELAY_MS_CONFIG, "60000");
        List<Integer> live = threeStableMembers(delay);
        int victim = live.stream().filter(i -> !members.get(i).isLeader()).findFirst().orElseThrow();
        Set<String> lostConnectors = herders.get(victim).connectors();
        Set<ConnectorTaskId> lostTasks = herders.get(victim).tasks();
        List<Integer> survivors = live.stream().filter(i -> i != victim).toList();

        members.get(victim).abandon();
        herders.get(victim).die();
        awaitTrue("a rebalance that holds the lost work", STABLE_TIMEOUT_MS,
                () -> members.get(survivors.get(0)).assignment().delayMs() > 0, () -> describe(survivors));
        int restarted = startMember(members.get(victim).workerUrl(), delay);
        List<Integer> back = List.of(survivors.get(0), survivors.get(1), restarted);
        awaitStable(back);

        assertEquals(lostConnectors, herders.get(restarted).connectors());
        assertEquals(lostTasks, herders.get(restarted).tasks());
        survivors.forEach(i -> assertTrue(herders.get(i).tasks().stream().noneMatch(lostTasks::contains)));
        assertEquals(0, members.get(restarted).assignment().delayMs());
    }

    /**
     * Leaving is deliberate: even with a long lost-work delay the work of a worker that stops gracefully moves at
     * once, whether it leads or not, and the last worker leaves without waiting for anyone.
     */
    @Test
    void withAnExplicitDelayWorkersThatLeaveGracefullyHandTheirWorkOverAtOnce() {
        Map<String, String> delay = Map.of(DistributedConfig.SCHEDULED_REBALANCE_MAX_DELAY_MS_CONFIG, "60000");
        List<Integer> live = threeStableMembers(delay);
        int follower = live.stream().filter(i -> !members.get(i).isLeader()).findFirst().orElseThrow();
        List<Integer> two = live.stream().filter(i -> i != follower).toList();
        long followerHandOverMs = leaveGracefully(follower, two);

        int leader = two.stream().filter(i -> members.get(i).isLeader()).findFirst().orElseThrow();
        List<Integer> one = two.stream().filter(i -> i != leader).toList();
        long leaderHandOverMs = leaveGracefully(leader, one);
        awaitTrue("the survivor leading", STABLE_TIMEOUT_MS, () -> members.get(one.get(0)).isLeader(), () -> describe(one));

        long lastAt = System.currentTimeMillis();
        herders.get(one.get(0)).stopAll();
        members.get(one.get(0)).close();
        long lastCloseMs = System.currentTimeMillis() - lastAt;
        System.out.printf("[membership] graceful leave with a 60 s delay: follower's work moved in %d ms, leader's in"
                + " %d ms; the last worker closed in %d ms%n", followerHandOverMs, leaderHandOverMs, lastCloseMs);
        assertTrue(lastCloseMs < 5_000, "the last worker took " + lastCloseMs + " ms to leave");
    }

    /** Stops a member's work, closes it and returns when its work runs on {@code survivors}, well before any delay. */
    private long leaveGracefully(int leaving, List<Integer> survivors) {
        Set<Object> moving = new HashSet<>(herders.get(leaving).connectors());
        moving.addAll(herders.get(leaving).tasks());
        long leftAt = System.currentTimeMillis();
        herders.get(leaving).stopAll();
        members.get(leaving).close();
        awaitTrue("the work of worker-" + leaving + " on " + survivors + " long before the 60 s delay", 10_000,
                () -> isStable(survivors), () -> describe(survivors));
        return lastStart(moving, survivors) - leftAt;
    }

    private long lastStart(Set<Object> items, List<Integer> survivors) {
        long last = 0;
        for (Object item : items) {
            Long at = null;
            for (int i : survivors) {
                Long started = herders.get(i).startedAtMs(item);
                if (started != null) {
                    at = started;
                }
            }
            assertTrue(at != null, item + " was not started on a survivor");
            last = Math.max(last, at);
        }
        return last;
    }
}
