package io.aqueduct.connect.runtime.distributed;

import io.aqueduct.connect.runtime.herder.ConnectorTaskId;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The leader's assignment rules as a pure function of what members run, what should run and the time; it
 * knows nothing of Kafka. Connectors and tasks are placed independently by the same rules:
 * <ol>
 *   <li>work that stays put is never revoked;</li>
 *   <li>work run by several members stays with the one owning it from the newest generation (then the lowest
 *       member id) and is revoked from the others;</li>
 *   <li>work that is no longer configured is revoked;</li>
 *   <li>work nobody runs (new, or lost with its member) goes to the least loaded member in this round, except
 *       that with a lost-work delay the work of departed members is held for that long, or until a member
 *       with the same worker URL returns, which gets it back;</li>
 *   <li>a member above its fair share (the {@code total % members} most loaded may have one more than
 *       {@code total / members}) has the excess revoked; the excess goes to another member only in a later
 *       round, after its owner stopped it and rejoined, so nothing ever runs twice;</li>
 *   <li>a leaving member (one shutting down gracefully) gets nothing and counts for nothing: it is not part of
 *       the fair share, held work never returns to it, and its work goes to the others at once, since its
 *       departure is deliberate rather than a crash it might return from. What it still reports running is
 *       revoked and moves only in a later round.</li>
 * </ol>
 * Every choice is made in sorted order, so the same input always gives the same output.
 */
final class IncrementalCooperativeAssignor {

    /** What one member runs (live members) or ran (departed members), and whether it is leaving the group. */
    record Member(String workerUrl, int generation, Set<String> connectors, Set<ConnectorTaskId> tasks,
                  boolean leaving) {
        Member {
            connectors = ConfigSnapshot.sorted(connectors);
            tasks = ConfigSnapshot.sorted(tasks);
        }

        Member(String workerUrl, int generation, Set<String> connectors, Set<ConnectorTaskId> tasks) {
            this(workerUrl, generation, connectors, tasks, false);
        }
    }

    /** Work of a departed worker held back until {@code deadlineMs} for it to return. */
    record Held(long deadlineMs, Set<String> connectors, Set<ConnectorTaskId> tasks) {
        Held {
            connectors = ConfigSnapshot.sorted(connectors);
            tasks = ConfigSnapshot.sorted(tasks);
        }
    }

    /**
     * @param members         live members by member id, with what each says it runs
     * @param connectors      every connector that should run
     * @param tasks           every task that should run
     * @param departed        members of the previous round that are gone, by member id, with what they ran
     * @param held            work held back in earlier rounds, by worker URL
     * @param nowMs           the current time
     * @param lostWorkDelayMs how long to hold the work of departed members; 0 hands it over at once
     */
    record Input(Map<String, Member> members, Set<String> connectors, Set<ConnectorTaskId> tasks,
                 Map<String, Member> departed, Map<String, Held> held, long nowMs, long lostWorkDelayMs) {
    }

    /** One member's outcome: what it runs afterwards and what it must stop. */
    record Share(Set<String> connectors, Set<ConnectorTaskId> tasks,
                 Set<String> revokedConnectors, Set<ConnectorTaskId> revokedTasks) {
    }

    /**
     * @param shares  every live member's share, by member id
     * @param held    work still held back, by worker URL, for the next round
     * @param delayMs time until the earliest held work is released (a rebalance is due then); 0 if none is held
     * @param followUp whether work that should run was revoked, so another round must follow to place it
     */
    record Result(Map<String, Share> shares, Map<String, Held> held, long delayMs, boolean followUp) {
    }

    private IncrementalCooperativeAssignor() {
    }

    static Result assign(Input input) {
        SortedMap<String, Member> members = new TreeMap<>(input.members());
        Holds holds = Holds.resolve(input, members);

        Placement<String> connectors = place(members, input.connectors(), Member::connectors,
                holds.heldConnectors, holds.returningConnectors);
        Placement<ConnectorTaskId> tasks = place(members, input.tasks(), Member::tasks,
                holds.heldTasks, holds.returningTasks);

        Map<String, Share> shares = new TreeMap<>();
        for (String id : members.keySet()) {
            shares.put(id, new Share(connectors.owned.get(id), tasks.owned.get(id),
                    connectors.revoked.get(id), tasks.revoked.get(id)));
        }
        Map<String, Held> stillHeld = holds.remaining(input, connectors.placed, tasks.placed);
        long delay = stillHeld.values().stream()
                .mapToLong(h -> Math.max(1, h.deadlineMs() - input.nowMs()))
                .min().orElse(0);
        // Not for what a leaving member still runs: it does not wait to stop it before it rejoins, so announcing a
        // follow-up would only make the others rejoin over and over meanwhile.
        boolean followUp = shares.entrySet().stream()
                .filter(e -> !members.get(e.getKey()).leaving())
                .map(Map.Entry::getValue)
                .anyMatch(share -> share.revokedConnectors().stream().anyMatch(input.connectors()::contains)
                        || share.revokedTasks().stream().anyMatch(input.tasks()::contains));
        return new Result(shares, stillHeld, delay, followUp);
    }

