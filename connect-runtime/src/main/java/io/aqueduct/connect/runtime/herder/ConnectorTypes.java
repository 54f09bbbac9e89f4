package io.aqueduct.connect.runtime.herder;

import io.aqueduct.connect.connector.Connector;
import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.runtime.config.ConnectorConfig;
import io.aqueduct.connect.runtime.isolation.PluginKind;
import io.aqueduct.connect.runtime.isolation.Plugins;
import io.aqueduct.connect.sink.SinkConnector;
import io.aqueduct.connect.source.SourceConnector;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells source from sink connectors by the class their {@code connector.class} names, without creating an
 * instance (no plugin code runs), so it is safe on a herder thread and on REST threads. Results are cached by
 * the {@code connector.class} value. Thread-safe.
 */
public final class ConnectorTypes {

    private final Plugins plugins;
    private final Map<String, Class<? extends Connector>> classes = new ConcurrentHashMap<>();

    public ConnectorTypes(Plugins plugins) {
        this.plugins = Objects.requireNonNull(plugins, "plugins");
    }

    /** The type of the connector a config names; {@link ConnectorType#UNKNOWN} if none or not resolvable. */
    public ConnectorType typeOf(Map<String, String> connectorConfig) {
        Class<? extends Connector> connectorClass = connectorClassOrNull(connectorConfig);
        if (connectorClass == null) {
            return ConnectorType.UNKNOWN;
        }
        if (SourceConnector.class.isAssignableFrom(connectorClass)) {
            return ConnectorType.SOURCE;
        }
        return SinkConnector.class.isAssignableFrom(connectorClass) ? ConnectorType.SINK : ConnectorType.UNKNOWN;
    }

    /**
     * The connector class a config names.
     *
     * @throws ConnectException naming the value when it names no installed connector
     */
    public Class<? extends Connector> connectorClass(Map<String, String> connectorConfig) {
        String name = connectorConfig == null ? null : connectorConfig.get(ConnectorConfig.CONNECTOR_CLASS_CONFIG);
        if (name == null || name.isBlank()) {
            throw new ConnectException("The connector config has no '" + ConnectorConfig.CONNECTOR_CLASS_CONFIG + "'");
        }
        return classes.computeIfAbsent(name.trim(),
                n -> plugins.pluginClass(PluginKind.CONNECTORS, n).asSubclass(Connector.class));
    }

    private Class<? extends Connector> connectorClassOrNull(Map<String, String> connectorConfig) {
        try {
            return connectorClass(connectorConfig);
        } catch (ConnectException | ClassCastException e) {
            return null;
        }
    }
}
