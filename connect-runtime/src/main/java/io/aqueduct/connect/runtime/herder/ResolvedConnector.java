package io.aqueduct.connect.runtime.herder;

import io.aqueduct.connect.connector.Connector;
import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.runtime.isolation.LoaderSwap;
import io.aqueduct.connect.runtime.isolation.PluginDesc;
import io.aqueduct.connect.runtime.isolation.PluginKind;
import io.aqueduct.connect.runtime.isolation.Plugins;
import io.aqueduct.connect.runtime.rest.errors.BadRequestException;
import io.aqueduct.connect.sink.SinkConnector;
import io.aqueduct.connect.source.SourceConnector;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The connector plugin a {@code connector.class} value names, with a fresh, never-started instance to ask for
 * its config definition and validation. Calls into the instance go through {@link #call} so that they run with
 * the plugin's class loader as context class loader.
 */
record ResolvedConnector(Plugins plugins, Class<? extends Connector> connectorClass, ConnectorType type,
                         Connector instance) {

    /**
     * @throws BadRequestException {@link HerderErrors#missingConnectorClass()},
     *         {@link HerderErrors#unknownConnectorClass}, or the plugins' message for an ambiguous alias or a
     *         class that cannot be instantiated
     */
    static ResolvedConnector resolve(Plugins plugins, String connectorClass) {
        if (connectorClass == null || connectorClass.isBlank()) {
            throw HerderErrors.missingConnectorClass();
        }
        Class<? extends Connector> resolved;
        try {
            resolved = plugins.pluginClass(PluginKind.CONNECTORS, connectorClass).asSubclass(Connector.class);
        } catch (ConnectException e) {
            List<PluginDesc> available = installedConnectors(plugins);
            if (aliasMatches(available, connectorClass.trim()) > 1) {
                throw new BadRequestException(e.getMessage());
            }
            throw HerderErrors.unknownConnectorClass(connectorClass, available);
        }
        ConnectorType type = SourceConnector.class.isAssignableFrom(resolved) ? ConnectorType.SOURCE
                : SinkConnector.class.isAssignableFrom(resolved) ? ConnectorType.SINK : ConnectorType.UNKNOWN;
        Connector instance;
        try {
            instance = plugins.newInstance(resolved);
        } catch (ConnectException e) {
            throw new BadRequestException(e.getMessage());
        }
        return new ResolvedConnector(plugins, resolved, type, instance);
    }

    /** Every installed connector, sinks and sources together, sorted by class name. */
    static List<PluginDesc> installedConnectors(Plugins plugins) {
        List<PluginDesc> connectors = new ArrayList<>(plugins.plugins(PluginKind.SINK));
        connectors.addAll(plugins.plugins(PluginKind.SOURCE));
        connectors.sort(java.util.Comparator.comparing(PluginDesc::className));
        return connectors;
    }

    private static long aliasMatches(List<PluginDesc> connectors, String name) {
        return connectors.stream().map(PluginDesc::className).distinct().filter(className -> {
            String simple = className.substring(className.lastIndexOf('.') + 1);
            return simple.equals(name) || (simple.endsWith("Connector") && simple.equals(name + "Connector"));
        }).count();
    }

    /** The connector's version, or {@value PluginDesc#UNDEFINED_VERSION} when it states none or fails to. */
    String version() {
        try {
            String version = call(instance::version);
            return version == null || version.isBlank() ? PluginDesc.UNDEFINED_VERSION : version;
        } catch (RuntimeException | LinkageError e) {
            return PluginDesc.UNDEFINED_VERSION;
        }
    }

    /** Runs connector code with the plugin's class loader as the context class loader. */
    @SuppressWarnings("try") // the swap only needs to be open
    <T> T call(Supplier<T> connectorCode) {
        try (LoaderSwap swap = plugins.withClassLoader(plugins.pluginLoader(connectorClass.getName()))) {
            return connectorCode.get();
        }
    }
}
