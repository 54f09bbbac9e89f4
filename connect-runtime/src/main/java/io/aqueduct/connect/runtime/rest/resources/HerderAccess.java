package io.aqueduct.connect.runtime.rest.resources;

import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.runtime.herder.Herder;
import io.aqueduct.connect.runtime.herder.HerderErrors;
import io.aqueduct.connect.runtime.herder.NotLeaderException;
import io.aqueduct.connect.runtime.herder.RebalanceNeededException;
import io.aqueduct.connect.runtime.rest.errors.ConnectRestException;
import jakarta.ws.rs.core.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * How resources reach the herder: the herder may be attached after the server started, and every wait on it is
 * bounded by the request timeout. This is also the single place where a "not the leader" answer turns into
 * forwarding and where writes wait out a rebalance.
 */
public final class HerderAccess {

    static final String STARTING_MESSAGE = "The worker is still starting up and cannot serve this request yet; "
            + "retry once GET /health answers 200";

    private static final Logger log = LoggerFactory.getLogger(HerderAccess.class);
    /** Leadership and rebalances usually settle within a few hundred ms: retry soon, then less often. */
    private static final Duration FIRST_RETRY_BACKOFF = Duration.ofMillis(50);
    private static final Duration MAX_RETRY_BACKOFF = Duration.ofSeconds(1);

    private final AtomicReference<Herder> herder = new AtomicReference<>();
    private volatile String kafkaClusterId;
    private final LeaderForwarder forwarder = new LeaderForwarder();
    private volatile Duration requestTimeout;
    private volatile Duration healthCheckTimeout;

    public HerderAccess(Duration requestTimeout, Duration healthCheckTimeout) {
        this.requestTimeout = Objects.requireNonNull(requestTimeout);
        this.healthCheckTimeout = Objects.requireNonNull(healthCheckTimeout);
    }

    public void attach(Herder herder) {
        this.herder.set(Objects.requireNonNull(herder, "herder"));
    }

    /**
     * Makes {@code GET /} answer before a herder is attached or ready: the Kafka cluster id is all it needs that is
     * not known at build time.
     */
    public void kafkaClusterId(String clusterId) {
        this.kafkaClusterId = Objects.requireNonNull(clusterId, "clusterId");
    }

    /** The Kafka cluster id given early or, failing that, the attached herder's; 503 while neither is known. */
    String kafkaClusterId() {
        String early = kafkaClusterId;
        if (early != null) {
            return early;
        }
        Herder h = herder.get();
        String fromHerder = h == null ? null : h.kafkaClusterId();
        if (fromHerder == null) {
            throw new ConnectRestException(503, STARTING_MESSAGE);
        }
        return fromHerder;
    }

    public void requestTimeout(Duration timeout) {
        this.requestTimeout = Objects.requireNonNull(timeout);
    }

    public void healthCheckTimeout(Duration timeout) {
        this.healthCheckTimeout = Objects.requireNonNull(timeout);
    }

    /** True when a herder is attached and says it is ready. */
    public boolean ready() {
        Herder h = herder.get();
        return h != null && h.isReady();
    }

    /** The attached herder; 503 while there is none. */
    Herder herder() {
        Herder h = herder.get();
        if (h == null) {
            throw new ConnectRestException(503, STARTING_MESSAGE);
        }
        return h;
    }

    Duration healthCheckTimeout() {
        return healthCheckTimeout;
    }