    /** The owner of every placed item, and per member what it runs afterwards and what it must stop. */
    private record Placement<T>(Map<T, String> placed, Map<String, Set<T>> owned, Map<String, Set<T>> revoked) {
    }

    private static <T extends Comparable<T>> Placement<T> place(
            SortedMap<String, Member> members, Set<T> configured, java.util.function.Function<Member, Set<T>> work,
            Set<T> held, Map<String, Set<T>> returning) {
        Map<String, TreeSet<T>> kept = new TreeMap<>();
        Map<String, TreeSet<T>> fresh = new TreeMap<>();
        Map<String, TreeSet<T>> revoked = new TreeMap<>();
        Map<T, String> owner = new HashMap<>();
        for (String id : members.keySet()) {
            kept.put(id, new TreeSet<>());
            fresh.put(id, new TreeSet<>());
            revoked.put(id, new TreeSet<>());
        }

        SortedMap<String, Member> staying = staying(members);
        Set<T> stillStopping = new HashSet<>();
        for (Map.Entry<String, Member> member : members.entrySet()) {
            String id = member.getKey();
            if (member.getValue().leaving()) {
                revoked.get(id).addAll(work.apply(member.getValue()));
                stillStopping.addAll(work.apply(member.getValue()));
                continue;
            }
            for (T item : work.apply(member.getValue())) {
                if (!configured.contains(item)) {
                    revoked.get(id).add(item);
                    continue;
                }
                String previous = owner.get(item);
                if (previous == null) {
                    owner.put(item, id);
                } else if (member.getValue().generation() > members.get(previous).generation()) {
                    owner.put(item, id);
                    revoked.get(previous).add(item);
                } else {
                    revoked.get(id).add(item);
                }
            }
        }
        owner.forEach((item, id) -> kept.get(id).add(item));

        returning.forEach((id, items) -> {
            for (T item : new TreeSet<>(items)) {
                if (configured.contains(item) && !owner.containsKey(item) && !stillStopping.contains(item)) {
                    owner.put(item, id);
                    fresh.get(id).add(item);
                }
            }
        });

        if (!staying.isEmpty()) {
            for (T item : new TreeSet<>(configured)) {
                if (!owner.containsKey(item) && !held.contains(item) && !stillStopping.contains(item)) {
                    String id = leastLoaded(staying.keySet(), kept, fresh);
                    owner.put(item, id);
                    fresh.get(id).add(item);
                }
            }
            trimToFairShare(configured.size(), only(staying, kept), only(staying, fresh), revoked, owner);
        }

        Map<String, Set<T>> owned = new TreeMap<>();
        Map<String, Set<T>> revokedSets = new TreeMap<>();
        for (String id : members.keySet()) {
            TreeSet<T> all = new TreeSet<>(kept.get(id));
            all.addAll(fresh.get(id));
            owned.put(id, ConfigSnapshot.sorted(all));
            revokedSets.put(id, ConfigSnapshot.sorted(revoked.get(id)));
        }
        return new Placement<>(owner, owned, revokedSets);
    }

    /** The members that are not leaving, which alone receive and balance work. */
    private static SortedMap<String, Member> staying(SortedMap<String, Member> members) {
        SortedMap<String, Member> staying = new TreeMap<>();
        members.forEach((id, member) -> {
            if (!member.leaving()) {
                staying.put(id, member);
            }
        });
        return staying;
    }

    private static <T> Map<String, TreeSet<T>> only(SortedMap<String, Member> staying, Map<String, TreeSet<T>> sets) {
        Map<String, TreeSet<T>> subset = new TreeMap<>();
        staying.keySet().forEach(id -> subset.put(id, sets.get(id)));
        return subset;
    }

    private static <T> String leastLoaded(Collection<String> ids, Map<String, TreeSet<T>> kept,
                                          Map<String, TreeSet<T>> fresh) {
        String best = null;
        int bestLoad = Integer.MAX_VALUE;
        for (String id : ids) { // sorted: ties go to the lowest member id
            int load = kept.get(id).size() + fresh.get(id).size();
            if (load < bestLoad) {
                best = id;
                bestLoad = load;
            }
        }
        return best;
    }

