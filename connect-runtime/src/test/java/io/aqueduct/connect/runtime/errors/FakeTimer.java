package io.aqueduct.connect.runtime.errors;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** A clock that only moves when the operator waits, recording every wait. */
final class FakeTimer implements RetryTimer {

    final List<Long> waits = new ArrayList<>();
    long now = 1_000_000L;
    int clockReads;
    Runnable onWait = () -> { };

    @Override
    public long nowMs() {
        clockReads++;
        return now;
    }

    @Override
    public boolean await(CountDownLatch stop, long delayMs) {
        waits.add(delayMs);
        onWait.run();
        if (stop.getCount() == 0) {
            return true;
        }
        now += delayMs;
        return false;
    }
}
