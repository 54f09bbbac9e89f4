package io.aqueduct.connect.json;

import io.aqueduct.connect.storage.ConverterConfig;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/**
 * The configuration of {@link JsonConverter}: whether records carry a schema envelope, how many schema
 * conversions to cache, how to write decimals, and whether null values are replaced by schema defaults.
 */
public final class JsonConverterConfig extends ConverterConfig {

    /** Whether each record is an envelope {@code {"schema":..,"payload":..}} (true) or the bare payload. */
    public static final String SCHEMAS_ENABLE_CONFIG = "schemas.enable";
    /** Default of {@value #SCHEMAS_ENABLE_CONFIG}. */
    public static final boolean SCHEMAS_ENABLE_DEFAULT = true;
    private static final String SCHEMAS_ENABLE_DOC = "Whether each record is written as an envelope holding the"
        + " schema and the payload, and read expecting one. Set to false to write and read plain JSON, whose"
        + " schema is then inferred from the JSON types when reading.";

    /** How many schema conversions are cached, in each direction. */
    public static final String SCHEMAS_CACHE_SIZE_CONFIG = "schemas.cache.size";
    /** Default of {@value #SCHEMAS_CACHE_SIZE_CONFIG}. */
    public static final int SCHEMAS_CACHE_SIZE_DEFAULT = 1000;
    private static final String SCHEMAS_CACHE_SIZE_DOC = "The maximum number of schemas kept converted, in each"
        + " direction (least recently used ones are evicted). 0 disables the caches.";

    /** How Decimal values are written: {@code BASE64} or {@code NUMERIC}. */
    public static final String DECIMAL_FORMAT_CONFIG = "decimal.format";
    /** Default of {@value #DECIMAL_FORMAT_CONFIG}. */
    public static final String DECIMAL_FORMAT_DEFAULT = DecimalFormat.BASE64.name();
    private static final String DECIMAL_FORMAT_DOC = "How Decimal logical values are written: BASE64 writes the"
        + " Base64 of the unscaled value's two's-complement bytes, NUMERIC writes a JSON number. Both are read.";

    /** Whether a null value of a schema with a default is replaced by the default. */
    public static final String REPLACE_NULL_WITH_DEFAULT_CONFIG = "replace.null.with.default";
    /** Default of {@value #REPLACE_NULL_WITH_DEFAULT_CONFIG}. */
    public static final boolean REPLACE_NULL_WITH_DEFAULT_DEFAULT = true;
    private static final String REPLACE_NULL_WITH_DEFAULT_DOC = "Whether a null value whose schema has a default"
        + " value is written (and read) as that default. Set to false to keep nulls as nulls.";

    private static final String GROUP = "Schemas";

    private static final ConfigDef CONFIG = newConfigDef()
        .define(SCHEMAS_ENABLE_CONFIG, Type.BOOLEAN, SCHEMAS_ENABLE_DEFAULT, Importance.HIGH, SCHEMAS_ENABLE_DOC,
            GROUP, 0, Width.MEDIUM, "Enable Schemas")
        .define(SCHEMAS_CACHE_SIZE_CONFIG, Type.INT, SCHEMAS_CACHE_SIZE_DEFAULT, ConfigDef.Range.atLeast(0),
            Importance.HIGH, SCHEMAS_CACHE_SIZE_DOC, GROUP, 1, Width.MEDIUM, "Schema Cache Size")
        .define(DECIMAL_FORMAT_CONFIG, Type.STRING, DECIMAL_FORMAT_DEFAULT,
            ConfigDef.CaseInsensitiveValidString.in(names()), Importance.LOW, DECIMAL_FORMAT_DOC, GROUP, 2,
            Width.MEDIUM, "Decimal Format")
        .define(REPLACE_NULL_WITH_DEFAULT_CONFIG, Type.BOOLEAN, REPLACE_NULL_WITH_DEFAULT_DEFAULT, Importance.LOW,
            REPLACE_NULL_WITH_DEFAULT_DOC, GROUP, 3, Width.MEDIUM, "Replace null with default");

    private final boolean schemasEnabled;
    private final int schemaCacheSize;
    private final DecimalFormat decimalFormat;
    private final boolean replaceNullWithDefault;

    /**
     * The definition of all keys of this configuration.
     *
     * @return a new copy of the definition
     */
    public static ConfigDef configDef() {
        return new ConfigDef(CONFIG);
    }

    /**
     * Parses and validates the given properties.
     *
     * @param props the converter properties, including {@value ConverterConfig#TYPE_CONFIG}
     * @throws org.apache.kafka.common.config.ConfigException if a property is missing or invalid
     */
    public JsonConverterConfig(Map<String, ?> props) {
        super(CONFIG, props);
        this.schemasEnabled = getBoolean(SCHEMAS_ENABLE_CONFIG);
        this.schemaCacheSize = getInt(SCHEMAS_CACHE_SIZE_CONFIG);
        this.decimalFormat = DecimalFormat.valueOf(getString(DECIMAL_FORMAT_CONFIG).toUpperCase(Locale.ROOT));
        this.replaceNullWithDefault = getBoolean(REPLACE_NULL_WITH_DEFAULT_CONFIG);
    }

    /** @return whether records are schema envelopes */
    public boolean schemasEnabled() {
        return schemasEnabled;
    }

    /** @return the maximum number of cached schema conversions per direction; 0 means no caching */
    public int schemaCacheSize() {
        return schemaCacheSize;
    }

    /** @return how Decimal values are written */
    public DecimalFormat decimalFormat() {
        return decimalFormat;
    }

    /** @return whether null values of schemas with a default are replaced by the default */
    public boolean replaceNullWithDefault() {
        return replaceNullWithDefault;
    }

    private static String[] names() {
        return Arrays.stream(DecimalFormat.values()).map(DecimalFormat::name).toArray(String[]::new);
    }
}