    /**
     * Revokes what lies above each member's fair share. The {@code total % members} most loaded members may keep
     * one more than the rest, which keeps revocations to the minimum. Work a member already ran is revoked (it
     * moves in a later round); work just given to it is simply not given (it stays unowned until then).
     */
    private static <T extends Comparable<T>> void trimToFairShare(int total, Map<String, TreeSet<T>> kept,
                                                                  Map<String, TreeSet<T>> fresh,
                                                                  Map<String, TreeSet<T>> revoked, Map<T, String> owner) {
        int members = kept.size();
        int floor = total / members;
        int withOneMore = total % members;
        List<String> byLoad = new ArrayList<>(kept.keySet());
        byLoad.sort(Comparator.comparingInt((String id) -> -(kept.get(id).size() + fresh.get(id).size()))
                .thenComparing(Comparator.naturalOrder()));
        for (int rank = 0; rank < byLoad.size(); rank++) {
            String id = byLoad.get(rank);
            int allowance = rank < withOneMore ? floor + 1 : floor;
            int excess = kept.get(id).size() + fresh.get(id).size() - allowance;
            for (; excess > 0 && !fresh.get(id).isEmpty(); excess--) {
                owner.remove(fresh.get(id).pollLast());
            }
            for (; excess > 0; excess--) {
                T item = kept.get(id).pollLast();
                owner.remove(item);
                revoked.get(id).add(item);
            }
        }
    }

    /** Resolves held work against the members present and the time: what stays held, what returns to whom. */
    private static final class Holds {
        private final Map<String, Held> kept = new TreeMap<>();
        private final Set<String> heldConnectors = new HashSet<>();
        private final Set<ConnectorTaskId> heldTasks = new HashSet<>();
        private final Map<String, Set<String>> returningConnectors = new TreeMap<>();
        private final Map<String, Set<ConnectorTaskId>> returningTasks = new TreeMap<>();

        static Holds resolve(Input input, SortedMap<String, Member> members) {
            Holds holds = new Holds();
            if (input.lostWorkDelayMs() <= 0) {
                return holds;
            }
            Map<String, Held> all = new TreeMap<>(input.held());
            new TreeMap<>(input.departed()).values().forEach(gone -> all.merge(gone.workerUrl(),
                    new Held(input.nowMs() + input.lostWorkDelayMs(), gone.connectors(), gone.tasks()), Holds::merge));
            Map<String, String> liveByUrl = new HashMap<>();
            staying(members).forEach((id, member) -> liveByUrl.putIfAbsent(member.workerUrl(), id));
            all.forEach((url, held) -> {
                String returned = liveByUrl.get(url);
                if (returned != null) {
                    holds.returningConnectors.computeIfAbsent(returned, id -> new TreeSet<>()).addAll(held.connectors());
                    holds.returningTasks.computeIfAbsent(returned, id -> new TreeSet<>()).addAll(held.tasks());
                } else if (held.deadlineMs() > input.nowMs()) {
                    holds.kept.put(url, held);
                    holds.heldConnectors.addAll(held.connectors());
                    holds.heldTasks.addAll(held.tasks());
                }
            });
            return holds;
        }

        private static Held merge(Held earlier, Held later) {
            Set<String> connectors = new TreeSet<>(earlier.connectors());
            connectors.addAll(later.connectors());
            Set<ConnectorTaskId> tasks = new TreeSet<>(earlier.tasks());
            tasks.addAll(later.tasks());
            return new Held(Math.min(earlier.deadlineMs(), later.deadlineMs()), connectors, tasks);
        }

        /** Held work minus whatever got an owner after all (it was running elsewhere) or was deleted. */
        Map<String, Held> remaining(Input input, Map<String, String> connectorOwners,
                                    Map<ConnectorTaskId, String> taskOwners) {
            Map<String, Held> remaining = new TreeMap<>();
            kept.forEach((url, held) -> {
                Set<String> connectors = new TreeSet<>(held.connectors());
                connectors.removeIf(c -> connectorOwners.containsKey(c) || !input.connectors().contains(c));
                Set<ConnectorTaskId> tasks = new TreeSet<>(held.tasks());
                tasks.removeIf(t -> taskOwners.containsKey(t) || !input.tasks().contains(t));
                if (!connectors.isEmpty() || !tasks.isEmpty()) {
                    remaining.put(url, new Held(held.deadlineMs(), connectors, tasks));
                }
            });
            return remaining;
        }
    }
}
