package io.aqueduct.connect.test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Polling with a deadline, the one way tests wait for something that happens on another thread: the
 * condition is checked every {@link #POLL_INTERVAL} until it holds or the timeout runs out, which fails
 * the test with what was awaited and, optionally, the state seen last.
 */
public final class Await {

    /** How often a condition is checked. */
    public static final Duration POLL_INTERVAL = Duration.ofMillis(20);

    /** A condition that may throw; a throw counts as "not yet" only when {@code ignoreFailures} says so. */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    private Await() {
    }

    /**
     * Waits until {@code condition} holds.
     *
     * @return how long it took, in milliseconds
     * @throws AssertionError naming {@code what} when the timeout runs out, or when the condition throws
     */
    public static long until(String what, Duration timeout, Condition condition) {
        return until(what, timeout, condition, () -> "", false);
    }

    /**
     * Waits until {@code condition} holds.
     *
     * @param state          describes what was seen, added to the failure message
     * @param ignoreFailures whether a condition that throws counts as "not yet" rather than failing at once
     * @return how long it took, in milliseconds
     */
    public static long until(String what, Duration timeout, Condition condition, Supplier<String> state,
                             boolean ignoreFailures) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (true) {
            boolean holds;
            try {
                holds = condition.holds();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting until " + what, e);
            } catch (Exception | AssertionError e) {
                if (!ignoreFailures) {
                    throw new AssertionError("Checking whether " + what + " failed", e);
                }
                holds = false;
            }
            if (holds) {
                return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            }
            if (System.nanoTime() > deadline) {
                String seen = state.get();
                throw new AssertionError("Timed out after " + timeout.toMillis() + " ms waiting until " + what
                        + (seen.isEmpty() ? "" : ": " + seen));
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting until " + what, e);
            }
        }
    }
}
