package io.aqueduct.connect.runtime.secrets;

import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.runtime.config.WorkerConfig;
import io.aqueduct.connect.runtime.config.WorkerConfig.PluginDiscovery;
import io.aqueduct.connect.runtime.isolation.PluginKind;
import io.aqueduct.connect.runtime.isolation.Plugins;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigTransformer;
import org.apache.kafka.common.config.ConfigTransformerResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Resolves {@code ${provider:path:key}} placeholders in the worker's own properties with the providers
 * those properties define (KIP-297), before they are parsed into a {@link WorkerConfig}:
 * <pre>{@code
 * Map<String, String> props = WorkerPropsTransformer.transform(Utils.propsToStringMap(file));
 * StandaloneConfig config = new StandaloneConfig(props);
 * }</pre>
 * The {@code config.providers*} keys themselves are used as written. Unresolvable placeholders stay as
 * written, with a WARN naming the key and the placeholder. The providers used here are closed before
 * the method returns; the worker creates its own set for connectors. TTLs are ignored: worker
 * properties are read once per process.
 */
public final class WorkerPropsTransformer {

    private WorkerPropsTransformer() {
    }

    /**
     * {@code props} with placeholders resolved, finding providers on the class path and on the
     * {@code plugin.path} that {@code props} gives (which must not itself be a placeholder), with its
     * {@code plugin.discovery} mode. Returns an equal copy, without discovering anything, when
     * {@code config.providers} is empty.
     *
     * @throws ConnectException when a provider cannot be created or configured, or fails to read
     */
    public static Map<String, String> transform(Map<String, String> props) {
        if (ConfigProviders.providerNames(props).isEmpty()) {
            return new HashMap<>(props);
        }
        try (Plugins plugins = Plugins.discover(pluginPath(props), discovery(props),
                List.of(PluginKind.CONFIG_PROVIDER))) {
            return transform(props, plugins);
        }
    }

    /** As {@link #transform(Map)}, instantiating providers through plugins already discovered. */
    public static Map<String, String> transform(Map<String, String> props, Plugins plugins) {
        if (ConfigProviders.providerNames(props).isEmpty()) {
            return new HashMap<>(props);
        }
        Map<String, String> toResolve = new HashMap<>();
        Map<String, String> kept = new HashMap<>();
        props.forEach((key, value) -> {
            if (key.equals(WorkerConfig.CONFIG_PROVIDERS_CONFIG) || key.startsWith(ConfigProviders.PREFIX)) {
                kept.put(key, value);
            } else {
                toResolve.put(key, value);
            }
        });
        try (ConfigProviders providers = ConfigProviders.create(props, plugins)) {
            ConfigTransformerResult result = new ConfigTransformer(providers.providers()).transform(toResolve);
            Map<String, String> resolved = new HashMap<>(result.data());
            UnresolvedPlaceholders.warn("worker configuration", toResolve, resolved, providers.providers());
            resolved.putAll(kept);
            return resolved;
        } catch (ConfigException e) {
            throw new ConnectException("Cannot resolve the config provider placeholders of the worker"
                    + " configuration: " + e.getMessage(), e);
        }
    }

    private static List<String> pluginPath(Map<String, String> props) {
        List<String> entries = new ArrayList<>();
        String path = props.get(WorkerConfig.PLUGIN_PATH_CONFIG);
        if (path != null) {
            for (String entry : path.split(",")) {
                if (!entry.isBlank()) {
                    entries.add(entry.trim());
                }
            }
        }
        return entries;
    }

    private static PluginDiscovery discovery(Map<String, String> props) {
        String mode = props.getOrDefault(WorkerConfig.PLUGIN_DISCOVERY_CONFIG, PluginDiscovery.HYBRID_WARN.name());
        try {
            return PluginDiscovery.valueOf(mode.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConnectException("Invalid value '" + mode + "' for " + WorkerConfig.PLUGIN_DISCOVERY_CONFIG
                    + "; use one of only_scan, hybrid_warn, hybrid_fail, service_load");
        }
    }
}
