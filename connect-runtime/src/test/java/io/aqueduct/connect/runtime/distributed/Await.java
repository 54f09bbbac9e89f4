package io.aqueduct.connect.runtime.distributed;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polling with a deadline for the ITs. */
final class Await {

    private Await() {
    }

    /** Waits until {@code condition} holds; returns the milliseconds it took. */
    static long until(String what, long timeoutMs, BooleanSupplier condition, Supplier<String> state) {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (true) {
            boolean holds;
            try {
                holds = condition.getAsBoolean();
            } catch (RuntimeException | AssertionError e) {
                holds = false;
            }
            if (holds) {
                return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No " + what + " within " + timeoutMs + " ms: " + state.get());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static long until(String what, long timeoutMs, BooleanSupplier condition) {
        return until(what, timeoutMs, condition, () -> "");
    }
}
