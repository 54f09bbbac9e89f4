package io.aqueduct.connect.runtime.herder;

import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.runtime.config.ConnectorConfig;
import io.aqueduct.connect.runtime.config.SinkConnectorConfig;
import io.aqueduct.connect.runtime.config.SourceConnectorConfig;
import io.aqueduct.connect.runtime.isolation.LoaderSwap;
import io.aqueduct.connect.runtime.isolation.PluginKind;
import io.aqueduct.connect.runtime.isolation.Plugins;
import io.aqueduct.connect.transforms.Transformation;
import io.aqueduct.connect.transforms.predicates.Predicate;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Builds the full ConfigDef a connector config is checked against: the framework keys of its connector type
 * (source or sink), the topic creation keys its {@code topic.creation.*} settings turn on, and for every
 * transformation and predicate alias the keys {@code transforms.<alias>.type/negate/predicate} and
 * {@code predicates.<alias>.type} plus the plugin's own {@code config()} keys under the alias's prefix.
 *
 * <p>Calls {@code config()} of the transformations and predicates a config names, which is plugin code: it may
 * be slow or hang, so callers run this off the herder thread (see {@link ConnectorValidator}). A plugin that
 * cannot be found or whose {@code config()} fails is not an exception here: its {@code .type} key carries a
 * validator that reports the problem as an error on that key.
 */
public final class ConnectorConfigDefs {

    /** Group of the keys of the transformation with a given alias ({@code "Transforms: <alias>"}). */
    public static final String TRANSFORMS_GROUP_PREFIX = "Transforms: ";
    /** Group of the keys of the predicate with a given alias ({@code "Predicates: <alias>"}). */
    public static final String PREDICATES_GROUP_PREFIX = "Predicates: ";

    static final String TYPE_SUFFIX = "type";
    static final String NEGATE_SUFFIX = "negate";
    static final String PREDICATE_SUFFIX = "predicate";

    private ConnectorConfigDefs() {
    }

    /**
     * The framework keys of a connector of {@code type}, as {@code GET /connector-plugins/{p}/config} lists them:
     * converter keys resolved through {@code plugins}, {@code connector.plugin.version} defaulting to the
     * installed version.
     *
     * @param connectorClass   the connector's class name, for version messages
     * @param connectorVersion the installed version of the connector
     * @throws IllegalArgumentException for {@link ConnectorType#UNKNOWN}
     */
    public static ConfigDef framework(Plugins plugins, ConnectorType type, String connectorClass,
                                      String connectorVersion) {
        return refine(base(type, Map.of(), false), plugins, connectorClass, connectorVersion);
    }

    /**
     * Everything a connector config of {@code type} is validated against (see the class comment).
     *
     * @param props                the connector config; only read
     * @param topicCreationEnabled the worker's {@code topic.creation.enable}: the topic creation group keys
     *                             are only defined when it is true
     */
    public static ConfigDef enriched(Plugins plugins, ConnectorType type, String connectorClass,
                                     String connectorVersion, Map<String, String> props,
                                     boolean topicCreationEnabled) {
        Objects.requireNonNull(props, "props");
        ConfigDef def = refine(base(type, props, topicCreationEnabled), plugins, connectorClass, connectorVersion);
        List<String> predicateAliases = aliases(props.get(ConnectorConfig.PREDICATES_CONFIG));
        for (String alias : aliases(props.get(ConnectorConfig.TRANSFORMS_CONFIG))) {
            defineTransform(def, plugins, alias, props, predicateAliases);
        }
        for (String alias : predicateAliases) {
            definePredicate(def, plugins, alias, props);
        }
        return def;
    }

    private static ConfigDef base(ConnectorType type, Map<String, String> props, boolean topicCreationEnabled) {
        return switch (type) {
            case SOURCE -> topicCreationEnabled
                    ? SourceConnectorConfig.enrichedConfigDef(props)
                    : SourceConnectorConfig.configDef();
            case SINK -> SinkConnectorConfig.configDef();
            case UNKNOWN -> throw new IllegalArgumentException("A connector is either a source or a sink, not "
                    + type);
        };
    }

    /** The distinct, non-empty aliases of a {@code transforms} or {@code predicates} value, in order. */
    static List<String> aliases(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        Set<String> aliases = new LinkedHashSet<>();
        for (String alias : value.split(",")) {
            if (!alias.isBlank()) {
                aliases.add(alias.trim());
            }
        }
        return List.copyOf(aliases);
    }

