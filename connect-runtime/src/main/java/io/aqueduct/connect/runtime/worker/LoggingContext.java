package io.aqueduct.connect.runtime.worker;

import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import org.slf4j.MDC;

/**
 * Sets the MDC key {@value #CONNECTOR_CONTEXT} for the length of a try-with-resources block, so log
 * lines written by connector code say which connector or task wrote them; restores the previous value
 * on close. Must be closed on the thread that opened it.
 */
public final class LoggingContext implements AutoCloseable {

    /** The MDC key, as in Apache Kafka Connect's log patterns ({@code %X{connector.context}}). */
    public static final String CONNECTOR_CONTEXT = "connector.context";

    private final String previous;

    private LoggingContext(String value) {
        previous = MDC.get(CONNECTOR_CONTEXT);
        MDC.put(CONNECTOR_CONTEXT, value);
    }

    /** {@code [<connector>|worker] }: for the connector's own calls. */
    public static LoggingContext forConnector(String connector) {
        return new LoggingContext(connectorPrefix(connector));
    }

    /** {@code [<connector>|task-<n>] }: for a task's calls. */
    public static LoggingContext forTask(ConnectorTaskId id) {
        return new LoggingContext(taskPrefix(id));
    }

    static String connectorPrefix(String connector) {
        return "[" + connector + "|worker] ";
    }

    static String taskPrefix(ConnectorTaskId id) {
        return "[" + id.connector() + "|task-" + id.task() + "] ";
    }

    @Override
    public void close() {
        if (previous == null) {
            MDC.remove(CONNECTOR_CONTEXT);
        } else {
            MDC.put(CONNECTOR_CONTEXT, previous);
        }
    }
}
