package io.aqueduct.connect.runtime.config;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The framework's keys of every connector configuration, with Apache Kafka Connect's names, groups and
 * order (the REST validate endpoint shows them in this order). The connector's own {@code config()} keys
 * and the keys of its transformations and predicates are added by whoever validates a full config.
 */
public class ConnectorConfig extends AbstractConfig {

    public static final String COMMON_GROUP = "Common";
    public static final String TRANSFORMS_GROUP = "Transforms";
    public static final String PREDICATES_GROUP = "Predicates";
    public static final String ERROR_GROUP = "Error Handling";

    public static final String NAME_CONFIG = "name";
    public static final String CONNECTOR_CLASS_CONFIG = "connector.class";
    public static final String CONNECTOR_VERSION_CONFIG = "connector.plugin.version";
    public static final String TASKS_MAX_CONFIG = "tasks.max";
    public static final String TASKS_MAX_ENFORCE_CONFIG = "tasks.max.enforce";
    public static final String KEY_CONVERTER_CLASS_CONFIG = WorkerConfig.KEY_CONVERTER_CLASS_CONFIG;
    public static final String VALUE_CONVERTER_CLASS_CONFIG = WorkerConfig.VALUE_CONVERTER_CLASS_CONFIG;
    public static final String HEADER_CONVERTER_CLASS_CONFIG = WorkerConfig.HEADER_CONVERTER_CLASS_CONFIG;
    public static final String KEY_CONVERTER_VERSION_CONFIG = KEY_CONVERTER_CLASS_CONFIG + ".plugin.version";
    public static final String VALUE_CONVERTER_VERSION_CONFIG = VALUE_CONVERTER_CLASS_CONFIG + ".plugin.version";
    public static final String HEADER_CONVERTER_VERSION_CONFIG = HEADER_CONVERTER_CLASS_CONFIG + ".plugin.version";
    public static final String CONFIG_RELOAD_ACTION_CONFIG = "config.action.reload";
    public static final String CONFIG_RELOAD_ACTION_NONE = "none";
    public static final String CONFIG_RELOAD_ACTION_RESTART = "restart";
    public static final String TRANSFORMS_CONFIG = "transforms";
    public static final String PREDICATES_CONFIG = "predicates";

    public static final String ERRORS_RETRY_TIMEOUT_CONFIG = "errors.retry.timeout";
    public static final String ERRORS_RETRY_MAX_DELAY_CONFIG = "errors.retry.delay.max.ms";
    public static final String ERRORS_TOLERANCE_CONFIG = "errors.tolerance";
    public static final String ERRORS_LOG_ENABLE_CONFIG = "errors.log.enable";
    public static final String ERRORS_LOG_INCLUDE_MESSAGES_CONFIG = "errors.log.include.messages";

    /** The task-config key under which the runtime records the task class. */
    public static final String TASK_CLASS_CONFIG = "task.class";

    /** {@code errors.tolerance} values. */
    public enum ToleranceType { NONE, ALL }

    /**
     * The common keys, in Apache's group order. {@code lastOrderInErrorGroup} lets sinks append their
     * dead letter queue keys after the shared error keys.
     */
    public static ConfigDef configDef() {
        int order = 0;
        ConfigDef def = new ConfigDef()
                .define(NAME_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyStringWithoutControlChars(),
                        Importance.HIGH, "A name for this connector, unique within the worker or cluster.",
                        COMMON_GROUP, ++order, Width.MEDIUM, "Connector name")
                .define(CONNECTOR_CLASS_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
                        "The connector's class: its full name, its simple name, or its simple name without the"
                                + " 'Connector' suffix (for example FileStreamSource).",
                        COMMON_GROUP, ++order, Width.LONG, "Connector class")
                .define(CONNECTOR_VERSION_CONFIG, Type.STRING, null, Importance.MEDIUM,
                        "The version of the connector plugin to use; the installed version when unset.",
                        COMMON_GROUP, ++order, Width.MEDIUM, "Connector version")
                .define(TASKS_MAX_CONFIG, Type.INT, 1, ConfigDef.Range.atLeast(1), Importance.HIGH,
                        "The largest number of tasks the connector may split its work into.",
                        COMMON_GROUP, ++order, Width.SHORT, "Tasks max")
                .define(TASKS_MAX_ENFORCE_CONFIG, Type.BOOLEAN, true, Importance.LOW,
                        "Whether to fail the connector when it generates more task configs than tasks.max allows."
                                + " Deprecated, kept for compatibility.",
                        COMMON_GROUP, ++order, Width.SHORT, "Enforce tasks max")
                .define(KEY_CONVERTER_CLASS_CONFIG, Type.STRING, null, Importance.LOW,
                        "Converter for record keys of this connector; the worker's key.converter when unset.",
                        COMMON_GROUP, ++order, Width.SHORT, "Key converter class")
                .define(KEY_CONVERTER_VERSION_CONFIG, Type.STRING, null, Importance.LOW,
                        "The version of the key converter plugin to use; the installed version when unset.",
                        COMMON_GROUP, ++order, Width.SHORT, "Key converter version")
                .define(VALUE_CONVERTER_CLASS_CONFIG, Type.STRING, null, Importance.LOW,
                        "Converter for record values of this connector; the worker's value.converter when unset.",
                        COMMON_GROUP, ++order, Width.SHORT, "Value converter class")
                .define(VALUE_CONVERTER_VERSION_CONFIG, Type.STRING, null, Importance.LOW,
                        "The version of the value converter plugin to use; the installed version when unset.",
                        COMMON_GROUP, ++order, Width.SHORT, "Value converter version")
                .define(HEADER_CONVERTER_CLASS_CONFIG, Type.STRING, null, Importance.LOW,
                        "HeaderConverter for record headers of this connector; the worker's header.converter when unset.",
                        COMMON_GROUP, ++order, Width.SHORT, "Header converter class")
                .define(HEADER_CONVERTER_VERSION_CONFIG, Type.STRING, null, Importance.LOW,
                        "The version of the header converter plugin to use; the installed version when unset.",
                        COMMON_GROUP, ++order, Width.SHORT, "Header converter version")
                .define(CONFIG_RELOAD_ACTION_CONFIG, Type.STRING, CONFIG_RELOAD_ACTION_RESTART,
                        ConfigDef.CaseInsensitiveValidString.in(CONFIG_RELOAD_ACTION_NONE, CONFIG_RELOAD_ACTION_RESTART),
                        Importance.LOW, "What to do when a config provider reports that a value it supplied has"
                                + " changed: restart the connector, or none.",
                        COMMON_GROUP, ++order, Width.MEDIUM, "Reload Action")
                .define(TRANSFORMS_CONFIG, Type.LIST, "", aliasesValidator(TRANSFORMS_CONFIG), Importance.LOW,
                        "Aliases of the transformations to apply to records, in order. Each alias is set up with"
                                + " transforms.<alias>.type and its own settings under transforms.<alias>.",
                        TRANSFORMS_GROUP, 1, Width.LONG, "Transforms")
                .define(PREDICATES_CONFIG, Type.LIST, "", aliasesValidator(PREDICATES_CONFIG), Importance.LOW,
                        "Aliases of the predicates that transformations may refer to. Each alias is set up with"
                                + " predicates.<alias>.type and its own settings under predicates.<alias>.",
                        PREDICATES_GROUP, 1, Width.LONG, "Predicates");
        return defineErrorHandling(def);
    }

