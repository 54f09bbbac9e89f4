package io.aqueduct.connect.connector;

import io.aqueduct.connect.components.Versioned;
import io.aqueduct.connect.errors.ConnectException;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;

/**
 * The coordinating half of a plugin: it validates the user's configuration, decides how to split the
 * job into at most {@code tasks.max} pieces, and watches the external system for changes that require a
 * new split. It moves no data itself; its {@link Task}s do. Plugins extend
 * {@link io.aqueduct.connect.source.SourceConnector} or {@link io.aqueduct.connect.sink.SinkConnector}.
 *
 * <h2>Lifecycle and threads</h2>
 * The runtime creates an instance through the public no-argument constructor, calls
 * {@link #initialize(ConnectorContext)} and then {@link #start(Map)}, asks for
 * {@link #taskConfigs(int)} whenever it needs task configurations, and finally calls {@link #stop()}.
 * A stopped instance is never started again; a restart uses a fresh instance.
 * <ul>
 *   <li>The lifecycle calls of one instance ({@code initialize}, {@code start}, {@code taskConfigs},
 *   {@code reconfigure}, {@code stop}) never overlap: they come one at a time from worker threads,
 *   though not necessarily the same thread each time. Each call runs under a time limit, so none of
 *   them should block for long.</li>
 *   <li>{@link #validate(Map)} and {@link #config()} are called on separate, throw-away instances that
 *   are never started, possibly concurrently with other instances of the same class.</li>
 *   <li>{@link #version()} may be called on any thread at any time.</li>
 * </ul>
 * A connector that watches the external system on its own threads reports changes through
 * {@link ConnectorContext#requestTaskReconfiguration()} and fatal problems through
 * {@link ConnectorContext#raiseError(Exception)}; those threads must end in {@link #stop()}.
 */
public abstract class Connector implements Versioned {

    /**
     * The context given to {@link #initialize(ConnectorContext)}; null until then. Kept as a protected
     * field because many existing connectors use it directly; prefer {@link #context()}.
     */
    protected ConnectorContext context;

    /**
     * Gives the connector its context. Called once by the runtime, before {@link #start(Map)}.
     * Subclasses that override it must call {@code super}.
     *
     * @param ctx the context; never null
     */
    public void initialize(ConnectorContext ctx) {
        this.context = ctx;
    }

    /**
     * Gives the connector its context together with the task configurations that are currently stored
     * for it, so that a connector can carry state across restarts. The runtime may call this instead
     * of {@link #initialize(ConnectorContext)}, once, before {@link #start(Map)}. The default ignores
     * the task configurations. Subclasses that override it must call {@code super}.
     *
     * @param ctx         the context; never null
     * @param taskConfigs the stored task configurations; never null, may be empty
     */
    public void initialize(ConnectorContext ctx, List<Map<String, String>> taskConfigs) {
        this.context = ctx;
    }

    /**
     * The context given to {@link #initialize(ConnectorContext)}.
     *
     * @return the context; null only before initialization
     */
    protected ConnectorContext context() {
        return context;
    }

    /**
     * Starts the connector. Called once, after initialization, with the user's configuration. It may
     * contact the external system to discover what to copy, but should not block for long; anything
     * slow or periodic belongs on a background thread that {@link #stop()} ends.
     *
     * @param props the connector configuration; never null. Config provider placeholders are resolved
     * @throws ConnectException if the connector cannot start; the connector is then marked FAILED
     */
    public abstract void start(Map<String, String> props);

    /**
     * Applies a new configuration to a running connector. The runtime may instead apply a configuration
     * change by stopping this instance and starting a fresh one, so connectors must not depend on this
     * being called. The default calls {@link #stop()} then {@link #start(Map)}.
     *
     * @param props the new connector configuration; never null
     */
    public void reconfigure(Map<String, String> props) {
        stop();
        start(props);
    }

    /**
     * The task implementation of this connector. Called after {@link #start(Map)}.
     *
     * @return the task class; never null. It must have a public no-argument constructor
     */
    public abstract Class<? extends Task> taskClass();

    /**
     * Splits the connector's job into task configurations. Called after {@link #start(Map)}, and again
     * after each {@link ConnectorContext#requestTaskReconfiguration()}. The runtime starts one task per
     * returned configuration; an empty list runs no tasks.
     *
     * @param maxTasks the value of {@code tasks.max}; always positive
     * @return the task configurations, at most {@code maxTasks} of them; never null
     */
    public abstract List<Map<String, String>> taskConfigs(int maxTasks);

    /**
     * Stops the connector and any threads it started. Called once; must not block for long. Tasks are
     * stopped separately and may still be running while this is called.
     */
    public abstract void stop();

    /**
     * Validates a connector configuration without starting anything. Called on an instance that is
     * never initialized or started. The default validates each entry against {@link #config()};
     * connectors override it to add checks that involve several keys, and should call {@code super}
     * so the per-key checks still run.
     *
     * @param connectorConfigs the configuration to check; never null
     * @return one {@link ConfigValue} per key of {@link #config()}, each with any error messages found
     * @throws ConnectException if {@link #config()} returned null
     */
    public Config validate(Map<String, String> connectorConfigs) {
        ConfigDef definition = config();
        if (definition == null) {
            throw new ConnectException(getClass().getName() + ".config() returned null; a connector must"
                + " return its ConfigDef (an empty one if it has no settings of its own)");
        }
        List<ConfigValue> values = definition.validate(connectorConfigs);
        return new Config(values);
    }

    /**
     * The configuration this connector accepts, used for validation and for the documentation shown
     * by the REST API. May be called on any thread and on instances that were never started.
     *
     * @return the definition; never null
     */
    public abstract ConfigDef config();
}
