package io.aqueduct.connect.runtime.herder;

import io.aqueduct.connect.test.Await;
import io.aqueduct.connect.errors.ConnectException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HerderExecutorTest {

    private final HerderExecutor executor = new HerderExecutor("test-herder", "test");

    @AfterEach
    void shutdown() {
        executor.shutdownNow();
    }

    @Test
    void runsWorkInOrderOnOneNamedThreadAndReportsWhatItIsDoing() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> order = new CopyOnWriteArrayList<>();
        CompletableFuture<String> first = executor.call("doing the first thing", () -> {
            running.countDown();
            release.await(30, TimeUnit.SECONDS);
            order.add("first");
            return Thread.currentThread().getName();
        });
        CompletableFuture<Void> second = executor.call("doing the second thing", () -> {
            order.add("second");
            return null;
        });
        assertTrue(running.await(30, TimeUnit.SECONDS));
        assertEquals(Optional.of("doing the first thing"), executor.activity());

        release.countDown();
        assertEquals("test-herder", first.get(30, TimeUnit.SECONDS));
        second.get(30, TimeUnit.SECONDS);
        assertEquals(List.of("first", "second"), order);
        // The future completes just before the activity is cleared, so poll for the idle state.
        Await.until("the executor is idle", Duration.ofSeconds(30), () -> executor.activity().isEmpty());
        assertEquals(Optional.empty(), executor.activity());
    }

    @Test
    void theFutureFailsWithWhatTheWorkThrew() {
        IllegalStateException failure = new IllegalStateException("boom");
        CompletableFuture<Object> result = executor.call("failing", () -> {
            throw failure;
        });
        ExecutionException e = assertThrows(ExecutionException.class, () -> result.get(30, TimeUnit.SECONDS));
        assertSame(failure, e.getCause());
    }

    @Test
    void workHandedInAfterShutdownFailsNamingTheHerderAndTheWork() {
        executor.shutdownNow();
        assertTrue(executor.isShutdown());
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> executor.call("reading a config", () -> 1).get(30, TimeUnit.SECONDS));
        assertInstanceOf(ConnectException.class, e.getCause());
        assertEquals("The test herder is stopped; cannot do: reading a config", e.getCause().getMessage());
    }
}
