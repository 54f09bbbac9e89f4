package io.aqueduct.connect.runtime.herder;

import io.aqueduct.connect.connector.Connector;
import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.runtime.isolation.LoaderSwap;
import io.aqueduct.connect.runtime.isolation.PluginDesc;
import io.aqueduct.connect.runtime.isolation.PluginKind;
import io.aqueduct.connect.runtime.isolation.Plugins;
import io.aqueduct.connect.runtime.rest.entities.ConfigKeyInfo;
import io.aqueduct.connect.runtime.rest.entities.PluginInfo;
import io.aqueduct.connect.runtime.rest.errors.BadRequestException;
import io.aqueduct.connect.sink.SinkConnector;
import io.aqueduct.connect.storage.Converter;
import io.aqueduct.connect.storage.HeaderConverter;
import io.aqueduct.connect.transforms.Transformation;
import io.aqueduct.connect.transforms.predicates.Predicate;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@code GET /connector-plugins} and {@code GET /connector-plugins/{p}/config} answer: the installed plugins
 * and the config definition of one of them.
 *
 * <p>Listing reads the discovery results only. {@link #connectorPluginConfig} creates an instance of the plugin and
 * calls its {@code config()} (and {@code version()}), which is plugin code: herders should call it off their own
 * thread. Stateless and thread-safe.
 */
public final class PluginCatalog {

    /** The kinds {@code connectorsOnly=false} adds, in the order they are listed after the connectors. */
    private static final List<PluginKind> OTHER_KINDS = List.of(PluginKind.TRANSFORMATION, PluginKind.PREDICATE,
            PluginKind.CONVERTER, PluginKind.HEADER_CONVERTER);
    /** The kinds {@code /connector-plugins/{p}/config} describes. */
    private static final List<PluginKind> DESCRIBED_KINDS = List.of(PluginKind.SOURCE, PluginKind.SINK,
            PluginKind.TRANSFORMATION, PluginKind.PREDICATE, PluginKind.CONVERTER, PluginKind.HEADER_CONVERTER);
    /** The {@code ?version=} value that means the installed version. */
    public static final String LATEST_VERSION = "latest";

    private final Plugins plugins;

    public PluginCatalog(Plugins plugins) {
        this.plugins = Objects.requireNonNull(plugins, "plugins");
    }

    /**
     * Installed plugins: connectors (sources and sinks together) first, then, unless {@code connectorsOnly},
     * transformations, predicates, converters and header converters; by class name within each group. A plugin
     * that states no version has a null {@code version}.
     */
    public List<PluginInfo> connectorPlugins(boolean connectorsOnly) {
        List<PluginInfo> infos = new ArrayList<>();
        ResolvedConnector.installedConnectors(plugins).forEach(plugin -> infos.add(info(plugin)));
        if (!connectorsOnly) {
            for (PluginKind kind : OTHER_KINDS) {
                plugins.plugins(kind).forEach(plugin -> infos.add(info(plugin)));
            }
        }
        return infos;
    }

    private static PluginInfo info(PluginDesc plugin) {
        String version = PluginDesc.UNDEFINED_VERSION.equals(plugin.version()) ? null : plugin.version();
        return new PluginInfo(plugin.className(), plugin.type(), version);
    }

    /**
     * The config definition of a plugin: a connector's own keys followed by the framework keys of its type
     * (source or sink); a transformation's, predicate's, converter's or header converter's own keys.
     *
     * @param plugin  full class name, simple class name or alias
     * @param version the version asked for; null or {@value #LATEST_VERSION} for the installed one
     * @throws io.aqueduct.connect.errors.NotFoundException {@link HerderErrors#unknownPlugin} (404)
     * @throws BadRequestException {@link HerderErrors#versionNotFound} when the installed version does not match,
     *         or when the name is ambiguous or the plugin cannot describe its configuration
     */
    public List<ConfigKeyInfo> connectorPluginConfig(String plugin, String version) {
        Class<?> pluginClass;
        try {
            pluginClass = plugins.pluginClass(DESCRIBED_KINDS, plugin);
        } catch (ConnectException e) {
            if (e.getMessage() != null && e.getMessage().contains("ambiguous")) {
                throw new BadRequestException(e.getMessage());
            }
            throw HerderErrors.unknownPlugin(plugin);
        }
        Object instance;
        try {
            instance = plugins.newInstance(pluginClass);
        } catch (ConnectException e) {
            throw new BadRequestException(e.getMessage());
        }
        String installed = installedVersion(pluginClass);
        if (version != null && !version.isBlank() && !LATEST_VERSION.equals(version) && !version.trim().equals(installed)) {
            throw HerderErrors.versionNotFound(pluginClass.getName(), version.trim(), installed);
        }
        ConfigDef own = ownConfigDef(instance);
        List<ConfigKeyInfo> keys = new ArrayList<>();
        for (ConfigKey key : own.configKeys().values()) {
            keys.add(ConfigInfoConversions.keyInfo(key));
        }
        if (instance instanceof Connector) {
            ConnectorType type = instance instanceof SinkConnector ? ConnectorType.SINK : ConnectorType.SOURCE;
            ConfigDef framework = ConnectorConfigDefs.framework(plugins, type, pluginClass.getName(), installed);
            for (ConfigKey key : framework.configKeys().values()) {
                keys.add(ConfigInfoConversions.keyInfo(key));
            }
        }
        return keys;
    }

    private String installedVersion(Class<?> pluginClass) {
        for (PluginKind kind : DESCRIBED_KINDS) {
            for (PluginDesc desc : plugins.plugins(kind)) {
                if (desc.className().equals(pluginClass.getName())) {
                    return desc.version();
                }
            }
        }
        return PluginDesc.UNDEFINED_VERSION;
    }

    @SuppressWarnings("try") // the swap only needs to be open
    private ConfigDef ownConfigDef(Object instance) {
        ConfigDef def;
        try (LoaderSwap swap = plugins.withClassLoader(plugins.pluginLoader(instance.getClass().getName()))) {
            if (instance instanceof Connector connector) {
                def = connector.config();
            } else if (instance instanceof Transformation<?> transformation) {
                def = transformation.config();
            } else if (instance instanceof Predicate<?> predicate) {
                def = predicate.config();
            } else if (instance instanceof Converter converter) {
                def = converter.config();
            } else {
                def = ((HeaderConverter) instance).config();
            }
        } catch (RuntimeException | LinkageError e) {
            throw new BadRequestException("Plugin " + instance.getClass().getName()
                    + " failed to describe its configuration (config()): " + e);
        }
        if (def == null) {
            throw new BadRequestException("Plugin " + instance.getClass().getName()
                    + " returned no ConfigDef from config(); it must return one, empty if it has no settings");
        }
        return def;
    }
}
