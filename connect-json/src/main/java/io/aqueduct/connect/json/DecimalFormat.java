package io.aqueduct.connect.json;

/**
 * How {@link JsonConverter} writes values of the {@link io.aqueduct.connect.data.Decimal} logical type;
 * the value of {@value JsonConverterConfig#DECIMAL_FORMAT_CONFIG}. Reading accepts both forms whatever
 * the setting.
 */
public enum DecimalFormat {

    /** A JSON string holding the Base64 of the unscaled value's big-endian two's-complement bytes. */
    BASE64,

    /** A JSON number, for example {@code 12.34}, readable by consumers that know nothing of Connect. */
    NUMERIC
}
