package io.aqueduct.connect.runtime.herder;

import io.aqueduct.connect.runtime.rest.entities.ConfigKeyInfo;
import io.aqueduct.connect.runtime.rest.entities.ConfigValueInfo;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigValue;

import java.util.ArrayList;
import java.util.List;

/** Turns ConfigDef keys and validated values into the REST shapes, hiding every PASSWORD value. */
final class ConfigInfoConversions {

    /** What a PASSWORD-typed value is shown as in REST answers and logs. */
    static final String HIDDEN = "[hidden]";

    private ConfigInfoConversions() {
    }

    static ConfigKeyInfo keyInfo(ConfigKey key) {
        String defaultValue = key.hasDefault() ? text(key.defaultValue, key.type) : null;
        return new ConfigKeyInfo(key.name, typeName(key), !key.hasDefault(), defaultValue, key.importance.name(),
                key.documentation, key.group, key.orderInGroup, key.width.name(), key.displayName,
                List.copyOf(key.dependents));
    }

    /** {@code CLASS} for plugin class names (see {@link PluginClassName}), else the ConfigDef type name. */
    static String typeName(ConfigKey key) {
        return key.validator instanceof PluginClassName ? Type.CLASS.name() : key.type.name();
    }

    /**
     * @param key the value's definition; null for a value without one (then it is shown as given)
     */
    static ConfigValueInfo valueInfo(ConfigKey key, ConfigValue value) {
        Type type = key == null ? null : key.type;
        List<String> recommended = new ArrayList<>();
        for (Object candidate : value.recommendedValues()) {
            recommended.add(text(candidate, type));
        }
        return new ConfigValueInfo(value.name(), text(value.value(), type), recommended,
                List.copyOf(value.errorMessages()), value.visible());
    }

    /** The string form of a parsed value; {@value #HIDDEN} for passwords, null for null. */
    static String text(Object value, Type type) {
        if (value == null) {
            return null;
        }
        if (type == Type.PASSWORD || value instanceof org.apache.kafka.common.config.types.Password) {
            return HIDDEN;
        }
        if (type == null) {
            return value.toString();
        }
        try {
            return ConfigDef.convertToString(value, type);
        } catch (ClassCastException e) {
            return value.toString(); // a connector's validate() may report a value it did not parse
        }
    }
}