    private static ConfigDef refine(ConfigDef base, Plugins plugins, String connectorClass, String connectorVersion) {
        Map<String, UnaryOperator<ConfigKey>> changes = new HashMap<>();
        changes.put(ConnectorConfig.CONNECTOR_VERSION_CONFIG, key -> redefine(key, connectorVersion,
                versionValidator(connectorClass, connectorVersion), fixedRecommendation(connectorVersion)));
        changes.put(ConnectorConfig.KEY_CONVERTER_CLASS_CONFIG, key -> redefine(key, key.defaultValue,
                new PluginClassName(plugins, List.of(PluginKind.CONVERTER), null), key.recommender));
        changes.put(ConnectorConfig.VALUE_CONVERTER_CLASS_CONFIG, key -> redefine(key, key.defaultValue,
                new PluginClassName(plugins, List.of(PluginKind.CONVERTER), null), key.recommender));
        changes.put(ConnectorConfig.HEADER_CONVERTER_CLASS_CONFIG, key -> redefine(key, key.defaultValue,
                new PluginClassName(plugins, List.of(PluginKind.HEADER_CONVERTER), null), key.recommender));
        ConfigDef refined = new ConfigDef();
        for (ConfigKey key : base.configKeys().values()) {
            refined.define(changes.getOrDefault(key.name, UnaryOperator.identity()).apply(key));
        }
        return refined;
    }

    private static ConfigKey redefine(ConfigKey key, Object defaultValue, ConfigDef.Validator validator,
                                      ConfigDef.Recommender recommender) {
        return new ConfigKey(key.name, key.type, defaultValue, validator, key.importance, key.documentation,
                key.group, key.orderInGroup, key.width, key.displayName, key.dependents, recommender,
                key.internalConfig);
    }

    private static ConfigDef.Validator versionValidator(String pluginClass, String installed) {
        return (name, value) -> {
            if (value != null && !value.toString().trim().equals(installed)) {
                throw new ConfigException(HerderErrors.versionNotFound(pluginClass, value.toString().trim(), installed)
                        .getMessage());
            }
        };
    }

    private static ConfigDef.Recommender fixedRecommendation(String value) {
        return new ConfigDef.Recommender() {
            @Override
            public List<Object> validValues(String name, Map<String, Object> parsedConfig) {
                return List.of(value);
            }

            @Override
            public boolean visible(String name, Map<String, Object> parsedConfig) {
                return true;
            }
        };
    }

    private static void defineTransform(ConfigDef def, Plugins plugins, String alias, Map<String, String> props,
                                        List<String> predicateAliases) {
        String prefix = ConnectorConfig.TRANSFORMS_CONFIG + "." + alias + ".";
        String group = TRANSFORMS_GROUP_PREFIX + alias;
        PluginKeys plugin = PluginKeys.load(plugins, PluginKind.TRANSFORMATION, Transformation.class,
                props.get(prefix + TYPE_SUFFIX));
        int order = 0;
        def.define(prefix + TYPE_SUFFIX, Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                new PluginClassName(plugins, List.of(PluginKind.TRANSFORMATION), plugin.problem()), Importance.HIGH,
                "Class name or alias of the transformation that '" + alias + "' applies.",
                group, ++order, Width.LONG, "Transformation type for " + alias);
        def.define(prefix + NEGATE_SUFFIX, Type.BOOLEAN, false, Importance.MEDIUM,
                "Whether '" + alias + "' applies to the records its predicate does NOT match.",
                group, ++order, Width.SHORT, "Negate predicate for " + alias);
        def.define(prefix + PREDICATE_SUFFIX, Type.STRING, null, predicateAlias(predicateAliases), Importance.MEDIUM,
                "Alias (from 'predicates') of the predicate that decides which records '" + alias
                        + "' applies to; every record when unset.",
                group, ++order, Width.MEDIUM, "Predicate for " + alias);
        definePrefixed(def, plugin.configDef(), prefix, group, order);
    }

    private static void definePredicate(ConfigDef def, Plugins plugins, String alias, Map<String, String> props) {
        String prefix = ConnectorConfig.PREDICATES_CONFIG + "." + alias + ".";
        String group = PREDICATES_GROUP_PREFIX + alias;
        PluginKeys plugin = PluginKeys.load(plugins, PluginKind.PREDICATE, Predicate.class,
                props.get(prefix + TYPE_SUFFIX));
        def.define(prefix + TYPE_SUFFIX, Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                new PluginClassName(plugins, List.of(PluginKind.PREDICATE), plugin.problem()), Importance.HIGH,
                "Class name or alias of the predicate '" + alias + "'.",
                group, 1, Width.LONG, "Predicate type for " + alias);
        definePrefixed(def, plugin.configDef(), prefix, group, 1);
    }

