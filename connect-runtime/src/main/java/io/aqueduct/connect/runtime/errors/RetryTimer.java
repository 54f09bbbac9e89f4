package io.aqueduct.connect.runtime.errors;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Time and waiting for the retry backoff; replaced in tests so they need not wait. */
interface RetryTimer {

    RetryTimer SYSTEM = new RetryTimer() {
        @Override
        public long nowMs() {
            return System.currentTimeMillis();
        }

        @Override
        public boolean await(CountDownLatch stop, long delayMs) throws InterruptedException {
            return stop.await(delayMs, TimeUnit.MILLISECONDS);
        }
    };

    long nowMs();

    /**
     * Waits {@code delayMs}, or less when {@code stop} opens first.
     *
     * @return true if the wait ended because a stop was requested
     */
    boolean await(CountDownLatch stop, long delayMs) throws InterruptedException;
}
