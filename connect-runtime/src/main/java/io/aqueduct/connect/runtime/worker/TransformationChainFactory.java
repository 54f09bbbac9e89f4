package io.aqueduct.connect.runtime.worker;

import io.aqueduct.connect.connector.ConnectRecord;
import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.runtime.config.ConnectorConfig;
import io.aqueduct.connect.runtime.errors.RetryWithToleranceOperator;
import io.aqueduct.connect.runtime.isolation.LoaderSwap;
import io.aqueduct.connect.runtime.isolation.PluginKind;
import io.aqueduct.connect.runtime.isolation.Plugins;
import io.aqueduct.connect.transforms.Transformation;
import io.aqueduct.connect.transforms.predicates.Predicate;
import org.apache.kafka.common.config.ConfigException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code transforms} and {@code predicates} settings of a connector configuration and builds
 * {@link TransformationChain}s from them.
 *
 * <p>{@link #parse} only checks the settings and resolves class names (no plugin code runs), so a
 * worker can refuse a bad configuration up front; {@link #build} creates and configures the plugin
 * instances, one per alias, with each plugin's class loader as context loader.
 */
final class TransformationChainFactory {

    static final String TYPE = "type";
    static final String PREDICATE = "predicate";
    static final String NEGATE = "negate";

    private record TransformSpec(String alias, Class<?> type, Map<String, Object> config, String predicate,
                                 boolean negate) {
    }

    private record PredicateSpec(String alias, Class<?> type, Map<String, Object> config) {
    }

    private final List<TransformSpec> transforms;
    private final Map<String, PredicateSpec> predicates;

    private TransformationChainFactory(List<TransformSpec> transforms, Map<String, PredicateSpec> predicates) {
        this.transforms = transforms;
        this.predicates = predicates;
    }

    /**
     * Checks the transformation and predicate settings of {@code props}.
     *
     * @throws ConfigException naming the key when a setting is missing or wrong
     */
    static TransformationChainFactory parse(Plugins plugins, Map<String, String> props) {
        Map<String, PredicateSpec> predicates = new LinkedHashMap<>();
        for (String alias : aliases(props, ConnectorConfig.PREDICATES_CONFIG)) {
            String prefix = ConnectorConfig.PREDICATES_CONFIG + "." + alias + ".";
            Class<?> type = resolve(plugins, PluginKind.PREDICATE, props, prefix + TYPE);
            predicates.put(alias, new PredicateSpec(alias, type, withPrefix(props, prefix)));
        }
        List<TransformSpec> transforms = new ArrayList<>();
        for (String alias : aliases(props, ConnectorConfig.TRANSFORMS_CONFIG)) {
            String prefix = ConnectorConfig.TRANSFORMS_CONFIG + "." + alias + ".";
            Class<?> type = resolve(plugins, PluginKind.TRANSFORMATION, props, prefix + TYPE);
            Map<String, Object> config = withPrefix(props, prefix);
            Object predicate = config.remove(PREDICATE);
            Object negate = config.remove(NEGATE);
            String predicateAlias = predicate == null || predicate.toString().isBlank() ? null : predicate.toString().trim();
            if (predicateAlias != null && !predicates.containsKey(predicateAlias)) {
                throw new ConfigException(prefix + PREDICATE, predicate, "No predicate '" + predicateAlias
                        + "' is listed in '" + ConnectorConfig.PREDICATES_CONFIG + "'; add it there with "
                        + ConnectorConfig.PREDICATES_CONFIG + "." + predicateAlias + ".type");
            }
            transforms.add(new TransformSpec(alias, type, config, predicateAlias, parseNegate(prefix + NEGATE, negate)));
        }
        return new TransformationChainFactory(transforms, predicates);
    }

    private static boolean parseNegate(String key, Object value) {
        if (value == null) {
            return false;
        }
        String text = value.toString().trim();
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false") || text.isEmpty()) {
            return false;
        }
        throw new ConfigException(key, value, "Use true or false");
    }

    private static List<String> aliases(Map<String, String> props, String key) {
        String listed = props.get(key);
        List<String> aliases = new ArrayList<>();
        if (listed == null) {
            return aliases;
        }
        for (String alias : listed.split(",")) {
            String trimmed = alias.trim();
            if (!trimmed.isEmpty()) {
                if (aliases.contains(trimmed)) {
                    throw new ConfigException(key, listed, "Alias '" + trimmed + "' is listed twice");
                }
                aliases.add(trimmed);
            }
        }
        return aliases;
    }

    private static Class<?> resolve(Plugins plugins, PluginKind kind, Map<String, String> props, String key) {
        String name = props.get(key);
        if (name == null || name.isBlank()) {
            throw new ConfigException(key, name, "Missing the class (or alias) of the " + kind.type()
                    + "; set " + key);
        }
        try {
            return plugins.pluginClass(kind, name);
        } catch (ConnectException e) {
            throw new ConfigException(key, name, e.getMessage());
        }
    }

    private static Map<String, Object> withPrefix(Map<String, String> props, String prefix) {
        Map<String, Object> config = new HashMap<>();
        props.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                config.put(key.substring(prefix.length()), value);
            }
        });
        return config;
    }

    /** As {@link #build(Plugins, RetryWithToleranceOperator)} with an operator that tolerates nothing. */
    <R extends ConnectRecord<R>> TransformationChain<R> build(Plugins plugins) {
        return build(plugins, RetryWithToleranceOperator.failFast());
    }

    /**
     * Creates and configures the chain's plugins. On failure the plugins created so far are closed.
     *
     * @param operator runs every transformation and predicate of the chain
     * @throws ConnectException naming the alias when a plugin cannot be created or configured
     */
    @SuppressWarnings({"unchecked", "try"})
    <R extends ConnectRecord<R>> TransformationChain<R> build(Plugins plugins, RetryWithToleranceOperator operator) {
        Map<String, Predicate<R>> predicateInstances = new HashMap<>();
        Map<String, ClassLoader> predicateLoaders = new HashMap<>();
        List<TransformationStage<R>> stages = new ArrayList<>();
        try {
            for (PredicateSpec spec : predicates.values()) {
                Predicate<R> predicate = (Predicate<R>) plugins.newInstance(spec.type());
                ClassLoader loader = plugins.pluginLoader(spec.type().getName());
                predicateInstances.put(spec.alias(), predicate);
                predicateLoaders.put(spec.alias(), loader);
                try (LoaderSwap swap = plugins.withClassLoader(loader)) {
                    predicate.configure(spec.config());
                } catch (RuntimeException e) {
                    throw new ConnectException("Predicate '" + spec.alias() + "' (" + spec.type().getName()
                            + ") rejected its configuration: " + e.getMessage(), e);
                }
            }
            for (TransformSpec spec : transforms) {
                Transformation<R> transformation = (Transformation<R>) plugins.newInstance(spec.type());
                ClassLoader loader = plugins.pluginLoader(spec.type().getName());
                Predicate<R> predicate = spec.predicate() == null ? null : predicateInstances.get(spec.predicate());
                ClassLoader predicateLoader = spec.predicate() == null ? null : predicateLoaders.get(spec.predicate());
                stages.add(new TransformationStage<>(spec.alias(), transformation, loader, predicate, predicateLoader,
                        spec.negate()));
                try (LoaderSwap swap = plugins.withClassLoader(loader)) {
                    transformation.configure(spec.config());
                } catch (RuntimeException e) {
                    throw new ConnectException("Transformation '" + spec.alias() + "' (" + spec.type().getName()
                            + ") rejected its configuration: " + e.getMessage(), e);
                }
            }
        } catch (RuntimeException e) {
            new TransformationChain<>(stages, operator).close();
            predicateInstances.forEach((alias, p) -> {
                ClassLoader previous = ContextLoader.swap(predicateLoaders.get(alias));
                try {
                    p.close();
                } catch (RuntimeException ignored) {
                    // already failing; the first error is the one reported
                } finally {
                    ContextLoader.restore(previous);
                }
            });
            throw e;
        }
        return new TransformationChain<>(stages, operator);
    }
}
