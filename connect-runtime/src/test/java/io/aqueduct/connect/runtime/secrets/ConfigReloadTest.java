package io.aqueduct.connect.runtime.secrets;

import io.aqueduct.connect.test.Await;
import io.aqueduct.connect.runtime.isolation.Plugins;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigReloadTest {

    private static final long LONG_TTL_MS = TimeUnit.MINUTES.toMillis(10);

    private static Plugins plugins;

    private final List<String> restarts = new CopyOnWriteArrayList<>();
    private WorkerConfigTransformer transformer;

    @BeforeAll
    static void discover() {
        plugins = TestPlugins.classPathOnly();
    }

    @AfterAll
    static void closePlugins() {
        plugins.close();
    }

    @AfterEach
    void close() {
        transformer.close();
    }

    private WorkerConfigTransformer transformer() {
        transformer = new WorkerConfigTransformer(ConfigProviders.create(Map.of("config.providers", "ttl",
                "config.providers.ttl.class", TtlConfigProvider.class.getName(),
                "config.providers.ttl.param.prefix", "token"), plugins), restarts::add);
        return transformer;
    }

    private static Map<String, String> leased(long ttlMs, String reloadAction) {
        return reloadAction == null
                ? Map.of("token", "${ttl:" + ttlMs + ":db}")
                : Map.of("token", "${ttl:" + ttlMs + ":db}", "config.action.reload", reloadAction);
    }

    private void awaitRestarts(int count) {
        Await.until(count + " restart requests", Duration.ofSeconds(10), () -> restarts.size() >= count,
                () -> "got " + restarts, false);
    }

    @Test
    void expiringDataRestartsTheConnectorAfterTheTtl() throws InterruptedException {
        long start = System.nanoTime();
        Map<String, String> resolved = transformer().transform("leased", leased(200, "restart"));

        assertEquals("token-db", resolved.get("token"));
        awaitRestarts(1);
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(200), "restarted before the TTL");
        assertEquals(List.of("leased"), restarts);
        assertNull(transformer.scheduledRestart("leased"), "a fired restart is no longer pending");
    }

    @Test
    void restartIsTheDefaultAndNoneSchedulesNothing() throws InterruptedException {
        WorkerConfigTransformer t = transformer();
        t.transform("kept", leased(50, "NONE"));
        assertNull(t.scheduledRestart("kept"));
        t.transform("defaulted", leased(150, null));

        awaitRestarts(1);
        // "kept" had the shorter TTL, so it would have been restarted first had anything been scheduled
        assertEquals(List.of("defaulted"), restarts);
    }

    @Test
    void aNewerScheduleReplacesTheOlderOne() throws InterruptedException {
        WorkerConfigTransformer t = transformer();
        t.transform("leased", leased(LONG_TTL_MS, "restart"));
        ScheduledFuture<?> first = t.scheduledRestart("leased");
        assertNotNull(first);

        t.transform("leased", leased(100, "restart"));
        assertTrue(first.isCancelled(), "the first schedule must be cancelled");
        awaitRestarts(1);

        t.transform("leased", leased(100, "restart"));
        ScheduledFuture<?> third = t.scheduledRestart("leased");
        t.transform("leased", leased(LONG_TTL_MS, "restart"));
        assertTrue(third.isCancelled());
        assertTrue(t.scheduledRestart("leased").getDelay(TimeUnit.MILLISECONDS) > TimeUnit.MINUTES.toMillis(9));
        assertEquals(List.of("leased"), restarts);
    }

    @Test
    void theShortestTtlOfAConfigCounts() {
        WorkerConfigTransformer t = transformer();
        t.transform("leased", Map.of("a", "${ttl:" + LONG_TTL_MS + ":a}", "b", "${ttl:60000:b}"));
        long delay = t.scheduledRestart("leased").getDelay(TimeUnit.MILLISECONDS);
        assertTrue(delay <= 60_000 && delay > 50_000, "delay " + delay);
    }

    @Test
    void cancelAndCloseDropPendingRestarts() {
        WorkerConfigTransformer t = transformer();
        t.transform("deleted", leased(LONG_TTL_MS, "restart"));
        t.transform("running", leased(LONG_TTL_MS, "restart"));
        ScheduledFuture<?> deleted = t.scheduledRestart("deleted");
        ScheduledFuture<?> running = t.scheduledRestart("running");

        t.cancelScheduledRestart("deleted");
        assertTrue(deleted.isCancelled());
        assertFalse(running.isCancelled());

        int closedBefore = TtlConfigProvider.CLOSED.get();
        t.close();
        assertTrue(running.isCancelled() || running.isDone());
        assertEquals(closedBefore + 1, TtlConfigProvider.CLOSED.get(), "close() must close the providers");
        t.transform("late", leased(10, "restart"));
        assertNull(t.scheduledRestart("late"), "nothing is scheduled after close");
    }

    @Test
    void aFailingRestartCallbackDoesNotStopLaterRestarts() throws InterruptedException {
        transformer = new WorkerConfigTransformer(ConfigProviders.create(Map.of("config.providers", "ttl",
                "config.providers.ttl.class", TtlConfigProvider.class.getName()), plugins), name -> {
                    restarts.add(name);
                    if (name.equals("first")) {
                        throw new IllegalStateException("herder is stopping");
                    }
                });
        transformer.transform("first", leased(20, "restart"));
        awaitRestarts(1);
        transformer.transform("second", leased(20, "restart"));
        awaitRestarts(2);
        assertEquals(List.of("first", "second"), restarts);
    }
}
