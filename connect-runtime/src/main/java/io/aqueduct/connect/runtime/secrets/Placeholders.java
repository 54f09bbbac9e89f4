package io.aqueduct.connect.runtime.secrets;

import org.apache.kafka.common.config.ConfigTransformer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Finds {@code ${provider:path:key}} placeholders in a value with the same pattern kafka-clients'
 * {@link ConfigTransformer} resolves, so "still a placeholder" here means exactly what it means there.
 */
final class Placeholders {

    /**
     * One placeholder as written in a configuration value.
     *
     * @param text the placeholder as written, e.g. {@code ${file:/etc/secrets.properties:password}}
     * @param provider the provider name
     * @param path the path, or {@code null} for {@code ${provider:key}}
     * @param key the key looked up at the path
     */
    record Placeholder(String text, String provider, String path, String key) {
    }

    private Placeholders() {
    }

    /** The placeholders in {@code value}, in order; empty for {@code null}. */
    static List<Placeholder> in(String value) {
        List<Placeholder> found = new ArrayList<>();
        if (value == null) {
            return found;
        }
        Matcher matcher = ConfigTransformer.DEFAULT_PATTERN.matcher(value);
        while (matcher.find()) {
            found.add(new Placeholder(matcher.group(), matcher.group(1), matcher.group(3), matcher.group(4)));
        }
        return found;
    }

    static boolean containsAny(String value) {
        return value != null && value.contains("${") && ConfigTransformer.DEFAULT_PATTERN.matcher(value).find();
    }

    /** Whether {@code value} is made of placeholders and nothing else, e.g. {@code ${file:/a:user}${file:/a:pw}}. */
    static boolean onlyPlaceholders(String value) {
        return containsAny(value) && ConfigTransformer.DEFAULT_PATTERN.matcher(value).replaceAll("").isEmpty();
    }
}
