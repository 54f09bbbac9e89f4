package io.aqueduct.connect.runtime.distributed;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** The distributed ITs' shorthand for {@link io.aqueduct.connect.test.Await}: a check that throws counts as "not yet". */
final class Await {

    private Await() {
    }

    /** Waits until {@code condition} holds; returns the milliseconds it took. */
    static long until(String what, long timeoutMs, BooleanSupplier condition, Supplier<String> state) {
        return io.aqueduct.connect.test.Await.until(what, Duration.ofMillis(timeoutMs), condition::getAsBoolean,
                state, true);
    }

    static long until(String what, long timeoutMs, BooleanSupplier condition) {
        return until(what, timeoutMs, condition, () -> "");
    }
}
