package io.aqueduct.connect.sink;

import io.aqueduct.connect.connector.Connector;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * A connector that copies data from Kafka topics into an external system through {@link SinkTask}s.
 * The runtime subscribes the tasks to the topics named by {@link #TOPICS_CONFIG} or
 * {@link SinkTask#TOPICS_REGEX_CONFIG} and spreads the partitions among them, so a sink connector's
 * {@link #taskConfigs(int)} usually returns {@code maxTasks} copies of its own configuration. See
 * {@link Connector} for the lifecycle and threading rules.
 */
public abstract class SinkConnector extends Connector {

    /**
     * The configuration key that lists the topics to consume; the same as {@link SinkTask#TOPICS_CONFIG}.
     */
    public static final String TOPICS_CONFIG = SinkTask.TOPICS_CONFIG;

    /**
     * The context given at initialization.
     *
     * @return the context; null only before initialization
     */
    @Override
    protected SinkConnectorContext context() {
        return (SinkConnectorContext) context;
    }

    /**
     * Lets the connector check, and act on, a request to alter or reset its consumer offsets through the
     * REST API. Called while the connector is stopped, on an instance that is not started, before the
     * runtime writes the offsets. May block while updating the external system.
     *
     * @param connectorConfig the connector configuration; never null
     * @param offsets         the new offsets by partition; never null. A null value means the committed
     *                        offset of that partition is to be removed (reset)
     * @return true if the connector accepts the change (it may have updated external state); false,
     *         the default, if it does not implement this, in which case the runtime still writes the
     *         offsets but tells the user that the connector did not confirm them
     * @throws io.aqueduct.connect.errors.ConnectException to reject the change, with a message that
     *         says why
     */
    public boolean alterOffsets(Map<String, String> connectorConfig, Map<TopicPartition, Long> offsets) {
        return false;
    }
}
