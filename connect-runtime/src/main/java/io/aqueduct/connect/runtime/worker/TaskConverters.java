package io.aqueduct.connect.runtime.worker;

import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.runtime.config.WorkerConfig;
import io.aqueduct.connect.runtime.isolation.LoaderSwap;
import io.aqueduct.connect.runtime.isolation.PluginKind;
import io.aqueduct.connect.runtime.isolation.Plugins;
import io.aqueduct.connect.storage.Converter;
import io.aqueduct.connect.storage.ConverterConfig;
import io.aqueduct.connect.storage.ConverterType;
import io.aqueduct.connect.storage.HeaderConverter;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.util.HashMap;
import java.util.Map;

/**
 * The key, value and header converters of one task. Each comes from the connector configuration when it
 * names one (configured with the connector's {@code key.converter.*}, {@code value.converter.*} or
 * {@code header.converter.*} settings), otherwise from the worker configuration (with the worker's
 * settings of the same prefix). Converters also receive {@value ConverterConfig#TYPE_CONFIG}.
 *
 * <p>Each converter comes with the class loader of its plugin, to be made the context class loader while
 * it runs (it may come from another plugin than the connector).
 */
record TaskConverters(Converter key, Converter value, HeaderConverter header,
                      ClassLoader keyLoader, ClassLoader valueLoader, ClassLoader headerLoader) implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TaskConverters.class);

    /** Which class a converter setting resolves to and with which settings, before any plugin code runs. */
    record Choice(String setting, String className, Map<String, Object> config, boolean fromConnector) {
    }

    /** The choice for {@code setting} ({@code key.converter}, {@code value.converter} or {@code header.converter}). */
    static Choice choose(String setting, WorkerConfig worker, Map<String, String> connectorProps) {
        String connectorValue = connectorProps.get(setting);
        String prefix = setting + ".";
        Map<String, Object> config = new HashMap<>();
        if (connectorValue != null && !connectorValue.isBlank()) {
            connectorProps.forEach((k, v) -> {
                if (k.startsWith(prefix)) {
                    config.put(k.substring(prefix.length()), v);
                }
            });
            return new Choice(setting, connectorValue.trim(), config, true);
        }
        config.putAll(worker.originalsWithPrefix(prefix));
        return new Choice(setting, worker.getString(setting), config, false);
    }

    /** Checks that all three converter settings name known plugins; no plugin code runs. */
    static void validate(Plugins plugins, WorkerConfig worker, Map<String, String> connectorProps) {
        resolve(plugins, PluginKind.CONVERTER, choose(WorkerConfig.KEY_CONVERTER_CLASS_CONFIG, worker, connectorProps));
        resolve(plugins, PluginKind.CONVERTER, choose(WorkerConfig.VALUE_CONVERTER_CLASS_CONFIG, worker, connectorProps));
        resolve(plugins, PluginKind.HEADER_CONVERTER,
                choose(WorkerConfig.HEADER_CONVERTER_CLASS_CONFIG, worker, connectorProps));
    }

    private static Class<?> resolve(Plugins plugins, PluginKind kind, Choice choice) {
        try {
            return plugins.pluginClass(kind, choice.className());
        } catch (ConnectException e) {
            throw new ConfigException(choice.setting(), choice.className(),
                    (choice.fromConnector() ? "(connector setting) " : "(worker setting) ") + e.getMessage());
        }
    }

    /** Creates and configures the three converters of a task. */
    static TaskConverters create(Plugins plugins, WorkerConfig worker, Map<String, String> connectorProps) {
        Converter key = null;
        Converter value = null;
        try {
            key = converter(plugins, choose(WorkerConfig.KEY_CONVERTER_CLASS_CONFIG, worker, connectorProps), true);
            value = converter(plugins, choose(WorkerConfig.VALUE_CONVERTER_CLASS_CONFIG, worker, connectorProps), false);
            HeaderConverter header = headerConverter(plugins,
                    choose(WorkerConfig.HEADER_CONVERTER_CLASS_CONFIG, worker, connectorProps));
            return new TaskConverters(key, value, header, plugins.pluginLoader(key.getClass().getName()),
                    plugins.pluginLoader(value.getClass().getName()), plugins.pluginLoader(header.getClass().getName()));
        } catch (RuntimeException e) {
            closeQuietly(key, key == null ? null : plugins.pluginLoader(key.getClass().getName()), "key converter");
            closeQuietly(value, value == null ? null : plugins.pluginLoader(value.getClass().getName()), "value converter");
            throw e;
        }
    }

    @SuppressWarnings("try")
    private static Converter converter(Plugins plugins, Choice choice, boolean isKey) {
        Class<?> type = resolve(plugins, PluginKind.CONVERTER, choice);
        if (!Converter.class.isAssignableFrom(type)) {
            throw new ConfigException(choice.setting(), choice.className(), "Not a " + Converter.class.getName());
        }
        Converter converter = (Converter) plugins.newInstance(type);
        Map<String, Object> config = new HashMap<>(choice.config());
        config.put(ConverterConfig.TYPE_CONFIG, (isKey ? ConverterType.KEY : ConverterType.VALUE).getName());
        try (LoaderSwap swap = plugins.withClassLoader(plugins.pluginLoader(type.getName()))) {
            converter.configure(config, isKey);
        } catch (RuntimeException e) {
            closeQuietly(converter, plugins.pluginLoader(type.getName()), choice.setting());
            throw new ConnectException("Converter " + type.getName() + " (" + choice.setting()
                    + ") rejected its configuration: " + e.getMessage(), e);
        }
        return converter;
    }

    @SuppressWarnings("try")
    private static HeaderConverter headerConverter(Plugins plugins, Choice choice) {
        Class<?> type = resolve(plugins, PluginKind.HEADER_CONVERTER, choice);
        if (!HeaderConverter.class.isAssignableFrom(type)) {
            throw new ConfigException(choice.setting(), choice.className(), "Not a " + HeaderConverter.class.getName());
        }
        HeaderConverter converter = (HeaderConverter) plugins.newInstance(type);
        Map<String, Object> config = new HashMap<>(choice.config());
        config.put(ConverterConfig.TYPE_CONFIG, ConverterType.HEADER.getName());
        try (LoaderSwap swap = plugins.withClassLoader(plugins.pluginLoader(type.getName()))) {
            converter.configure(config);
        } catch (RuntimeException e) {
            closeQuietly(converter, plugins.pluginLoader(type.getName()), choice.setting());
            throw new ConnectException("Header converter " + type.getName() + " (" + choice.setting()
                    + ") rejected its configuration: " + e.getMessage(), e);
        }
        return converter;
    }

    /** Closes the converters, each with its own loader as context loader. */
    @Override
    public void close() {
        closeQuietly(key, keyLoader, "key converter");
        closeQuietly(value, valueLoader, "value converter");
        closeQuietly(header, headerLoader, "header converter");
    }

    private static void closeQuietly(Closeable closeable, ClassLoader loader, String what) {
        if (closeable == null) {
            return;
        }
        ClassLoader previous = ContextLoader.swap(loader);
        try {
            closeQuietly(closeable, what);
        } finally {
            ContextLoader.restore(previous);
        }
    }

    static void closeQuietly(Closeable closeable, String what) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            log.warn("Failed to close the {}", what, e);
        }
    }
}
