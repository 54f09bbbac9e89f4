package io.aqueduct.connect.runtime.secrets;

import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.runtime.config.ConnectorConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigTransformer;
import org.apache.kafka.common.config.ConfigTransformerResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;

/**
 * Resolves {@code ${provider:path:key}} placeholders in connector and task configurations when they
 * start, and schedules a connector restart when a provider says its data expires.
 *
 * <p>Contract for the Worker and herders:
 * <ul>
 *   <li>Call {@link #transform(String, Map)} with the stored configuration right before a connector or
 *       task is started (and before validating a connector) and hand the result to the plugin only. Never
 *       store, return over REST or log the result; log {@link LogSafeConfig} copies instead.</li>
 *   <li>Unknown providers and keys a provider has no value for leave the placeholder as written, as
 *       kafka-clients' {@link ConfigTransformer} does, with a WARN naming the connector, the key and the
 *       placeholder text (never a value).</li>
 *   <li>When any provider returns a TTL and the configuration's {@code config.action.reload} is
 *       {@code restart} (the default), {@code restartConnector} is called with the connector name after
 *       the shortest TTL, on a thread this class owns; it must only enqueue the restart (e.g. ask the
 *       herder) and return. A later TTL for the same connector replaces the earlier schedule. With
 *       {@code none}, nothing is scheduled.</li>
 *   <li>{@link #close()} at worker shutdown cancels pending restarts, stops the thread and closes the
 *       providers. Close it before closing {@code Plugins}, whose class loaders the providers use.</li>
 * </ul>
 *
 * <p>Safe for concurrent use from any thread.
 */
public final class WorkerConfigTransformer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WorkerConfigTransformer.class);

    private final ConfigProviders providers;
    private final ConfigTransformer transformer;
    private final ReloadScheduler reloads;

    /**
     * @param providers the worker's providers; this transformer owns them from now on and closes them
     * @param restartConnector asked to restart a connector whose provider data expired; called on the
     *        transformer's own thread, must not block
     */
    public WorkerConfigTransformer(ConfigProviders providers, Consumer<String> restartConnector) {
        this.providers = Objects.requireNonNull(providers, "providers");
        this.transformer = new ConfigTransformer(providers.providers());
        this.reloads = new ReloadScheduler(Objects.requireNonNull(restartConnector, "restartConnector"));
    }

    /**
     * A copy of {@code config} with every resolvable placeholder replaced by its value; {@code config}
     * itself is not changed. Returns {@code null} for a {@code null} config.
     *
     * @param connectorName the connector the configuration belongs to (for a task: its connector); used
     *        in warnings and as the one to restart when provider data expires
     * @throws ConnectException when a provider fails, e.g. a file named by a placeholder cannot be read;
     *         the message names the connector and the provider's reason
     */
    public Map<String, String> transform(String connectorName, Map<String, String> config) {
        if (config == null) {
            return null;
        }
        if (!hasPlaceholder(config)) {
            return new HashMap<>(config);
        }
        ConfigTransformerResult result;
        try {
            result = transformer.transform(config);
        } catch (ConfigException e) {
            throw new ConnectException("Cannot resolve the config provider placeholders of connector '"
                    + connectorName + "': " + e.getMessage() + ". Check the paths in its ${provider:path:key}"
                    + " placeholders and the provider's config.providers.<name>.param.* settings", e);
        }
        Map<String, String> resolved = new HashMap<>(result.data());
        UnresolvedPlaceholders.warn("connector '" + connectorName + "'", config, resolved, providers.providers());
        scheduleReload(connectorName, config, result.ttls());
        return resolved;
    }

    /** Drops a pending TTL restart of {@code connectorName}; call it when the connector is deleted or stopped. */
    public void cancelScheduledRestart(String connectorName) {
        reloads.cancel(connectorName);
    }

    /** The names of the providers this transformer resolves, e.g. {@code [file, env]}. */
    public Set<String> providerNames() {
        return providers.providers().keySet();
    }

    private void scheduleReload(String connectorName, Map<String, String> config, Map<String, Long> ttls) {
        if (ttls.isEmpty() || connectorName == null) {
            return;
        }
        String action = config.getOrDefault(ConnectorConfig.CONFIG_RELOAD_ACTION_CONFIG,
                ConnectorConfig.CONFIG_RELOAD_ACTION_RESTART);
        if (!ConnectorConfig.CONFIG_RELOAD_ACTION_RESTART.equals(action.trim().toLowerCase(Locale.ROOT))) {
            log.debug("Connector '{}' has config provider data with a TTL but {}={}; not scheduling a restart",
                    connectorName, ConnectorConfig.CONFIG_RELOAD_ACTION_CONFIG, action);
            return;
        }
        long delayMs = Collections.min(ttls.values());
        log.info("Connector '{}' will be restarted in {} ms, when its config provider data expires ({}={})",
                connectorName, delayMs, ConnectorConfig.CONFIG_RELOAD_ACTION_CONFIG, action);
        reloads.schedule(connectorName, delayMs);
    }

    private static boolean hasPlaceholder(Map<String, String> config) {
        for (String value : config.values()) {
            if (Placeholders.containsAny(value)) {
                return true;
            }
        }
        return false;
    }

    /** The pending TTL restart of {@code connectorName}, or {@code null}; for tests. */
    ScheduledFuture<?> scheduledRestart(String connectorName) {
        return reloads.pending(connectorName);
    }

    /** Cancels pending restarts, stops the reload thread and closes the providers. */
    @Override
    public void close() {
        reloads.close();
        providers.close();
    }
}
