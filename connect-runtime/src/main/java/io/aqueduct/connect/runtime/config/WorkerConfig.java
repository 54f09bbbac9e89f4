package io.aqueduct.connect.runtime.config;

import io.aqueduct.connect.runtime.rest.RestServerConfig;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Settings every worker reads, standalone or distributed, with Apache Kafka Connect's key names and
 * defaults. Parsing validates every value at once: an invalid value throws a {@link ConfigException}
 * that names the key and the value; an unknown key is logged once and otherwise ignored, because
 * worker files commonly carry client settings for the prefixes below.
 */
public class WorkerConfig extends AbstractConfig {

    private static final Logger log = LoggerFactory.getLogger(WorkerConfig.class);

    public static final String BOOTSTRAP_SERVERS_CONFIG = "bootstrap.servers";
    public static final String CLIENT_DNS_LOOKUP_CONFIG = "client.dns.lookup";
    public static final String KEY_CONVERTER_CLASS_CONFIG = "key.converter";
    public static final String VALUE_CONVERTER_CLASS_CONFIG = "value.converter";
    public static final String HEADER_CONVERTER_CLASS_CONFIG = "header.converter";
    public static final String OFFSET_COMMIT_INTERVAL_MS_CONFIG = "offset.flush.interval.ms";
    public static final String OFFSET_COMMIT_TIMEOUT_MS_CONFIG = "offset.flush.timeout.ms";
    public static final String TASK_SHUTDOWN_GRACEFUL_TIMEOUT_MS_CONFIG = "task.shutdown.graceful.timeout.ms";
    public static final String PLUGIN_PATH_CONFIG = "plugin.path";
    public static final String PLUGIN_DISCOVERY_CONFIG = "plugin.discovery";
    public static final String CONFIG_PROVIDERS_CONFIG = "config.providers";
    public static final String TOPIC_CREATION_ENABLE_CONFIG = "topic.creation.enable";
    public static final String TOPIC_TRACKING_ENABLE_CONFIG = "topic.tracking.enable";
    public static final String TOPIC_TRACKING_ALLOW_RESET_CONFIG = "topic.tracking.allow.reset";
    public static final String CONNECTOR_CLIENT_POLICY_CLASS_CONFIG = "connector.client.config.override.policy";

    public static final String PRODUCER_PREFIX = "producer.";
    public static final String CONSUMER_PREFIX = "consumer.";
    public static final String ADMIN_PREFIX = "admin.";

    public static final String JSON_CONVERTER = "io.aqueduct.connect.json.JsonConverter";
    public static final String SIMPLE_HEADER_CONVERTER = "io.aqueduct.connect.converters.SimpleHeaderConverter";

    /** The ways plugins may be found on {@code plugin.path}, as Apache's {@code plugin.discovery}. */
    public enum PluginDiscovery { ONLY_SCAN, HYBRID_WARN, HYBRID_FAIL, SERVICE_LOAD }

    /** Who may override client settings per connector, as Apache's override policies. */
    public enum ClientOverridePolicy { NONE, PRINCIPAL, ALL }

