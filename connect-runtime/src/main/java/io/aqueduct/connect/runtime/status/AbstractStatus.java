package io.aqueduct.connect.runtime.status;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Objects;

/**
 * The observed state of a connector or task as one worker reported it: the fields of a status record
 * ({@code state}, {@code trace}, {@code worker_id}, {@code generation}, {@code version}). Immutable.
 *
 * @param <T> the id type: the connector name, or a {@link io.aqueduct.connect.runtime.herder.ConnectorTaskId}
 */
public abstract class AbstractStatus<T> {

    /** The states a connector or task can be in, with Apache Kafka Connect's names. */
    public enum State {
        /** Not running on any worker (yet). */
        UNASSIGNED,
        /** Started and working. */
        RUNNING,
        /** Started but not processing records, by user request. */
        PAUSED,
        /** Ended with an error; the trace says why. */
        FAILED,
        /** Being restarted. */
        RESTARTING,
        /** A connector shut down by user request ({@code PUT /stop}); its tasks are gone. */
        STOPPED,
        /** Deleted: the status is removed from the store (a tombstone on a topic). */
        DESTROYED
    }

    private final T id;
    private final State state;
    private final String trace;
    private final String workerId;
    private final int generation;
    private final String version;

    /**
     * @param id         the connector name or task id; never null
     * @param state      the state; never null
     * @param workerId   the worker that reported it, as {@code host:port}; never null
     * @param generation the worker group generation when it was reported (0 in standalone mode)
     * @param trace      the stack trace text of a failure; null unless FAILED
     * @param version    the plugin version; may be null
     */
    protected AbstractStatus(T id, State state, String workerId, int generation, String trace, String version) {
        this.id = Objects.requireNonNull(id, "id");
        this.state = Objects.requireNonNull(state, "state");
        this.workerId = Objects.requireNonNull(workerId, "workerId");
        this.generation = generation;
        this.trace = trace;
        this.version = version;
    }

    public T id() {
        return id;
    }

    public State state() {
        return state;
    }

    /** The full stack trace text of the failure (as {@link Throwable#printStackTrace()} writes it); null unless FAILED. */
    public String trace() {
        return trace;
    }

    public String workerId() {
        return workerId;
    }

    public int generation() {
        return generation;
    }

    /** The version of the connector or task plugin; may be null. */
    public String version() {
        return version;
    }

    /** The text stored as {@code trace} for {@code error}: its stack trace including causes. */
    public static String traceOf(Throwable error) {
        if (error == null) {
            return null;
        }
        StringWriter text = new StringWriter();
        try (PrintWriter writer = new PrintWriter(text)) {
            error.printStackTrace(writer);
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        AbstractStatus<?> that = (AbstractStatus<?>) o;
        return generation == that.generation && id.equals(that.id) && state == that.state
                && Objects.equals(trace, that.trace) && workerId.equals(that.workerId)
                && Objects.equals(version, that.version);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, state, trace, workerId, generation, version);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{id=" + id + ", state=" + state + ", workerId='" + workerId
                + "', generation=" + generation + ", version=" + version
                + (trace == null ? "" : ", trace=" + trace.lines().findFirst().orElse("")) + "}";
    }
}
