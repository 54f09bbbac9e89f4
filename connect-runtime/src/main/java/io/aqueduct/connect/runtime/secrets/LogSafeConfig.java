package io.aqueduct.connect.runtime.secrets;

import org.apache.kafka.common.config.ConfigDef;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Copies of configurations that are safe to log: values that are or may be secrets become
 * {@value #HIDDEN}; a value made only of {@code ${provider:path:key}} placeholders is kept, since the
 * placeholder names where the secret lives, not the secret.
 *
 * <p>Typical use with a stored configuration and its transformed copy:
 * <pre>{@code
 * Set<String> secret = LogSafeConfig.secretKeys(stored, connectorConfigDef);
 * log.info("Starting with {}", LogSafeConfig.redact(transformed, secret));
 * }</pre>
 */
public final class LogSafeConfig {

    /** What a hidden value is logged as. */
    public static final String HIDDEN = "[hidden]";

    private LogSafeConfig() {
    }

    /**
     * A copy of {@code config}, sorted by key, in which the value of every key in {@code secretKeys} is
     * {@value #HIDDEN} unless it is {@code null} or consists of placeholders only.
     */
    public static Map<String, String> redact(Map<String, String> config, Set<String> secretKeys) {
        Objects.requireNonNull(secretKeys, "secretKeys");
        Map<String, String> safe = new LinkedHashMap<>();
        new TreeMap<>(config).forEach((key, value) -> safe.put(key,
                value == null || !secretKeys.contains(key) || Placeholders.onlyPlaceholders(value) ? value : HIDDEN));
        return safe;
    }

    /**
     * The keys of {@code stored} whose values, once transformed, may hold secrets: those with a
     * placeholder in the stored value, and those {@code definition} types as {@code PASSWORD}.
     *
     * @param definition the configuration's definition, or {@code null} when unknown
     */
    public static Set<String> secretKeys(Map<String, String> stored, ConfigDef definition) {
        Set<String> keys = providerKeys(stored);
        keys.addAll(passwordKeys(definition));
        return keys;
    }

    /** The keys whose values contain a {@code ${provider:path:key}} placeholder. */
    public static Set<String> providerKeys(Map<String, String> config) {
        Set<String> keys = new HashSet<>();
        config.forEach((key, value) -> {
            if (Placeholders.containsAny(value)) {
                keys.add(key);
            }
        });
        return keys;
    }

    /** The keys {@code definition} types as {@code PASSWORD}; empty for {@code null}. */
    public static Set<String> passwordKeys(ConfigDef definition) {
        Set<String> keys = new HashSet<>();
        if (definition != null) {
            definition.configKeys().forEach((name, key) -> {
                if (key.type() == ConfigDef.Type.PASSWORD) {
                    keys.add(name);
                }
            });
        }
        return keys;
    }
}
