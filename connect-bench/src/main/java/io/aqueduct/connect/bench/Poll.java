package io.aqueduct.connect.bench;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling with a deadline: the benchmark's clocks stop at the first poll that sees the goal reached. */
final class Poll {

    /** How often conditions are checked; bounds the timing error of every measurement. */
    static final long INTERVAL_MILLIS = 20;

    private Poll() {
    }

    static void pause() {
        try {
            Thread.sleep(INTERVAL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while polling", e);
        }
    }

    /** Polls until the condition holds; returns false at the deadline. */
    static boolean until(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            pause();
        }
    }
}