    /**
     * Waits for a read-like herder operation (one that changes nothing) within the request timeout. It is neither
     * retried nor forwarded: reads never wait for a rebalance.
     *
     * @param operation what the herder was asked to do, e.g. "read the offsets of connector 'x'", for messages
     * @return the operation's result
     */
    <T> T await(CompletableFuture<T> future, String operation) {
        Duration timeout = requestTimeout;
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw timedOut(timeout, operation);
        } catch (InterruptedException e) {
            throw interrupted(operation);
        } catch (ExecutionException e) {
            throw asRuntime(unwrap(e.getCause()));
        }
    }

    /**
     * Performs a write within the request timeout, the way a client of a cluster wants it done:
     * <ul>
     *   <li>when this worker is not the leader ({@link NotLeaderException}), the request is sent on to the leader
     *   and the leader's answer is relayed (see {@link LeaderForwarder}); a client's {@code forward=false} forbids
     *   that and gets 409, as in the reference;</li>
     *   <li>while no leader is known or the leader cannot be reached, and while a rebalance is expected
     *   ({@link RebalanceNeededException}), the herder is asked again after a short backoff, since leadership and
     *   rebalances settle within moments. Only when the request timeout runs out does the client get the reference's
     *   answer: 409 for no reachable leader, 500 for a rebalance (naming what was blocked).</li>
     * </ul>
     * A herder that fails a write either way has done nothing, so asking again is safe.
     *
     * @param request   the request as received, for forwarding
     * @param operation what is asked, e.g. "delete connector 'x'", for messages
     * @param call      starts the operation on the herder; called again for every retry
     * @param respond   turns the herder's result into this worker's response
     */
    <T> Response write(WriteRequest request, String operation, Function<Herder, CompletableFuture<T>> call,
                       Function<T, Response> respond) {
        Duration timeout = requestTimeout;
        long deadline = System.nanoTime() + timeout.toNanos();
        Duration backoff = FIRST_RETRY_BACKOFF;
        while (true) {
            Herder current = herder();
            Throwable failure;
            try {
                CompletableFuture<T> future = call.apply(current);
                return respond.apply(future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                throw timedOut(timeout, operation);
            } catch (InterruptedException e) {
                throw interrupted(operation);
            } catch (ExecutionException e) {
                failure = unwrap(e.getCause());
            } catch (NotLeaderException | RebalanceNeededException e) {
                failure = e; // thrown instead of returned as a failed future
            }

            if (failure instanceof RebalanceNeededException) {
                if (!pauseBeforeRetry(deadline, backoff, current.rebalanceSettled(), operation)) {
                    throw new ConnectRestException(500, HerderErrors.rebalanceExpected().getMessage()
                            + ": the group was still rebalancing after " + timeout.toMillis() + " ms of waiting to "
                            + operation + "; retry once the rebalance has finished", failure);
                }
            } else if (failure instanceof NotLeaderException notLeader) {
                if (Boolean.FALSE.equals(request.forward())) {
                    // The client (or the worker that forwarded to us) asked that this worker do it itself.
                    throw HerderErrors.conflictingOperation();
                }
                if (notLeader.leaderUrl() != null) {
                    Optional<Response> answer = forwarder.forward(request, notLeader.leaderUrl(),
                            Duration.ofNanos(Math.max(1, deadline - System.nanoTime())), operation);
                    if (answer.isPresent()) {
                        return answer.get();
                    }
                }
                if (!pauseBeforeRetry(deadline, backoff, null, operation)) {
                    log.warn("No leader could be reached within {} ms to {} (last known leader: {})",
                            timeout.toMillis(), operation, notLeader.leaderUrl());
                    throw HerderErrors.conflictingOperation();
                }
            } else {
                throw asRuntime(failure);
            }
            backoff = min(backoff.multipliedBy(2), MAX_RETRY_BACKOFF);
        }
    }

    /**
     * Waits for the backoff, or until {@code settled} completes if that comes first.
     *
     * @return whether time is left for another attempt
     */
    private static boolean pauseBeforeRetry(long deadline, Duration backoff, CompletableFuture<Void> settled,
                                            String operation) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            return false;
        }
        long pause = Math.min(backoff.toNanos(), remaining);
        try {
            if (settled != null && !settled.isDone()) {
                settled.get(pause, TimeUnit.NANOSECONDS);
            } else {
                TimeUnit.NANOSECONDS.sleep(pause);
            }
        } catch (TimeoutException | ExecutionException e) {
            // The backoff elapsed, or the herder's signal failed: either way, try again.
        } catch (InterruptedException e) {
            throw interrupted(operation);
        }
        return System.nanoTime() < deadline;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private ConnectRestException timedOut(Duration timeout, String operation) {
        String activity = herder().currentActivity().map(a -> " The herder is currently " + a + ".").orElse("");
        return new ConnectRestException(500, "Request timed out after " + timeout.toMillis()
                + " ms waiting for the herder to " + operation + "." + activity
                + " The operation may still complete; check the connector before retrying.");
    }

    private static ConnectRestException interrupted(String operation) {
        Thread.currentThread().interrupt();
        return new ConnectRestException(500, "Interrupted while waiting for the herder to " + operation);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static RuntimeException asRuntime(Throwable cause) {
        if (cause instanceof NotLeaderException) {
            return HerderErrors.conflictingOperation();
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        return new ConnectException(cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
    }
}
