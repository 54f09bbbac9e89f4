package io.aqueduct.connect.runtime.secrets;

import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.runtime.config.WorkerConfig;
import io.aqueduct.connect.runtime.isolation.PluginKind;
import io.aqueduct.connect.runtime.isolation.Plugins;
import org.apache.kafka.common.config.provider.ConfigProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The config providers a worker configuration defines: {@code config.providers=<name>,...}, each with
 * {@code config.providers.<name>.class} (a full class name, simple name or alias of a
 * {@link ConfigProvider} plugin) and {@code config.providers.<name>.param.*} (passed, without the prefix,
 * to {@link ConfigProvider#configure(Map)}).
 *
 * <p>Providers are instantiated through {@link Plugins}, so one from {@code plugin.path} runs with its own
 * class loader, for {@code configure}, every {@code get} and {@code close}. Creation is all or nothing: if
 * one provider cannot be created or configured, those created before it are closed and a
 * {@link ConnectException} names the provider, its class and the reason. Parameter values are never
 * logged or put in messages, since they may be credentials of a secret store.
 *
 * <p>Thread safety: the map is immutable; the providers are called concurrently by whoever transforms
 * configurations (kafka-clients' providers are safe for that). {@link #close()} closes every provider once.
 */
public final class ConfigProviders implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConfigProviders.class);

    static final String PREFIX = WorkerConfig.CONFIG_PROVIDERS_CONFIG + ".";
    private static final String CLASS_SUFFIX = ".class";
    private static final String PARAM_INFIX = ".param.";

    private final Map<String, ConfigProvider> providers;
    private boolean closed;

    private ConfigProviders(Map<String, ConfigProvider> providers) {
        this.providers = Collections.unmodifiableMap(providers);
    }

    /** No providers: every placeholder stays as written. */
    public static ConfigProviders none() {
        return new ConfigProviders(new LinkedHashMap<>());
    }

    /** The providers {@code config} defines, instantiated through {@code plugins}. */
    public static ConfigProviders create(WorkerConfig config, Plugins plugins) {
        return create(config.originalsStrings(), plugins);
    }

    /**
     * The providers the raw worker properties {@code props} define, instantiated through {@code plugins}.
     *
     * @throws ConnectException when a provider has no class, its class is not a known config provider
     *         plugin, or its constructor or {@code configure} fails
     */
    public static ConfigProviders create(Map<String, String> props, Plugins plugins) {
        Map<String, ConfigProvider> created = new LinkedHashMap<>();
        try {
            for (String name : providerNames(props)) {
                created.put(name, createOne(name, props, plugins));
            }
        } catch (RuntimeException e) {
            closeAll(created);
            throw e;
        }
        if (!created.isEmpty()) {
            log.info("Config providers: {}", describe(created));
        }
        return new ConfigProviders(created);
    }

    /** The names listed in {@code config.providers}, trimmed, without blanks or repeats, in order. */
    static List<String> providerNames(Map<String, String> props) {
        String listed = props.get(WorkerConfig.CONFIG_PROVIDERS_CONFIG);
        Set<String> names = new LinkedHashSet<>();
        if (listed != null) {
            for (String name : listed.split(",")) {
                if (!name.isBlank()) {
                    names.add(name.trim());
                }
            }
        }
        return new ArrayList<>(names);
    }

    private static ConfigProvider createOne(String name, Map<String, String> props, Plugins plugins) {
        String classKey = PREFIX + name + CLASS_SUFFIX;
        String className = props.get(classKey);
        if (className == null || className.isBlank()) {
            throw new ConnectException("Config provider '" + name + "' is listed in "
                    + WorkerConfig.CONFIG_PROVIDERS_CONFIG + " but " + classKey + " is not set; set it to a"
                    + " ConfigProvider class, e.g. org.apache.kafka.common.config.provider.FileConfigProvider,"
                    + " or remove '" + name + "' from " + WorkerConfig.CONFIG_PROVIDERS_CONFIG);
        }
        className = className.trim();
        ConfigProvider raw;
        try {
            raw = plugins.newPlugin(PluginKind.CONFIG_PROVIDER, className, ConfigProvider.class);
        } catch (RuntimeException e) {
            throw new ConnectException("Cannot create config provider '" + name + "' (" + classKey + "="
                    + className + "): " + e.getMessage(), e);
        }
        LoaderBoundConfigProvider provider =
                new LoaderBoundConfigProvider(raw, plugins.pluginLoader(raw.getClass().getName()));
        try {
            provider.configure(params(name, props));
        } catch (RuntimeException | LinkageError e) {
            closeQuietly(name, provider);
            throw new ConnectException("Cannot configure config provider '" + name + "' (" + classKey + "="
                    + className + ") with its " + PREFIX + name + PARAM_INFIX + "* settings: " + e, e);
        }
        return provider;
    }

    /** The {@code config.providers.<name>.param.*} settings, without that prefix. */
    static Map<String, Object> params(String name, Map<String, String> props) {
        String prefix = PREFIX + name + PARAM_INFIX;
        Map<String, Object> params = new HashMap<>();
        props.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                params.put(key.substring(prefix.length()), value);
            }
        });
        return params;
    }

    /** Provider by name, for {@link org.apache.kafka.common.config.ConfigTransformer}. Unmodifiable. */
    public Map<String, ConfigProvider> providers() {
        return providers;
    }

    public boolean isEmpty() {
        return providers.isEmpty();
    }

    /** Closes every provider; a failure is logged and does not stop the others from closing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeAll(providers);
    }

    private static void closeAll(Map<String, ConfigProvider> providers) {
        providers.forEach(ConfigProviders::closeQuietly);
    }

    private static void closeQuietly(String name, ConfigProvider provider) {
        try {
            provider.close();
        } catch (Exception | LinkageError e) {
            log.warn("Config provider '{}' ({}) failed to close", name, provider, e);
        }
    }

    private static String describe(Map<String, ConfigProvider> providers) {
        List<String> parts = new ArrayList<>();
        providers.forEach((name, provider) -> parts.add(name + "=" + provider));
        return String.join(", ", parts);
    }

    @Override
    public String toString() {
        return "ConfigProviders[" + describe(providers) + "]";
    }
}
