package io.aqueduct.connect.runtime.worker;

import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ActiveTopicTrackerTest {

    private static final ConnectorTaskId TASK = new ConnectorTaskId("conn", 3);

    private record Report(ConnectorTaskId task, String topic, long timestamp) {
    }

    private final List<Report> reports = new CopyOnWriteArrayList<>();
    private final AtomicLong clock = new AtomicLong(1_000);
    private final ActiveTopicTracker tracker = new ActiveTopicTracker(TASK,
            (task, topic, timestamp) -> reports.add(new Report(task, topic, timestamp)), clock::get);

    @Test
    void eachTopicIsReportedOnceWithTheTimeOfItsFirstUse() {
        tracker.record("a");
        clock.set(2_000);
        tracker.record("a");
        tracker.record("b");
        tracker.record(new String("a")); // an equal name from another record counts as the same topic
        tracker.record("b");

        assertEquals(List.of(new Report(TASK, "a", 1_000), new Report(TASK, "b", 2_000)), reports);
    }

    @Test
    void aForgottenTopicIsReportedAgainAtItsNextUseOnly() {
        tracker.record("a");
        tracker.record("b");
        tracker.forget("a");
        tracker.forget("never-used");
        clock.set(5_000);
        tracker.record("a");
        tracker.record("a");
        tracker.record("b");

        assertEquals(List.of(new Report(TASK, "a", 1_000), new Report(TASK, "b", 1_000),
                new Report(TASK, "a", 5_000)), reports);
    }

    @Test
    void aFailingListenerDoesNotReachTheRecordPathAndTheTopicCountsAsReported() {
        List<String> attempts = new ArrayList<>();
        ActiveTopicTracker failing = new ActiveTopicTracker(TASK, (task, topic, timestamp) -> {
            attempts.add(topic);
            throw new IllegalStateException("status store stopped");
        }, clock::get);

        failing.record("a");
        failing.record("a");

        assertEquals(List.of("a"), attempts);
    }

    @Test
    void concurrentFirstUsesReportATopicOnce() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                done.add(pool.submit(() -> {
                    go.await();
                    for (int n = 0; n < 1_000; n++) {
                        tracker.record("topic-" + (n % 10));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> future : done) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(10, reports.size(), reports::toString);
        assertEquals(10, reports.stream().map(Report::topic).distinct().count());
    }
}
