package io.aqueduct.connect.runtime.herder;

import io.aqueduct.connect.runtime.config.WorkerConfig;
import io.aqueduct.connect.runtime.config.WorkerConfig.ClientOverridePolicy;
import io.aqueduct.connect.runtime.rest.entities.ConfigInfo;
import io.aqueduct.connect.runtime.rest.entities.ConfigKeyInfo;
import io.aqueduct.connect.runtime.rest.entities.ConfigValueInfo;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The per-connector Kafka client overrides ({@code producer.override.*}, {@code consumer.override.*},
 * {@code admin.override.*}) and what the worker's {@code connector.client.config.override.policy} allows of them.
 */
final class ClientOverrides {

    static final String PRODUCER_PREFIX = "producer.override.";
    static final String CONSUMER_PREFIX = "consumer.override.";
    static final String ADMIN_PREFIX = "admin.override.";

    /** What the {@code Principal} policy lets a connector set: who it authenticates as, nothing else. */
    static final Set<String> PRINCIPAL_KEYS = Set.of("sasl.jaas.config", "sasl.mechanism", "security.protocol");

    /** The client definitions, to show documentation and to recognise PASSWORD-typed settings. */
    private static final Map<String, ConfigDef> CLIENT_DEFS = Map.of(
            PRODUCER_PREFIX, ProducerConfig.configDef(),
            CONSUMER_PREFIX, ConsumerConfig.configDef(),
            ADMIN_PREFIX, AdminClientConfig.configDef());

    private ClientOverrides() {
    }

    /** The client definition of an override key, or null when the key is no override or an unknown setting. */
    static ConfigKey clientKey(String key) {
        for (Map.Entry<String, ConfigDef> client : CLIENT_DEFS.entrySet()) {
            if (key.startsWith(client.getKey())) {
                return client.getValue().configKeys().get(key.substring(client.getKey().length()));
            }
        }
        return null;
    }

    static boolean isOverride(String key) {
        return key.startsWith(PRODUCER_PREFIX) || key.startsWith(CONSUMER_PREFIX) || key.startsWith(ADMIN_PREFIX);
    }

    /**
     * One entry per override key in {@code config}, in the config's key order, with an error on each one
     * {@code policy} forbids. Values of PASSWORD-typed client settings are hidden.
     */
    static List<ConfigInfo> validate(ClientOverridePolicy policy, Map<String, String> config) {
        List<ConfigInfo> infos = new ArrayList<>();
        for (Map.Entry<String, String> entry : config.entrySet()) {
            String key = entry.getKey();
            if (!isOverride(key)) {
                continue;
            }
            String setting = key.substring(key.indexOf(".override.") + ".override.".length());
            List<String> errors = allowed(policy, setting) ? List.of() : List.of(forbidden(policy, key));
            ConfigKey clientKey = clientKey(key);
            boolean password = clientKey != null && clientKey.type == ConfigDef.Type.PASSWORD;
            String value = entry.getValue() == null ? null : password ? ConfigInfoConversions.HIDDEN : entry.getValue();
            infos.add(new ConfigInfo(definition(key, clientKey), new ConfigValueInfo(key, value, List.of(), errors, true)));
        }
        return infos;
    }

    private static boolean allowed(ClientOverridePolicy policy, String setting) {
        return switch (policy) {
            case ALL -> true;
            case PRINCIPAL -> PRINCIPAL_KEYS.contains(setting);
            case NONE -> false;
        };
    }

    private static String forbidden(ClientOverridePolicy policy, String key) {
        String policyName = policy.name().charAt(0) + policy.name().substring(1).toLowerCase(Locale.ROOT);
        String allowedKeys = policy == ClientOverridePolicy.PRINCIPAL
                ? "it allows only " + String.join(", ", PRINCIPAL_KEYS.stream().sorted().toList())
                : "it allows no client overrides";
        return "The worker's " + WorkerConfig.CONNECTOR_CLIENT_POLICY_CLASS_CONFIG + "=" + policyName
                + " does not allow the connector to set " + key + " (" + allowedKeys
                + "); remove the key or change the worker's policy";
    }

    private static ConfigKeyInfo definition(String key, ConfigKey clientKey) {
        String type = clientKey == null ? ConfigDef.Type.STRING.name() : clientKey.type.name();
        String importance = clientKey == null ? ConfigDef.Importance.LOW.name() : clientKey.importance.name();
        String documentation = clientKey == null
                ? "Client setting for this connector's Kafka client, overriding the worker's."
                : clientKey.documentation;
        return new ConfigKeyInfo(key, type, false, null, importance, documentation, null, -1,
                ConfigDef.Width.NONE.name(), key, List.of());
    }
}
