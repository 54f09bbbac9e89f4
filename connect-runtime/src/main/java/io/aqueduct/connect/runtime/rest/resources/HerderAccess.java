package io.aqueduct.connect.runtime.rest.resources;

import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.runtime.herder.Herder;
import io.aqueduct.connect.runtime.herder.HerderErrors;
import io.aqueduct.connect.runtime.herder.NotLeaderException;
import io.aqueduct.connect.runtime.rest.errors.ConnectRestException;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How resources reach the herder: the herder may be attached after the server started, and every wait on it is
 * bounded by the request timeout. This is also the single place where a "not the leader" answer turns into a
 * response (and, later, into forwarding).
 */
public final class HerderAccess {

    static final String STARTING_MESSAGE = "The worker is still starting up and cannot serve this request yet; "
            + "retry once GET /health answers 200";

    private final AtomicReference<Herder> herder = new AtomicReference<>();
    private volatile Duration requestTimeout;
    private volatile Duration healthCheckTimeout;

    public HerderAccess(Duration requestTimeout, Duration healthCheckTimeout) {
        this.requestTimeout = Objects.requireNonNull(requestTimeout);
        this.healthCheckTimeout = Objects.requireNonNull(healthCheckTimeout);
    }

    public void attach(Herder herder) {
        this.herder.set(Objects.requireNonNull(herder, "herder"));
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
     * Waits for a herder operation within the request timeout.
     *
     * @param operation what the herder was asked to do, e.g. "create connector 'x'", for the timeout message
     * @param forward   the request's {@code forward} parameter (null when absent), for leader-only writes
     * @return the operation's result
     */
    <T> T await(CompletableFuture<T> future, String operation, Boolean forward) {
        Duration timeout = requestTimeout;
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            String activity = herder().currentActivity().map(a -> " The herder is currently " + a + ".").orElse("");
            throw new ConnectRestException(500, "Request timed out after " + timeout.toMillis()
                    + " ms waiting for the herder to " + operation + "." + activity
                    + " The operation may still complete; check the connector before retrying.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectRestException(500, "Interrupted while waiting for the herder to " + operation);
        } catch (ExecutionException e) {
            throw translate(e.getCause(), forward);
        }
    }

    private static RuntimeException translate(Throwable failure, Boolean forward) {
        Throwable cause = failure;
        while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof NotLeaderException notLeader) {
            if (Boolean.FALSE.equals(forward)) {
                return HerderErrors.conflictingOperation();
            }
            String leader = notLeader.leaderUrl() == null ? "the leader (unknown right now)" : notLeader.leaderUrl();
            return new ConnectRestException(409, "This request must be handled by the leader and this worker "
                    + "is not it; forwarding to " + leader + " is not supported yet, so send the request there. ("
                    + notLeader.getMessage() + ")", notLeader);
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        return new ConnectException(cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
    }
}
