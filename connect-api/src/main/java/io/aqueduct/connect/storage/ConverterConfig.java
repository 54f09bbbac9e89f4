package io.aqueduct.connect.storage;

import java.util.Arrays;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;

/**
 * Base class for the configuration of converters that serve as key, value and header converters. It
 * defines {@value #TYPE_CONFIG}, which the runtime sets to say what an instance is used for; subclasses
 * add their own keys to {@link #newConfigDef()}.
 */
public abstract class ConverterConfig extends AbstractConfig {

    /** The key under which the runtime passes the {@link ConverterType} of a converter instance. */
    public static final String TYPE_CONFIG = "converter.type";

    private static final String TYPE_DOC = "What the converter instance is used for: "
        + "'key', 'value' or 'header'. Set by the runtime.";

    /**
     * A definition holding {@value #TYPE_CONFIG} (required, one of {@code key}, {@code value},
     * {@code header}), for subclasses to extend.
     *
     * @return a new, modifiable definition
     */
    public static ConfigDef newConfigDef() {
        String[] typeNames = Arrays.stream(ConverterType.values()).map(ConverterType::getName).toArray(String[]::new);
        return new ConfigDef().define(TYPE_CONFIG, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
            ConfigDef.ValidString.in(typeNames), ConfigDef.Importance.LOW, TYPE_DOC);
    }

    /**
     * Parses and validates the given properties.
     *
     * @param configDef the definition, normally built from {@link #newConfigDef()}
     * @param props     the converter properties
     * @throws org.apache.kafka.common.config.ConfigException if a property is missing or invalid
     */
    protected ConverterConfig(ConfigDef configDef, Map<String, ?> props) {
        super(configDef, props, true);
    }

    /**
     * What this converter instance is used for.
     *
     * @return the type; never null
     */
    public ConverterType type() {
        return ConverterType.withName(getString(TYPE_CONFIG));
    }
}
