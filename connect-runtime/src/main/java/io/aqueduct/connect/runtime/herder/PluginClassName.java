package io.aqueduct.connect.runtime.herder;

import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.runtime.isolation.PluginKind;
import io.aqueduct.connect.runtime.isolation.Plugins;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

import java.util.List;

/**
 * Validates a key whose value names a plugin class ({@code key.converter}, {@code transforms.<alias>.type}...).
 * Such keys are STRING-typed because ConfigDef's CLASS type would load the class from the wrong class loader
 * and without our aliases; the plugins resolve the name instead. Being this validator also marks the key as
 * class-valued, so definitions report it as {@code CLASS} as Apache Kafka Connect does.
 */
final class PluginClassName implements ConfigDef.Validator {

    private final Plugins plugins;
    private final List<PluginKind> kinds;
    private final String knownProblem;

    /**
     * @param knownProblem why the plugin cannot be used, found while the definition was built (e.g. its
     *                     {@code config()} failed); null to resolve the name on each validation
     */
    PluginClassName(Plugins plugins, List<PluginKind> kinds, String knownProblem) {
        this.plugins = plugins;
        this.kinds = List.copyOf(kinds);
        this.knownProblem = knownProblem;
    }

    @Override
    public void ensureValid(String name, Object value) {
        if (value == null || value.toString().isBlank()) {
            return; // unset: a required key reports itself missing, an optional one falls back to the worker's
        }
        if (knownProblem != null) {
            throw new ConfigException(name, value, knownProblem);
        }
        try {
            plugins.pluginClass(kinds, value.toString());
        } catch (ConnectException e) {
            throw new ConfigException(name, value, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "name of a " + String.join("/", kinds.stream().map(PluginKind::type).toList()) + " plugin";
    }
}
