package io.aqueduct.connect.runtime.worker;

import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import io.aqueduct.connect.runtime.status.TopicStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Reports the first use of each topic by one task (KIP-558 active topics) and stays silent for the topics it has
 * reported already, until the herder says a topic was reset.
 *
 * <p>{@link #record} is on the record path: for a known topic it costs one volatile read and one hash lookup, and
 * allocates nothing. The set of reported topics is replaced, never changed in place, so readers need no lock;
 * only a first use or a reset takes the lock. Thread-safe: a source task records from its producer's I/O thread,
 * resets come from the status store's thread.
 */
final class ActiveTopicTracker {

    private static final Logger log = LoggerFactory.getLogger(ActiveTopicTracker.class);

    private final ConnectorTaskId id;
    private final TopicStatus.Listener listener;
    private final LongSupplier clock;
    private volatile Set<String> reported = Set.of();

    ActiveTopicTracker(ConnectorTaskId id, TopicStatus.Listener listener, LongSupplier clock) {
        this.id = Objects.requireNonNull(id, "id");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Notes that the task used {@code topic}; the listener hears of it the first time only. */
    void record(String topic) {
        if (!reported.contains(topic)) {
            firstUse(topic);
        }
    }

    private void firstUse(String topic) {
        synchronized (this) {
            Set<String> current = reported;
            if (current.contains(topic)) {
                return;
            }
            Set<String> next = new HashSet<>(current);
            next.add(topic);
            reported = next;
        }
        try {
            listener.onActive(id, topic, clock.getAsLong());
        } catch (RuntimeException e) {
            log.warn("{}Could not record topic {} as active: {}", LoggingContext.taskPrefix(id), topic, e.toString());
        }
    }

    /** Forgets {@code topic}, so its next use is reported again (after its active-topic entry was removed). */
    void forget(String topic) {
        synchronized (this) {
            Set<String> current = reported;
            if (current.contains(topic)) {
                Set<String> next = new HashSet<>(current);
                next.remove(topic);
                reported = next;
            }
        }
    }
}
