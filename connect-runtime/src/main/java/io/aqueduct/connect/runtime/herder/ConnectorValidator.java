package io.aqueduct.connect.runtime.herder;

import io.aqueduct.connect.runtime.config.ConnectorConfig;
import io.aqueduct.connect.runtime.config.SinkConnectorConfig;
import io.aqueduct.connect.runtime.config.WorkerConfig;
import io.aqueduct.connect.runtime.config.WorkerConfig.ClientOverridePolicy;
import io.aqueduct.connect.runtime.isolation.Plugins;
import io.aqueduct.connect.runtime.rest.entities.ConfigInfo;
import io.aqueduct.connect.runtime.rest.entities.ConfigInfos;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.apache.kafka.common.config.ConfigValue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Validates a connector config the way {@code PUT /connector-plugins/{p}/config/validate} reports it, and
 * guards connector creates and updates with the same checks.
 *
 * <p>A validation resolves {@code connector.class} (full name, simple name, or simple name without
 * {@code Connector}; Apache Kafka Connect's names of the plugins we ship too), validates the framework keys of the
 * connector's type (see {@link ConnectorConfigDefs}), the sink rules for {@code topics}/{@code topics.regex} and
 * the dead letter queue topic, the client overrides against the worker's
 * {@code connector.client.config.override.policy}, and finally calls the connector's own {@code validate} and
 * merges what it reports. The answer lists the framework keys in definition order, then the client overrides, then
 * the connector's own keys; PASSWORD values show as {@code [hidden]}.
 *
 * <p><b>Threading:</b> this class is synchronous, keeps no state between calls and changes nothing outside
 * itself, so one instance may serve concurrent callers. But it calls plugin code ({@code validate},
 * {@code config}, {@code version} of the connector, {@code config} of transformations and predicates), which may
 * be slow or hang: herders must run it on an executor with a time limit, never on their own thread.
 */
public final class ConnectorValidator {

    private final Plugins plugins;
    private final ClientOverridePolicy overridePolicy;
    private final boolean topicCreationEnabled;

    /**
     * @param overridePolicy       the worker's {@code connector.client.config.override.policy}
     * @param topicCreationEnabled the worker's {@code topic.creation.enable}
     */
    public ConnectorValidator(Plugins plugins, ClientOverridePolicy overridePolicy, boolean topicCreationEnabled) {
        this.plugins = Objects.requireNonNull(plugins, "plugins");
        this.overridePolicy = Objects.requireNonNull(overridePolicy, "overridePolicy");
        this.topicCreationEnabled = topicCreationEnabled;
    }

    /** A validator with the worker's override policy and topic creation setting. */
    public static ConnectorValidator forWorker(Plugins plugins, WorkerConfig config) {
        return new ConnectorValidator(plugins, config.clientOverridePolicy(),
                config.getBoolean(WorkerConfig.TOPIC_CREATION_ENABLE_CONFIG));
    }

    /**
     * Validates {@code config}. Invalid values are reported in the answer (with {@code error_count} the number of
     * messages), not thrown.
     *
     * @return {@code name} is {@code connector.class} exactly as given
     * @throws io.aqueduct.connect.runtime.rest.errors.BadRequestException when {@code connector.class} is missing,
     *         names no installed connector ({@link HerderErrors#unknownConnectorClass}), is ambiguous, or names a
     *         connector that cannot be instantiated
     */
    public ConfigInfos validate(Map<String, String> config) {
        Map<String, String> props = Collections.unmodifiableMap(new LinkedHashMap<>(config));
        String givenClass = props.get(ConnectorConfig.CONNECTOR_CLASS_CONFIG);
        ResolvedConnector connector = ResolvedConnector.resolve(plugins, givenClass);
        ConfigDef def = ConnectorConfigDefs.enriched(plugins, connector.type(), connector.connectorClass().getName(),
                connector.version(), props, topicCreationEnabled);

        Map<String, ConfigValue> values = byName(def.validate(props));
        if (connector.type() == ConnectorType.SINK) {
            SinkConnectorConfig.topicsErrors(props).forEach((key, messages) -> addErrors(values.get(key), messages));
        }
        OwnValidation own = validateOwn(connector, props);
        if (own.problem() != null) {
            values.get(ConnectorConfig.CONNECTOR_CLASS_CONFIG).addErrorMessage(own.problem());
        }

        List<ConfigInfo> infos = new ArrayList<>();
        for (ConfigKey key : def.configKeys().values()) {
            ConfigValue value = values.get(key.name);
            ConfigValue ownValue = own.values().remove(key.name);
            if (ownValue != null) {
                addErrors(value, ownValue.errorMessages());
            }
            infos.add(new ConfigInfo(ConfigInfoConversions.keyInfo(key), ConfigInfoConversions.valueInfo(key, value)));
        }
        infos.addAll(ClientOverrides.validate(overridePolicy, props));
        for (ConfigKey key : own.def().configKeys().values()) {
            if (def.configKeys().containsKey(key.name)) {
                continue;
            }
            ConfigValue value = own.values().remove(key.name);
            infos.add(new ConfigInfo(ConfigInfoConversions.keyInfo(key),
                    ConfigInfoConversions.valueInfo(key, value == null ? new ConfigValue(key.name) : value)));
        }
        for (ConfigValue undefined : own.values().values()) {
            infos.add(new ConfigInfo(null, ConfigInfoConversions.valueInfo(null, undefined)));
        }

        Set<String> groups = new LinkedHashSet<>(def.groups());
        groups.addAll(own.def().groups());
        int errorCount = 0;
        for (ConfigInfo info : infos) {
            errorCount += info.value().errors().size();
        }
        return new ConfigInfos(givenClass, errorCount, List.copyOf(groups), infos);
    }

    /**
     * Validates a config about to be stored by a create or update.
     *
     * @return the validation, free of errors
     * @throws io.aqueduct.connect.runtime.rest.errors.BadRequestException as {@link #validate}, and
     *         {@link HerderErrors#invalidConfig(ConfigInfos)} listing every error when there is any
     */
    public ConfigInfos requireValid(Map<String, String> config) {
        ConfigInfos validation = validate(config);
        if (validation.errorCount() > 0) {
            throw HerderErrors.invalidConfig(validation);
        }
        return validation;
    }

    /**
     * Whether the connector {@code connector.class} names is a source or a sink.
     *
     * @throws io.aqueduct.connect.runtime.rest.errors.BadRequestException as {@link #validate}
     */
    public ConnectorType connectorType(Map<String, String> config) {
        return ResolvedConnector.resolve(plugins, config.get(ConnectorConfig.CONNECTOR_CLASS_CONFIG)).type();
    }

    private static Map<String, ConfigValue> byName(List<ConfigValue> values) {
        Map<String, ConfigValue> byName = new LinkedHashMap<>();
        for (ConfigValue value : values) {
            byName.put(value.name(), value);
        }
        return byName;
    }

    /** Adds messages the value does not already carry (a connector may repeat the framework's checks). */
    private static void addErrors(ConfigValue value, List<String> messages) {
        for (String message : messages) {
            if (!value.errorMessages().contains(message)) {
                value.addErrorMessage(message);
            }
        }
    }

    /** What the connector says about its own keys; {@code problem} when its code failed. */
    private record OwnValidation(ConfigDef def, Map<String, ConfigValue> values, String problem) {
    }

    private static OwnValidation validateOwn(ResolvedConnector connector, Map<String, String> props) {
        String name = connector.connectorClass().getName();
        ConfigDef def;
        try {
            def = connector.call(connector.instance()::config);
        } catch (RuntimeException | LinkageError e) {
            return new OwnValidation(new ConfigDef(), new LinkedHashMap<>(),
                    "The connector " + name + " failed to describe its configuration (config()): " + e);
        }
        if (def == null) {
            return new OwnValidation(new ConfigDef(), new LinkedHashMap<>(),
                    "The connector " + name + " returned no ConfigDef from config(); it must return one");
        }
        try {
            Config result = connector.call(() -> connector.instance().validate(props));
            return new OwnValidation(def, result == null ? new LinkedHashMap<>() : byName(result.configValues()), null);
        } catch (RuntimeException | LinkageError e) {
            return new OwnValidation(def, new LinkedHashMap<>(),
                    "The connector " + name + " failed to validate the configuration: " + e);
        }
    }
}
