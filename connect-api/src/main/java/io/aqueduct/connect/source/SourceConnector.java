package io.aqueduct.connect.source;

import io.aqueduct.connect.connector.Connector;
import java.util.Map;

/**
 * A connector that copies data from an external system into Kafka through {@link SourceTask}s. See
 * {@link Connector} for the lifecycle and threading rules.
 */
public abstract class SourceConnector extends Connector {

    /**
     * The context given at initialization, with access to committed source offsets.
     *
     * @return the context; null only before initialization
     */
    @Override
    protected SourceConnectorContext context() {
        return (SourceConnectorContext) context;
    }

    /**
     * Whether this connector can deliver exactly once with the given configuration. Called during
     * validation and before start when the worker has exactly-once source support enabled, on an
     * instance that may not be started. Must not block for long.
     *
     * @param connectorConfig the connector configuration; never null
     * @return {@link ExactlyOnceSupport#SUPPORTED} or {@link ExactlyOnceSupport#UNSUPPORTED}, or null
     *         (the default) when the connector does not say; the runtime then treats it as
     *         unsupported if the user required exactly-once support
     */
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        return null;
    }

    /**
     * Whether this connector's tasks can define their own transaction boundaries with the given
     * configuration, which is required for {@code transaction.boundary=connector}. Called like
     * {@link #exactlyOnceSupport(Map)}.
     *
     * @param connectorConfig the connector configuration; never null
     * @return whether boundaries can be defined; the default is
     *         {@link ConnectorTransactionBoundaries#UNSUPPORTED}. Null is treated as unsupported
     */
    public ConnectorTransactionBoundaries canDefineTransactionBoundaries(Map<String, String> connectorConfig) {
        return ConnectorTransactionBoundaries.UNSUPPORTED;
    }

    /**
     * Lets the connector check, and act on, a request to alter or reset its committed offsets through
     * the REST API. Called while the connector is stopped, on an instance that is not started, before
     * the runtime writes the offsets. May block while updating the external system.
     *
     * @param connectorConfig the connector configuration; never null
     * @param offsets         the new offsets by source partition; never null. A null value means the
     *                        offset of that partition is to be removed (reset)
     * @return true if the connector accepts the change (it may have updated external state); false,
     *         the default, if it does not implement this, in which case the runtime still writes the
     *         offsets but tells the user that the connector did not confirm them
     * @throws io.aqueduct.connect.errors.ConnectException to reject the change, with a message that
     *         says why
     */
    public boolean alterOffsets(Map<String, String> connectorConfig, Map<Map<String, ?>, Map<String, ?>> offsets) {
        return false;
    }
}