    private static final Set<String> LOGGED_UNKNOWN_KEYS = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** The keys common to every worker mode. Sub-classes add theirs to a copy. */
    public static ConfigDef baseConfigDef() {
        return RestServerConfig.addTo(new ConfigDef())
                .define(BOOTSTRAP_SERVERS_CONFIG, Type.LIST, "localhost:9092", new ConfigDef.NonEmptyString() {
                    @Override
                    public void ensureValid(String name, Object value) {
                        if (value == null || ((List<?>) value).isEmpty()) {
                            throw new ConfigException(name, value,
                                    "Set it to one or more host:port pairs of the Kafka cluster, e.g. localhost:9092");
                        }
                    }
                }, Importance.HIGH,
                        "Host:port pairs used to reach the Kafka cluster for the worker's own clients and its tasks' clients.")
                .define(CLIENT_DNS_LOOKUP_CONFIG, Type.STRING, "use_all_dns_ips",
                        ValidString.in("use_all_dns_ips", "resolve_canonical_bootstrap_servers_only"),
                        Importance.MEDIUM, "How the worker's Kafka clients use DNS lookups.")
                .define(KEY_CONVERTER_CLASS_CONFIG, Type.STRING, JSON_CONVERTER, new ConfigDef.NonEmptyString(),
                        Importance.HIGH, "Converter class (or alias) for record keys, unless a connector overrides it.")
                .define(VALUE_CONVERTER_CLASS_CONFIG, Type.STRING, JSON_CONVERTER, new ConfigDef.NonEmptyString(),
                        Importance.HIGH, "Converter class (or alias) for record values, unless a connector overrides it.")
                .define(HEADER_CONVERTER_CLASS_CONFIG, Type.STRING, SIMPLE_HEADER_CONVERTER, new ConfigDef.NonEmptyString(),
                        Importance.LOW, "HeaderConverter class (or alias) for record headers, unless a connector overrides it.")
                .define(OFFSET_COMMIT_INTERVAL_MS_CONFIG, Type.LONG, 60_000L, ConfigDef.Range.atLeast(1),
                        Importance.LOW, "How often tasks' offsets are committed, in milliseconds.")
                .define(OFFSET_COMMIT_TIMEOUT_MS_CONFIG, Type.LONG, 5_000L, ConfigDef.Range.atLeast(0),
                        Importance.LOW, "How long an offset commit may wait for outstanding records before it is"
                                + " cancelled and retried at the next interval, in milliseconds.")
                .define(TASK_SHUTDOWN_GRACEFUL_TIMEOUT_MS_CONFIG, Type.LONG, 5_000L, ConfigDef.Range.atLeast(0),
                        Importance.LOW, "How long a task may take to stop before it is abandoned, in milliseconds."
                                + " The budget is for all tasks stopping together, not for each one.")
                .define(PLUGIN_PATH_CONFIG, Type.LIST, null, Importance.LOW,
                        "Comma-separated directories that hold plugins: each entry inside (a directory of jars, an"
                                + " uber-jar, or a directory of classes) is one plugin with its own class loader. A"
                                + " relative directory is looked up in the working directory, then in the"
                                + " installation directory.")
                .define(PLUGIN_DISCOVERY_CONFIG, Type.STRING, PluginDiscovery.HYBRID_WARN.name().toLowerCase(Locale.ROOT),
                        caseInsensitiveEnum(PluginDiscovery.values()), Importance.LOW,
                        "How plugins are found: only_scan (reflective scan only), hybrid_warn and hybrid_fail"
                                + " (scan and service manifests; a plugin found only by the scan is a warning or a"
                                + " start-up failure), service_load (service manifests only, fastest).")
                .define(CONFIG_PROVIDERS_CONFIG, Type.LIST, "", Importance.LOW,
                        "Names of ConfigProviders, each set up with config.providers.<name>.class and"
                                + " config.providers.<name>.param.*, for ${<name>:<path>:<key>} placeholders.")
                .define(TOPIC_CREATION_ENABLE_CONFIG, Type.BOOLEAN, true, Importance.LOW,
                        "Whether source connectors may create their topics through their topic.creation.* settings.")
                .define(TOPIC_TRACKING_ENABLE_CONFIG, Type.BOOLEAN, true, Importance.LOW,
                        "Whether the worker records the topics each connector's tasks produce to or consume from"
                                + " (its active topics, GET /connectors/{name}/topics). When false, that endpoint"
                                + " answers 403.")
                .define(TOPIC_TRACKING_ALLOW_RESET_CONFIG, Type.BOOLEAN, true, Importance.LOW,
                        "Whether PUT /connectors/{name}/topics/reset may clear a connector's active topics. When"
                                + " false, that endpoint answers 403.")
                .define(CONNECTOR_CLIENT_POLICY_CLASS_CONFIG, Type.STRING, "All",
                        caseInsensitiveEnum(ClientOverridePolicy.values()), Importance.MEDIUM,
                        "Which producer.override.*, consumer.override.* and admin.override.* settings connectors"
                                + " may use: None, Principal (only security principal settings) or All.");
    }

