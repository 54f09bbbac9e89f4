package io.aqueduct.connect.runtime.cli;

import io.aqueduct.connect.runtime.herder.Herder;
import io.aqueduct.connect.runtime.rest.RestServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;

/**
 * The running parts of a worker process and the order they stop in. Start-up registers each part as it comes up
 * ({@link #onStop}); {@link #stop()} stops them in reverse order (herder and tasks first, so offsets are committed
 * while the stores are still open; the REST server last but one), whatever stage start-up reached. Thread-safe;
 * stop is idempotent.
 */
final class Connect {

    private static final Logger log = LoggerFactory.getLogger(Connect.class);

    private final Deque<NamedStep> stopSteps = new ArrayDeque<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile RestServer rest;
    private volatile Herder herder;
    private boolean stopping;

    private record NamedStep(String name, Runnable step) {
    }

    /** Registers how to stop a part that just started; parts stop in the reverse order of registration. */
    synchronized void onStop(String name, Runnable step) {
        stopSteps.push(new NamedStep(name, step));
    }

    void rest(RestServer rest) {
        this.rest = rest;
    }

    RestServer rest() {
        return rest;
    }

    void herder(Herder herder) {
        this.herder = herder;
    }

    Herder herder() {
        return herder;
    }

    /** Stops every registered part; a part that fails to stop is logged and the others still stop. */
    void stop() {
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopping = true;
        }
        log.info("Aqueduct worker stopping");
        NamedStep step;
        while ((step = nextStep()) != null) {
            try {
                step.step().run();
            } catch (RuntimeException e) {
                log.error("Stopping the {} failed; going on with the rest", step.name(), e);
            }
        }
        log.info("Aqueduct worker stopped");
        stopped.countDown();
    }

    private synchronized NamedStep nextStep() {
        return stopSteps.poll();
    }

    /** Blocks until {@link #stop()} has finished. */
    void awaitStop() throws InterruptedException {
        stopped.await();
    }
}