    private static ConfigDef defineErrorHandling(ConfigDef def) {
        int order = 0;
        return def
                .define(ERRORS_RETRY_TIMEOUT_CONFIG, Type.LONG, 0L, ConfigDef.Range.atLeast(-1), Importance.MEDIUM,
                        "How long a failed operation is retried, in milliseconds: 0 for no retries, -1 for ever.",
                        ERROR_GROUP, ++order, Width.MEDIUM, "Retry Timeout for Errors")
                .define(ERRORS_RETRY_MAX_DELAY_CONFIG, Type.LONG, 60_000L, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
                        "The longest wait between two retries, in milliseconds; waits grow exponentially up to it.",
                        ERROR_GROUP, ++order, Width.MEDIUM, "Maximum Delay Between Retries for Errors")
                .define(ERRORS_TOLERANCE_CONFIG, Type.STRING, "none",
                        ConfigDef.CaseInsensitiveValidString.in("none", "all"), Importance.MEDIUM,
                        "What a record that still fails after the retries does: 'none' fails the task, 'all' skips"
                                + " the record (and sends it to the dead letter queue where one is set).",
                        ERROR_GROUP, ++order, Width.SHORT, "Error Tolerance")
                .define(ERRORS_LOG_ENABLE_CONFIG, Type.BOOLEAN, false, Importance.MEDIUM,
                        "Whether each failed operation and the record it failed on are logged as errors.",
                        ERROR_GROUP, ++order, Width.SHORT, "Log Errors")
                .define(ERRORS_LOG_INCLUDE_MESSAGES_CONFIG, Type.BOOLEAN, false, Importance.MEDIUM,
                        "Whether the logged failures include the record's key, value and headers. Off by default"
                                + " because records may hold sensitive data.",
                        ERROR_GROUP, ++order, Width.SHORT, "Log Error Details");
    }

    /** The next free order number in the error handling group, for sub-classes' keys. */
    static int errorGroupSize() {
        return 5;
    }

    /** Refuses duplicate or empty aliases in {@code transforms} and {@code predicates}. */
    static ConfigDef.Validator aliasesValidator(String key) {
        return (name, value) -> {
            @SuppressWarnings("unchecked")
            List<String> aliases = (List<String>) value;
            if (aliases == null) {
                return;
            }
            Set<String> seen = new HashSet<>();
            for (String alias : aliases) {
                if (alias.isEmpty()) {
                    throw new ConfigException(key, value, "An alias is empty; list aliases separated by commas");
                }
                if (!seen.add(alias)) {
                    throw new ConfigException(key, value, "Alias '" + alias + "' is listed twice; each alias must be unique");
                }
            }
        };
    }

    public ConnectorConfig(ConfigDef definition, Map<String, String> props) {
        super(definition, props, false);
    }

    public ConnectorConfig(Map<String, String> props) {
        this(configDef(), props);
    }

    public String connectorName() {
        return getString(NAME_CONFIG);
    }

    public String connectorClass() {
        return getString(CONNECTOR_CLASS_CONFIG);
    }

    public int tasksMax() {
        return getInt(TASKS_MAX_CONFIG);
    }

    public ToleranceType errorTolerance() {
        return ToleranceType.valueOf(getString(ERRORS_TOLERANCE_CONFIG).toUpperCase(Locale.ROOT));
    }

    public List<String> transformAliases() {
        return getList(TRANSFORMS_CONFIG);
    }

    public List<String> predicateAliases() {
        return getList(PREDICATES_CONFIG);
    }
}