    private static ConfigDef.Validator predicateAlias(List<String> predicateAliases) {
        return (name, value) -> {
            if (value != null && !value.toString().isBlank() && !predicateAliases.contains(value.toString().trim())) {
                throw new ConfigException(name, value, "No predicate has the alias '" + value + "'; list it in '"
                        + ConnectorConfig.PREDICATES_CONFIG + "' (now " + (predicateAliases.isEmpty() ? "empty"
                        : "'" + String.join(",", predicateAliases) + "'") + ") and set predicates." + value
                        + ".type, or remove this key");
            }
        };
    }

    /** Adds a plugin's keys under {@code prefix}; a key that clashes with one already defined is skipped. */
    private static void definePrefixed(ConfigDef def, ConfigDef pluginDef, String prefix, String group, int order) {
        if (pluginDef == null) {
            return;
        }
        for (ConfigKey key : pluginDef.configKeys().values()) {
            String name = prefix + key.name;
            if (def.configKeys().containsKey(name)) {
                continue;
            }
            List<String> dependents = new ArrayList<>();
            for (String dependent : key.dependents) {
                dependents.add(prefix + dependent);
            }
            def.define(new ConfigKey(name, key.type, key.defaultValue, key.validator, key.importance,
                    key.documentation, group, ++order, key.width, key.displayName, dependents,
                    PrefixedRecommender.wrap(key.recommender, prefix), key.internalConfig));
        }
    }

    /** A transformation's or predicate's own ConfigDef, or why it could not be had. */
    record PluginKeys(ConfigDef configDef, String problem) {

        /** Loads the plugin {@code name} names and calls its {@code config()} with its loader as context loader. */
        @SuppressWarnings("try") // the swap only needs to be open
        static PluginKeys load(Plugins plugins, PluginKind kind, Class<?> type, String name) {
            if (name == null || name.isBlank()) {
                return new PluginKeys(null, null); // the required .type key reports itself missing
            }
            Class<?> pluginClass;
            try {
                pluginClass = plugins.pluginClass(kind, name);
            } catch (ConnectException e) {
                return new PluginKeys(null, e.getMessage());
            }
            try (LoaderSwap swap = plugins.withClassLoader(plugins.pluginLoader(pluginClass.getName()))) {
                Object plugin = plugins.newInstance(pluginClass);
                ConfigDef def = type == Transformation.class
                        ? ((Transformation<?>) plugin).config()
                        : ((Predicate<?>) plugin).config();
                if (def == null) {
                    return new PluginKeys(null, pluginClass.getName() + ".config() returned null; the "
                            + kind.type() + " plugin must return its ConfigDef");
                }
                return new PluginKeys(def, null);
            } catch (RuntimeException | LinkageError e) {
                return new PluginKeys(null, "The " + kind.type() + " plugin " + pluginClass.getName()
                        + " failed to describe its configuration: " + e);
            }
        }
    }

    /** Lets a plugin's recommender see its own key names and values, without the alias prefix. */
    private record PrefixedRecommender(ConfigDef.Recommender delegate, String prefix) implements ConfigDef.Recommender {

        static ConfigDef.Recommender wrap(ConfigDef.Recommender delegate, String prefix) {
            return delegate == null ? null : new PrefixedRecommender(delegate, prefix);
        }

        @Override
        public List<Object> validValues(String name, Map<String, Object> parsedConfig) {
            return delegate.validValues(unprefixed(name), unprefixed(parsedConfig));
        }

        @Override
        public boolean visible(String name, Map<String, Object> parsedConfig) {
            return delegate.visible(unprefixed(name), unprefixed(parsedConfig));
        }

        private String unprefixed(String name) {
            return name.startsWith(prefix) ? name.substring(prefix.length()) : name;
        }

        private Map<String, Object> unprefixed(Map<String, Object> parsedConfig) {
            Map<String, Object> own = new HashMap<>();
            parsedConfig.forEach((key, value) -> {
                if (key.startsWith(prefix)) {
                    own.put(key.substring(prefix.length()), value);
                }
            });
            return own;
        }
    }
}
