package io.aqueduct.connect.runtime.herder;

import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.runtime.config.ConnectorConfig;
import io.aqueduct.connect.runtime.isolation.LoaderSwap;
import io.aqueduct.connect.runtime.isolation.PluginKind;
import io.aqueduct.connect.runtime.isolation.Plugins;
import io.aqueduct.connect.storage.Converter;
import io.aqueduct.connect.storage.HeaderConverter;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Makes a connector config safe to log: every value whose key is PASSWORD-typed is replaced by
 * {@code [hidden]}. The types come from the full definition of the config (framework keys, the transformations'
 * and predicates' keys, the connector's own {@code config()}, the converters' keys under
 * {@code key.converter.}/{@code value.converter.}/{@code header.converter.}, the Kafka client settings under
 * {@code *.override.}). A key no definition knows is hidden when its name suggests a secret
 * ({@code password}, {@code secret}, {@code jaas.config}, {@code token}, {@code credential}), since over-hiding in
 * a log costs nothing.
 *
 * <p>Only for logs (and anything else a human reads in passing). {@code GET /connectors/{c}/config} returns the
 * stored config unmasked, config provider placeholders like {@code ${file:...}} included, as the reference does,
 * and the stored config itself is never changed.
 *
 * <p>Builds the definition through plugin code ({@code config()}), so it may be slow; never call it on a herder's
 * own thread with a config whose plugins are not known to behave. Stateless and thread-safe.
 */
public final class ConfigRedactor {

    private static final Logger log = LoggerFactory.getLogger(ConfigRedactor.class);

    /** What a hidden value is shown as. */
    public static final String HIDDEN = ConfigInfoConversions.HIDDEN;

    private static final List<String> SECRET_HINTS = List.of("password", "secret", "jaas.config", "token", "credential");

    private final Plugins plugins;

    public ConfigRedactor(Plugins plugins) {
        this.plugins = Objects.requireNonNull(plugins, "plugins");
    }

    /** A copy of {@code config} (same key order) with PASSWORD-typed values replaced by {@value #HIDDEN}. */
    public Map<String, String> redact(Map<String, String> config) {
        Map<String, ConfigKey> keys = definitions(config);
        Map<String, String> redacted = new LinkedHashMap<>();
        config.forEach((key, value) -> redacted.put(key, value != null && isSecret(key, keys.get(key)) ? HIDDEN : value));
        return redacted;
    }

    private static boolean isSecret(String key, ConfigKey definition) {
        if (definition != null) {
            return definition.type == ConfigDef.Type.PASSWORD;
        }
        String lower = key.toLowerCase(Locale.ROOT);
        return SECRET_HINTS.stream().anyMatch(lower::contains);
    }

    /** Every definition of a key of {@code config} that can be found; plugins that fail are skipped. */
    private Map<String, ConfigKey> definitions(Map<String, String> config) {
        Map<String, ConfigKey> keys = new HashMap<>();
        for (String key : config.keySet()) {
            ConfigKey client = ClientOverrides.clientKey(key);
            if (client != null) {
                keys.put(key, client);
            }
        }
        addConverterKeys(keys, config, ConnectorConfig.KEY_CONVERTER_CLASS_CONFIG, PluginKind.CONVERTER);
        addConverterKeys(keys, config, ConnectorConfig.VALUE_CONVERTER_CLASS_CONFIG, PluginKind.CONVERTER);
        addConverterKeys(keys, config, ConnectorConfig.HEADER_CONVERTER_CLASS_CONFIG, PluginKind.HEADER_CONVERTER);
        ResolvedConnector connector;
        try {
            connector = ResolvedConnector.resolve(plugins, config.get(ConnectorConfig.CONNECTOR_CLASS_CONFIG));
        } catch (ConnectException e) {
            log.debug("Cannot resolve the connector of a config to redact; hiding by key names only: {}", e.getMessage());
            return keys;
        }
        try {
            ConfigDef own = connector.call(connector.instance()::config);
            if (own != null) {
                keys.putAll(own.configKeys());
            }
        } catch (RuntimeException | LinkageError e) {
            log.debug("Connector {} failed in config(); hiding its keys by name only", connector.connectorClass(), e);
        }
        keys.putAll(ConnectorConfigDefs.enriched(plugins, connector.type(), connector.connectorClass().getName(),
                connector.version(), config, true).configKeys());
        return keys;
    }

    @SuppressWarnings("try") // the swap only needs to be open
    private void addConverterKeys(Map<String, ConfigKey> keys, Map<String, String> config, String classKey,
                                  PluginKind kind) {
        String name = config.get(classKey);
        if (name == null || name.isBlank()) {
            return;
        }
        try {
            Class<?> converterClass = plugins.pluginClass(kind, name);
            Object converter = plugins.newInstance(converterClass);
            ConfigDef def;
            try (LoaderSwap swap = plugins.withClassLoader(plugins.pluginLoader(converterClass.getName()))) {
                def = converter instanceof Converter c ? c.config() : ((HeaderConverter) converter).config();
            }
            if (def != null) {
                def.configKeys().forEach((key, definition) -> keys.put(classKey + "." + key, definition));
            }
        } catch (RuntimeException | LinkageError e) {
            log.debug("Cannot read the settings of {}={}; hiding its keys by name only", classKey, name, e);
        }
    }
}