    private static ConfigDef.Validator caseInsensitiveEnum(Enum<?>[] values) {
        String[] names = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            names[i] = values[i].name();
        }
        return ConfigDef.CaseInsensitiveValidString.in(names);
    }

    /**
     * Parses {@code props} as they are: {@code ${provider:path:key}} placeholders must already have been
     * resolved by {@code secrets.WorkerPropsTransformer}, which finds providers through plugin discovery.
     * The empty provider list given to {@link AbstractConfig} keeps it from instantiating the
     * {@code config.providers} a second time by class name alone.
     */
    public WorkerConfig(ConfigDef definition, Map<String, String> props) {
        super(definition, props, Map.of(CONFIG_PROVIDERS_CONFIG, ""), false);
        logUnknownKeys(definition, props);
    }

    private static void logUnknownKeys(ConfigDef definition, Map<String, String> props) {
        for (String key : new TreeSet<>(props.keySet())) {
            if (definition.configKeys().containsKey(key) || hasKnownPrefix(key)) {
                continue;
            }
            if (LOGGED_UNKNOWN_KEYS.add(key)) {
                log.warn("Ignoring unknown worker configuration key '{}'", key);
            }
        }
    }

    private static boolean hasKnownPrefix(String key) {
        return key.startsWith(PRODUCER_PREFIX) || key.startsWith(CONSUMER_PREFIX) || key.startsWith(ADMIN_PREFIX)
                || key.startsWith(CONFIG_PROVIDERS_CONFIG + ".") || key.startsWith("key.converter.")
                || key.startsWith("value.converter.") || key.startsWith("header.converter.")
                || key.startsWith("listeners.https.") || key.startsWith("admin.listeners.https.")
                || key.startsWith("ssl.") || key.startsWith("sasl.") || key.startsWith("security.");
    }

    /** The REST server's settings, read from the same worker properties. */
    public RestServerConfig restServerConfig() {
        return new RestServerConfig(originals());
    }

    public PluginDiscovery pluginDiscovery() {
        return PluginDiscovery.valueOf(getString(PLUGIN_DISCOVERY_CONFIG).toUpperCase(Locale.ROOT));
    }

    public ClientOverridePolicy clientOverridePolicy() {
        return ClientOverridePolicy.valueOf(getString(CONNECTOR_CLIENT_POLICY_CLASS_CONFIG).toUpperCase(Locale.ROOT));
    }

    /**
     * Settings shared by every Kafka client the worker creates: bootstrap servers, DNS lookup and the
     * un-prefixed security settings, as Apache does.
     */
    public Map<String, Object> commonClientConfigs() {
        Map<String, Object> common = new HashMap<>();
        common.put(BOOTSTRAP_SERVERS_CONFIG, String.join(",", getList(BOOTSTRAP_SERVERS_CONFIG)));
        common.put(CLIENT_DNS_LOOKUP_CONFIG, getString(CLIENT_DNS_LOOKUP_CONFIG));
        originalsStrings().forEach((key, value) -> {
            if (key.startsWith("ssl.") || key.startsWith("sasl.") || key.equals("security.protocol")) {
                common.put(key, value);
            }
        });
        return common;
    }

    /** Common client settings overlaid with the worker's {@code producer.*} settings. */
    public Map<String, Object> producerConfigs() {
        return withPrefixed(PRODUCER_PREFIX);
    }

    /** Common client settings overlaid with the worker's {@code consumer.*} settings. */
    public Map<String, Object> consumerConfigs() {
        return withPrefixed(CONSUMER_PREFIX);
    }

    /** Common client settings overlaid with the worker's {@code admin.*} settings. */
    public Map<String, Object> adminConfigs() {
        Map<String, Object> configs = withPrefixed(ADMIN_PREFIX);
        configs.remove("listeners"); // admin.listeners is a REST key, not an admin client setting
        return configs;
    }

    private Map<String, Object> withPrefixed(String prefix) {
        Map<String, Object> configs = commonClientConfigs();
        configs.putAll(originalsWithPrefix(prefix));
        return configs;
    }
}
