package io.aqueduct.connect.data;

import io.aqueduct.connect.errors.DataException;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Logical type for arbitrary-precision decimal numbers with a fixed scale: a {@link Schema.Type#BYTES}
 * schema named {@value #LOGICAL_NAME} with a {@value #SCALE_FIELD} parameter. The Java value is a
 * {@link BigDecimal} of exactly that scale; on the wire it is the unscaled value as a big-endian two's
 * complement integer in the fewest bytes.
 *
 * <p>The name is a wire identifier shared with Apache Kafka Connect and never changes. Stateless and
 * thread-safe.
 */
public final class Decimal {

    /** The schema name of the logical type: {@value}. */
    public static final String LOGICAL_NAME = "org.apache.kafka.connect.data.Decimal";
    /** The schema parameter that holds the scale, as a decimal string: {@value}. */
    public static final String SCALE_FIELD = "scale";

    private Decimal() {
    }

    /**
     * A builder for a Decimal schema of a scale, for callers that want to make it optional or add a
     * default or documentation.
     *
     * @param scale the number of digits after the decimal point (may be negative)
     * @return a new builder, version 1
     */
    public static SchemaBuilder builder(int scale) {
        return SchemaBuilder.bytes().name(LOGICAL_NAME).parameter(SCALE_FIELD, Integer.toString(scale)).version(1);
    }

    /**
     * A required Decimal schema of a scale.
     *
     * @param scale the number of digits after the decimal point (may be negative)
     * @return a new immutable schema
     */
    public static Schema schema(int scale) {
        return builder(scale).build();
    }

    /**
     * Encodes a decimal as its unscaled value in big-endian two's complement.
     *
     * @param schema a Decimal schema, not null
     * @param value the value, not null, with the schema's scale
     * @return the encoded bytes, a new array
     * @throws DataException if the schema is not a Decimal schema or the scale of the value differs
     */
    public static byte[] fromLogical(Schema schema, BigDecimal value) {
        int scale = scale(schema);
        if (value.scale() != scale) {
            throw new DataException("Decimal " + value + " has scale " + value.scale() + " but the schema has scale "
                    + scale + "; rescale the value with BigDecimal.setScale(" + scale + ")");
        }
        return value.unscaledValue().toByteArray();
    }

    /**
     * Decodes a decimal from its unscaled value in big-endian two's complement.
     *
     * @param schema a Decimal schema, not null
     * @param value the encoded bytes, not null or empty
     * @return the decimal with the schema's scale
     * @throws DataException if the schema is not a Decimal schema or the bytes are empty
     */
    public static BigDecimal toLogical(Schema schema, byte[] value) {
        int scale = scale(schema);
        if (value.length == 0) {
            throw new DataException("Cannot decode a Decimal from zero bytes: at least one byte is needed");
        }
        return new BigDecimal(new BigInteger(value), scale);
    }

    /**
     * The scale of a Decimal schema.
     *
     * @param schema a Decimal schema
     * @return the scale parameter
     * @throws DataException if the schema is not a Decimal schema or its scale parameter is missing or not
     *     an integer
     */
    public static int scale(Schema schema) {
        if (schema == null || !LOGICAL_NAME.equals(schema.name())) {
            throw new DataException("Schema " + schema + " is not a Decimal schema: its name must be " + LOGICAL_NAME);
        }
        String scale = schema.parameters() == null ? null : schema.parameters().get(SCALE_FIELD);
        if (scale == null) {
            throw new DataException("Decimal schema has no '" + SCALE_FIELD + "' parameter; build it with Decimal.schema(scale)");
        }
        try {
            return Integer.parseInt(scale);
        } catch (NumberFormatException e) {
            throw new DataException("Decimal schema has an invalid '" + SCALE_FIELD + "' parameter '" + scale
                    + "': it must be an integer", e);
        }
    }
}
