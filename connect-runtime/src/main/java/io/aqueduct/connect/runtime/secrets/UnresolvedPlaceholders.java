package io.aqueduct.connect.runtime.secrets;

import org.apache.kafka.common.config.provider.ConfigProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.TreeMap;

/**
 * Warns about placeholders that a transformation left as written. Only placeholder text from the
 * input configuration is logged, never a transformed value, which may hold a resolved secret.
 */
final class UnresolvedPlaceholders {

    private static final Logger log = LoggerFactory.getLogger(UnresolvedPlaceholders.class);

    private UnresolvedPlaceholders() {
    }

    /**
     * @param owner who the configuration belongs to, for the message, e.g. {@code connector 'jdbc'}
     * @param input the configuration as written
     * @param output the transformed configuration
     */
    static void warn(String owner, Map<String, String> input, Map<String, String> output,
                     Map<String, ConfigProvider> providers) {
        for (Map.Entry<String, String> entry : new TreeMap<>(input).entrySet()) {
            String transformed = output.get(entry.getKey());
            for (Placeholders.Placeholder placeholder : Placeholders.in(entry.getValue())) {
                if (transformed != null && transformed.contains(placeholder.text())) {
                    log.warn("The value of {} key '{}' keeps the placeholder {} unresolved: {}", owner,
                            entry.getKey(), placeholder.text(), reason(placeholder, providers));
                }
            }
        }
    }

    private static String reason(Placeholders.Placeholder placeholder, Map<String, ConfigProvider> providers) {
        if (!providers.containsKey(placeholder.provider())) {
            return "no config provider is named '" + placeholder.provider() + "'; define it in the worker"
                    + " configuration with config.providers and config.providers." + placeholder.provider()
                    + ".class, or fix the name (known: " + providers.keySet() + ")";
        }
        return "config provider '" + placeholder.provider() + "' has no value for key '" + placeholder.key()
                + "'" + (placeholder.path() == null ? "" : " at path '" + placeholder.path() + "'")
                + "; check the key, and that the path is within the provider's allowed paths";
    }
}
