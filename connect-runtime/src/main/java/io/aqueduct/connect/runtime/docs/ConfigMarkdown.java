package io.aqueduct.connect.runtime.docs;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Renders the keys of one {@link ConfigDef} as Markdown, one sub-section per key. The output depends only on
 * the definitions, never on map iteration order or object identities, so the committed page can be compared
 * byte for byte with a fresh rendering.
 */
final class ConfigMarkdown {

    /** Most important keys first, as users scan for what they must set; then by name. */
    private static final Comparator<ConfigKey> ORDER = Comparator
            .comparing((ConfigKey key) -> key.importance == null ? ConfigDef.Importance.LOW : key.importance)
            .thenComparing(key -> key.name);

    private ConfigMarkdown() {
    }

    /** The keys of {@code def} not named in {@code excluded}, each as a level-3 heading with its attributes. */
    static String render(ConfigDef def, Set<String> excluded) {
        List<ConfigKey> keys = def.configKeys().values().stream()
                .filter(key -> !excluded.contains(key.name))
                .sorted(ORDER)
                .toList();
        StringBuilder out = new StringBuilder();
        for (ConfigKey key : keys) {
            out.append("### `").append(key.name).append("`\n\n");
            if (key.documentation != null && !key.documentation.isBlank()) {
                out.append(escape(key.documentation.strip())).append("\n\n");
            }
            out.append("- Type: ").append(key.type.name().toLowerCase(Locale.ROOT)).append('\n');
            out.append("- Default: ").append(defaultText(key)).append('\n');
            String valid = validValues(key);
            if (!valid.isEmpty()) {
                out.append("- Valid values: ").append(valid).append('\n');
            }
            out.append("- Importance: ").append(key.importance.name().toLowerCase(Locale.ROOT)).append("\n\n");
        }
        return out.toString();
    }

    static String defaultText(ConfigKey key) {
        if (!key.hasDefault()) {
            return "none, required";
        }
        if (key.defaultValue == null) {
            return "unset";
        }
        if (key.type == ConfigDef.Type.PASSWORD) {
            return "(hidden)";
        }
        String text = ConfigDef.convertToString(key.defaultValue, key.type);
        return text.isEmpty() ? "`\"\"` (empty)" : "`" + text + "`";
    }

    /**
     * The validator's own description. Validators written as lambdas have none (their {@code toString} is
     * Object's, with an identity hash that changes on every run), so they are left out; their keys' texts
     * state the rule instead.
     */
    static String validValues(ConfigKey key) {
        if (key.validator == null || !describesItself(key.validator)) {
            return "";
        }
        return escape(key.validator.toString().strip());
    }

    private static boolean describesItself(Object validator) {
        try {
            return validator.getClass().getMethod("toString").getDeclaringClass() != Object.class;
        } catch (NoSuchMethodException e) {
            return false; // cannot happen: every class has toString
        }
    }

    /** Angle brackets in texts such as {@code transforms.<alias>.type} would otherwise vanish as HTML tags. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
