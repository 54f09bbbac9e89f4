package io.aqueduct.connect.runtime.distributed;

import io.aqueduct.connect.runtime.distributed.IncrementalCooperativeAssignor.Held;
import io.aqueduct.connect.runtime.distributed.IncrementalCooperativeAssignor.Input;
import io.aqueduct.connect.runtime.distributed.IncrementalCooperativeAssignor.Member;
import io.aqueduct.connect.runtime.distributed.IncrementalCooperativeAssignor.Result;
import io.aqueduct.connect.runtime.distributed.IncrementalCooperativeAssignor.Share;
import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IntSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IncrementalCooperativeAssignorTest {

    private static final long NOW = 1_000_000L;

    /** Connectors c0..c(n-1) with {@code tasksEach} tasks each. */
    private static ConfigSnapshot config(int connectors, int tasksEach) {
        Set<String> names = new TreeSet<>();
        Set<ConnectorTaskId> tasks = new TreeSet<>();
        for (int c = 0; c < connectors; c++) {
            names.add("c" + c);
            for (int t = 0; t < tasksEach; t++) {
                tasks.add(new ConnectorTaskId("c" + c, t));
            }
        }
        return new ConfigSnapshot(10, names, tasks);
    }

    private static Member member(String url, int generation, Set<String> connectors, Set<ConnectorTaskId> tasks) {
        return new Member(url, generation, connectors, tasks);
    }

    private static Member empty(String url) {
        return member(url, -1, Set.of(), Set.of());
    }

    private static Result round(Map<String, Member> members, ConfigSnapshot config) {
        return IncrementalCooperativeAssignor.assign(new Input(members, config.connectors(), config.tasks(),
                Map.of(), Map.of(), NOW, 0));
    }

    /** What each member runs after it applied its share (stopped the revoked work at once). */
    private static Map<String, Member> apply(Result result, Map<String, Member> before, int generation) {
        Map<String, Member> after = new TreeMap<>();
        result.shares().forEach((id, share) -> after.put(id,
                member(before.get(id).workerUrl(), generation, share.connectors(), share.tasks())));
        return after;
    }

    private static Map<String, Member> balancedThree(ConfigSnapshot config) {
        Map<String, Member> members = new TreeMap<>(Map.of("a", empty("http://a"), "b", empty("http://b"),
                "c", empty("http://c")));
        return apply(round(members, config), members, 1);
    }

    private static void assertEachOwnedOnceAndBalanced(Map<String, Member> members, ConfigSnapshot config) {
        List<String> connectors = new ArrayList<>();
        List<ConnectorTaskId> tasks = new ArrayList<>();
        members.values().forEach(m -> {
            connectors.addAll(m.connectors());
            tasks.addAll(m.tasks());
        });
        assertEquals(config.connectors().size(), connectors.size(), "connectors owned: " + connectors);
        assertEquals(config.connectors(), new TreeSet<>(connectors));
        assertEquals(config.tasks().size(), tasks.size(), "tasks owned: " + tasks);
        assertEquals(config.tasks(), new TreeSet<>(tasks));
        IntSummaryStatistics c = members.values().stream().mapToInt(m -> m.connectors().size()).summaryStatistics();
        IntSummaryStatistics t = members.values().stream().mapToInt(m -> m.tasks().size()).summaryStatistics();
        assertTrue(c.getMax() - c.getMin() <= 1, "connectors unbalanced: " + members);
        assertTrue(t.getMax() - t.getMin() <= 1, "tasks unbalanced: " + members);
    }

    private static int revokedCount(Result result) {
        return result.shares().values().stream()
                .mapToInt(s -> s.revokedConnectors().size() + s.revokedTasks().size()).sum();
    }

    @Test
    void initialRoundSpreadsEverythingOverThreeWorkersWithoutRevoking() {
        for (int connectors = 0; connectors <= 7; connectors++) {
            for (int tasksEach = 0; tasksEach <= 4; tasksEach++) {
                ConfigSnapshot config = config(connectors, tasksEach);
                Map<String, Member> members = new TreeMap<>(Map.of("a", empty("http://a"), "b", empty("http://b"),
                        "c", empty("http://c")));
                Result result = round(members, config);
                assertEquals(0, revokedCount(result));
                assertEachOwnedOnceAndBalanced(apply(result, members, 1), config);
                assertEquals(0, result.delayMs());
            }
        }
    }

    @Test
    void aJoiningWorkerGetsTheExcessInTheSecondRoundAndNothingElseMoves() {
        ConfigSnapshot config = config(3, 2);
        Map<String, Member> before = balancedThree(config);
        Map<String, Member> joined = new TreeMap<>(before);
        joined.put("d", empty("http://d"));

        Result first = round(joined, config);
        assertEquals(Set.of(), first.shares().get("d").tasks(), "nothing is assigned while its owner still runs it");
        assertEquals(1, revokedCount(first), "6 tasks over 4 workers: exactly one task moves");
        assertTrue(first.followUp(), "the revoked task is placed only in a follow-up round");
        Map<String, Member> afterFirst = apply(first, joined, 2);

        Result second = round(afterFirst, config);
        assertEquals(0, revokedCount(second));
        assertTrue(!second.followUp(), "nothing left to place");
        Map<String, Member> afterSecond = apply(second, afterFirst, 3);
        assertEachOwnedOnceAndBalanced(afterSecond, config);
        assertEquals(1, afterSecond.get("d").tasks().size());
        int unchanged = 0;
        for (String id : List.of("a", "b", "c")) {
            Set<ConnectorTaskId> kept = new TreeSet<>(before.get(id).tasks());
            kept.retainAll(afterSecond.get(id).tasks());
            unchanged += kept.size();
            assertEquals(before.get(id).connectors(), afterSecond.get(id).connectors());
        }
        assertEquals(5, unchanged, "every task but the moved one stays with its worker");
        assertEquals(0, revokedCount(round(afterSecond, config)), "the assignment is stable");
    }

    @Test
    void revokingOnlyDeletedWorkNeedsNoFollowUpRound() {
        ConfigSnapshot before = config(3, 2);
        Map<String, Member> members = balancedThree(before);
        Result shrunk = round(members, config(2, 2));
        assertTrue(revokedCount(shrunk) > 0, String.valueOf(shrunk));
        assertTrue(!shrunk.followUp(), "deleted work goes nowhere: " + shrunk);
    }

    @Test
    void aJoiningWorkerTakesAFairShareOfALargerLoad() {
        ConfigSnapshot config = config(4, 3); // 4 connectors, 12 tasks
        Map<String, Member> joined = new TreeMap<>(balancedThree(config));
        joined.put("d", empty("http://d"));
        Result first = round(joined, config);
        assertEquals(3, first.shares().values().stream().mapToInt(s -> s.revokedTasks().size()).sum());
        assertEquals(Set.of(), first.shares().get("d").tasks());
        Map<String, Member> after = apply(round(apply(first, joined, 2), config), apply(first, joined, 2), 3);
        assertEachOwnedOnceAndBalanced(after, config);
        assertEquals(3, after.get("d").tasks().size());
        assertEquals(1, after.get("d").connectors().size());
    }

    @Test
    void theWorkOfADeadWorkerIsReassignedInTheSameRound() {
        ConfigSnapshot config = config(3, 2);
        Map<String, Member> before = balancedThree(config);
        Map<String, Member> survivors = new TreeMap<>(before);
        Member dead = survivors.remove("b");

        Result result = IncrementalCooperativeAssignor.assign(new Input(survivors, config.connectors(), config.tasks(),
                Map.of("b", dead), Map.of(), NOW, 0));
        assertEquals(0, revokedCount(result), "survivors keep what they run");
        Map<String, Member> after = apply(result, survivors, 2);
        assertEachOwnedOnceAndBalanced(after, config);
        for (String id : survivors.keySet()) {
            assertTrue(after.get(id).tasks().containsAll(before.get(id).tasks()));
            assertTrue(after.get(id).connectors().containsAll(before.get(id).connectors()));
        }
        assertTrue(result.held().isEmpty());
        assertEquals(0, result.delayMs());
    }

    @Test
    void gracefulLeaveOfAllButOneWorkerMovesEverythingToIt() {
        ConfigSnapshot config = config(5, 3);
        Map<String, Member> before = balancedThree(config);
        Map<String, Member> last = new TreeMap<>(Map.of("c", before.get("c")));
        Result result = IncrementalCooperativeAssignor.assign(new Input(last, config.connectors(), config.tasks(),
                Map.of("a", before.get("a"), "b", before.get("b")), Map.of(), NOW, 0));
        assertEquals(config.connectors(), result.shares().get("c").connectors());
        assertEquals(config.tasks(), result.shares().get("c").tasks());
    }

    @Test
    void workOwnedTwiceStaysWithTheNewestGenerationThenTheLowestMemberId() {
        ConnectorTaskId task = new ConnectorTaskId("c0", 0);
        ConfigSnapshot config = new ConfigSnapshot(5, Set.of("c0"), Set.of(task));
        Map<String, Member> members = new TreeMap<>(Map.of(
                "a", member("http://a", 3, Set.of("c0"), Set.of(task)),
                "b", member("http://b", 7, Set.of("c0"), Set.of(task))));
        Result newest = round(members, config);
        assertEquals(Set.of(task), newest.shares().get("b").tasks());
        assertEquals(Set.of(task), newest.shares().get("a").revokedTasks());
        assertEquals(Set.of("c0"), newest.shares().get("a").revokedConnectors());
        assertEquals(Set.of(), newest.shares().get("a").tasks());
        assertEquals(Set.of(), newest.shares().get("b").revokedTasks());

        members.put("b", member("http://b", 3, Set.of("c0"), Set.of(task)));
        Result tie = round(members, config);
        assertEquals(Set.of(task), tie.shares().get("a").tasks());
        assertEquals(Set.of(task), tie.shares().get("b").revokedTasks());
    }

    @Test
    void workNoLongerConfiguredIsRevokedAndNotReassigned() {
        ConfigSnapshot before = config(3, 2);
        Map<String, Member> members = balancedThree(before);
        ConfigSnapshot after = new ConfigSnapshot(11, Set.of("c0", "c2"), Set.of(new ConnectorTaskId("c0", 0),
                new ConnectorTaskId("c0", 1), new ConnectorTaskId("c2", 0), new ConnectorTaskId("c2", 1)));
        Result result = round(members, after);
        Set<String> revokedConnectors = new TreeSet<>();
        Set<ConnectorTaskId> revokedTasks = new TreeSet<>();
        result.shares().values().forEach(s -> {
            revokedConnectors.addAll(s.revokedConnectors());
            revokedTasks.addAll(s.revokedTasks());
            assertTrue(!s.connectors().contains("c1"));
        });
        assertEquals(Set.of("c1"), revokedConnectors);
        assertEquals(Set.of(new ConnectorTaskId("c1", 0), new ConnectorTaskId("c1", 1)), revokedTasks);
    }

    @Test
    void newWorkGoesToTheLeastLoadedWorker() {
        ConfigSnapshot config = config(2, 1);
        Map<String, Member> members = new TreeMap<>(Map.of(
                "a", member("http://a", 1, Set.of("c0"), Set.of(new ConnectorTaskId("c0", 0))),
                "b", member("http://b", 1, Set.of("c1"), Set.of()),
                "c", member("http://c", 1, Set.of(), Set.of())));
        Result result = round(members, config);
        assertEquals(Set.of(new ConnectorTaskId("c1", 0)), result.shares().get("b").tasks(),
                "b and c both run no task; the tie goes to the lowest member id");
        assertEquals(0, revokedCount(result));
    }

    @Test
    void withAnExplicitDelayLostWorkIsHeldUntilItExpires() {
        ConfigSnapshot config = config(3, 2);
        Map<String, Member> before = balancedThree(config);
        Map<String, Member> survivors = new TreeMap<>(before);
        Member dead = survivors.remove("c");
        long delay = 10_000;

        Result first = IncrementalCooperativeAssignor.assign(new Input(survivors, config.connectors(), config.tasks(),
                Map.of("c", dead), Map.of(), NOW, delay));
        assertEquals(before.get("a").tasks(), first.shares().get("a").tasks());
        assertEquals(before.get("b").tasks(), first.shares().get("b").tasks());
        assertEquals(delay, first.delayMs());
        assertEquals(new Held(NOW + delay, dead.connectors(), dead.tasks()), first.held().get("http://c"));

        Result meanwhile = IncrementalCooperativeAssignor.assign(new Input(survivors, config.connectors(), config.tasks(),
                Map.of(), first.held(), NOW + 4_000, delay));
        assertEquals(6_000, meanwhile.delayMs());
        assertEquals(before.get("a").tasks(), meanwhile.shares().get("a").tasks());

        Result expired = IncrementalCooperativeAssignor.assign(new Input(survivors, config.connectors(), config.tasks(),
                Map.of(), meanwhile.held(), NOW + delay, delay));
        assertEquals(0, expired.delayMs());
        assertTrue(expired.held().isEmpty());
        assertEachOwnedOnceAndBalanced(apply(expired, survivors, 3), config);
    }

    @Test
    void withAnExplicitDelayAReturningWorkerGetsItsWorkBack() {
        ConfigSnapshot config = config(3, 2);
        Map<String, Member> before = balancedThree(config);
        Map<String, Member> survivors = new TreeMap<>(before);
        Member dead = survivors.remove("c");
        Result first = IncrementalCooperativeAssignor.assign(new Input(survivors, config.connectors(), config.tasks(),
                Map.of("c", dead), Map.of(), NOW, 60_000));

        Map<String, Member> back = new TreeMap<>(survivors);
        back.put("c-restarted", empty("http://c"));
        Result returned = IncrementalCooperativeAssignor.assign(new Input(back, config.connectors(), config.tasks(),
                Map.of(), first.held(), NOW + 2_000, 60_000));
        assertEquals(dead.tasks(), returned.shares().get("c-restarted").tasks());
        assertEquals(dead.connectors(), returned.shares().get("c-restarted").connectors());
        assertEquals(0, revokedCount(returned));
        assertTrue(returned.held().isEmpty());
        assertEquals(0, returned.delayMs());
    }

    @Test
    void withAnExplicitDelayNewWorkIsStillAssignedAtOnce() {
        ConfigSnapshot config = config(2, 1);
        Map<String, Member> before = balancedThree(config);
        Map<String, Member> survivors = new TreeMap<>(before);
        Member dead = survivors.remove("a"); // a ran c0 and its task
        ConfigSnapshot grown = config(3, 1);
        Result result = IncrementalCooperativeAssignor.assign(new Input(survivors, grown.connectors(), grown.tasks(),
                Map.of("a", dead), Map.of(), NOW, 30_000));
        Set<String> assigned = new TreeSet<>();
        result.shares().values().forEach(s -> assigned.addAll(s.connectors()));
        assertTrue(assigned.contains("c2"), "new connector assigned: " + result);
        assertTrue(!assigned.contains("c0"), "lost connector held: " + result);
    }

    /** A worker that announces a graceful leave has stopped everything: its work moves at once, delay or not. */
    @Test
    void withAnExplicitDelayALeavingWorkersWorkGoesToTheOthersInTheSameRound() {
        ConfigSnapshot config = config(3, 2);
        Map<String, Member> before = balancedThree(config);
        Member c = before.get("c");
        Map<String, Member> announcing = new TreeMap<>(before);
        announcing.put("c", new Member(c.workerUrl(), c.generation(), Set.of(), Set.of(), true));

        Result result = IncrementalCooperativeAssignor.assign(new Input(announcing, config.connectors(), config.tasks(),
                Map.of(), Map.of(), NOW, 60_000));

        assertEquals(new Share(Set.of(), Set.of(), Set.of(), Set.of()), result.shares().get("c"));
        assertEquals(0, revokedCount(result));
        assertEquals(0, result.delayMs());
        Map<String, Member> after = apply(result, announcing, 2);
        after.remove("c");
        assertEachOwnedOnceAndBalanced(after, config);

        // once it is gone, the next round finds nothing to hold: it owned nothing when it left
        Result next = IncrementalCooperativeAssignor.assign(new Input(after, config.connectors(), config.tasks(),
                Map.of("c", new Member(c.workerUrl(), -1, Set.of(), Set.of())), result.held(), NOW + 100, 60_000));
        assertEquals(0, next.delayMs());
        assertEquals(0, revokedCount(next));
    }

    @Test
    void heldWorkNeverReturnsToAWorkerThatIsLeaving() {
        ConfigSnapshot config = config(3, 2);
        Map<String, Member> before = balancedThree(config);
        Map<String, Member> announcing = new TreeMap<>(before);
        announcing.put("c", new Member("http://c", 1, Set.of(), Set.of(), true));
        Set<String> connectors = new TreeSet<>(config.connectors());
        connectors.add("x"); // held for http://c since an earlier crash of that worker
        Map<String, Held> held = Map.of("http://c", new Held(NOW + 50_000, Set.of("x"), Set.of()));

        Result result = IncrementalCooperativeAssignor.assign(new Input(announcing, connectors, config.tasks(),
                Map.of(), held, NOW, 60_000));

        assertTrue(result.shares().get("c").connectors().isEmpty(), String.valueOf(result));
        result.shares().values().forEach(share -> assertTrue(!share.connectors().contains("x"), String.valueOf(result)));
        assertEquals(held, result.held());
        assertEquals(50_000, result.delayMs());
    }

    /** What a leaving worker still reports running is revoked and given to nobody until it stopped it. */
    @Test
    void aLeavingWorkerThatStillRunsWorkHasItRevokedAndItMovesOnlyLater() {
        ConfigSnapshot config = config(3, 2);
        Map<String, Member> before = balancedThree(config);
        Member c = before.get("c");
        Map<String, Member> announcing = new TreeMap<>(before);
        announcing.put("c", new Member(c.workerUrl(), c.generation(), c.connectors(), c.tasks(), true));

        Result result = round(announcing, config);

        assertEquals(new Share(Set.of(), Set.of(), c.connectors(), c.tasks()), result.shares().get("c"));
        assertNoWorkGivenWhileRunningElsewhere(announcing, result);
        assertEquals(before.get("a").tasks(), result.shares().get("a").tasks());
        assertEquals(before.get("b").tasks(), result.shares().get("b").tasks());
        assertTrue(!result.followUp(), "the others would only rejoin again and again while it stops its work");
    }

    @Test
    void theOnlyWorkerLeavingGetsNothingAndNothingIsHeld() {
        ConfigSnapshot config = config(2, 2);
        Map<String, Member> alone = Map.of("a", new Member("http://a", 4, Set.of(), Set.of(), true));
        Result result = IncrementalCooperativeAssignor.assign(new Input(alone, config.connectors(), config.tasks(),
                Map.of(), Map.of(), NOW, 60_000));
        assertEquals(new Share(Set.of(), Set.of(), Set.of(), Set.of()), result.shares().get("a"));
        assertTrue(result.held().isEmpty());
        assertEquals(0, result.delayMs());
    }

    @Test
    void theSameInputGivesTheSameOutputWhateverTheMapOrder() {
        ConfigSnapshot config = config(6, 3);
        Map<String, Member> sorted = new TreeMap<>();
        Map<String, Member> reversed = new LinkedHashMap<>();
        Map<String, Member> hashed = new HashMap<>();
        for (String id : List.of("m3", "m1", "m2", "m0")) {
            Member m = id.equals("m2") ? member("http://" + id, 1, Set.of("c1", "c4"),
                    Set.of(new ConnectorTaskId("c1", 0), new ConnectorTaskId("c5", 2))) : empty("http://" + id);
            sorted.put(id, m);
            hashed.put(id, m);
        }
        ((TreeMap<String, Member>) sorted).descendingMap().forEach(reversed::put);
        Result expected = round(sorted, config);
        assertEquals(expected, round(reversed, config));
        assertEquals(expected, round(hashed, config));
        assertEquals(expected, round(sorted, config));
    }

    /**
     * Random clusters (random members, ownership with duplicates and stale work, random config): in every round
     * nothing is handed to a member while another member still runs it, and after members apply their shares
     * the group settles within three rounds on each item owned once, balanced, with no further revocations.
     */
    @Test
    void randomClustersNeverRunWorkTwiceAndSettleBalanced() {
        Random random = new Random(20240601L);
        for (int scenario = 0; scenario < 500; scenario++) {
            ConfigSnapshot config = config(random.nextInt(8), random.nextInt(5));
            Map<String, Member> members = new TreeMap<>();
            int memberCount = 1 + random.nextInt(6);
            for (int i = 0; i < memberCount; i++) {
                Set<String> connectors = new HashSet<>();
                Set<ConnectorTaskId> tasks = new HashSet<>();
                for (int c = 0; c < 9; c++) {
                    if (random.nextInt(4) == 0) {
                        connectors.add("c" + c);
                    }
                    if (random.nextInt(3) == 0) {
                        tasks.add(new ConnectorTaskId("c" + c, random.nextInt(5)));
                    }
                }
                members.put("m" + i, member("http://m" + i, random.nextInt(3), connectors, tasks));
            }
            for (int roundNo = 0; roundNo < 3; roundNo++) {
                Result result = round(members, config);
                assertNoWorkGivenWhileRunningElsewhere(members, result);
                members = apply(result, members, 10 + roundNo);
            }
            assertEachOwnedOnceAndBalanced(members, config);
            assertEquals(0, revokedCount(round(members, config)), "settled: " + members);
        }
    }

    private static void assertNoWorkGivenWhileRunningElsewhere(Map<String, Member> before, Result result) {
        result.shares().forEach((id, share) -> {
            for (String connector : share.connectors()) {
                if (!before.get(id).connectors().contains(connector)) {
                    before.forEach((other, m) -> assertTrue(!m.connectors().contains(connector),
                            connector + " given to " + id + " while " + other + " runs it"));
                }
            }
            for (ConnectorTaskId task : share.tasks()) {
                if (!before.get(id).tasks().contains(task)) {
                    before.forEach((other, m) -> assertTrue(!m.tasks().contains(task),
                            task + " given to " + id + " while " + other + " runs it"));
                }
            }
            Share s = share;
            assertTrue(s.connectors().stream().noneMatch(s.revokedConnectors()::contains));
            assertTrue(s.tasks().stream().noneMatch(s.revokedTasks()::contains));
        });
    }
}
