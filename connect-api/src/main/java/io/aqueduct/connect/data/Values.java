package io.aqueduct.connect.data;

import io.aqueduct.connect.errors.DataException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * Conversions between the Java representations of Connect types, schema inference, and a text form
 * of values for header converters and transformations that work on strings.
 *
 * <p>The {@code convertToX(schema, value)} methods accept a value of any compatible type, with its
 * schema if it has one (the schema tells, for example, a {@link Date} from a {@link Timestamp}). Numbers
 * convert to each other with Java's rules, except that an integral value outside the target range
 * throws instead of wrapping around; booleans convert to and from 1 and 0; strings are parsed with
 * {@link #parseString(String)}. A null value converts to null. A conversion that is impossible throws a
 * {@link DataException} naming the value and the target type.
 *
 * <p>{@link #convertToString(Schema, Object)} and {@link #parseString(String)} are inverses: for every
 * primitive value, list, map and logical-type value, parsing the text and converting the result back to
 * the original type gives the original value. Two exceptions: byte arrays become Base64 text, which
 * parses back as a string, and strings that look like another literal ({@code "true"}, {@code "42"})
 * parse as that literal, so only their text round-trips.
 *
 * <p>Stateless and thread-safe.
 */
public final class Values {

    /** Text pattern of {@link Date} values, in UTC: {@value}. */
    public static final String ISO_8601_DATE_FORMAT_PATTERN = "yyyy-MM-dd";
    /** Text pattern of {@link Time} values, in UTC: {@value}. */
    public static final String ISO_8601_TIME_FORMAT_PATTERN = "HH:mm:ss.SSS'Z'";
    /** Text pattern of {@link Timestamp} values, in UTC: {@value}. */
    public static final String ISO_8601_TIMESTAMP_FORMAT_PATTERN =
            ISO_8601_DATE_FORMAT_PATTERN + "'T'" + ISO_8601_TIME_FORMAT_PATTERN;

    private Values() {
    }

    /**
     * Converts a value to a boolean: numbers are true unless zero, strings {@code true}/{@code false} in
     * any case or a number.
     *
     * @param schema the value's schema, or null
     * @param value the value, possibly null
     * @return the boolean, or null if the value is null
     * @throws DataException if the value cannot be converted
     */
    public static Boolean convertToBoolean(Schema schema, Object value) {
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        if (value instanceof String) {
            String text = ((String) value).trim();
            if (text.equalsIgnoreCase("true")) {
                return Boolean.TRUE;
            }
            if (text.equalsIgnoreCase("false")) {
                return Boolean.FALSE;
            }
        }
        return toLong(schema, value, Schema.Type.BOOLEAN) != 0L;
    }

    /**
     * Converts a value to an INT8.
     *
     * @param schema the value's schema, or null
     * @param value the value, possibly null
     * @return the byte, or null if the value is null
     * @throws DataException if the value cannot be converted or is out of range
     */
    public static Byte convertToByte(Schema schema, Object value) {
        if (value == null || value instanceof Byte) {
            return (Byte) value;
        }
        return (byte) checkRange(toLong(schema, value, Schema.Type.INT8), Byte.MIN_VALUE, Byte.MAX_VALUE,
                value, Schema.Type.INT8);
    }

    /**
     * Converts a value to an INT16.
     *
     * @param schema the value's schema, or null
     * @param value the value, possibly null
     * @return the short, or null if the value is null
     * @throws DataException if the value cannot be converted or is out of range
     */
    public static Short convertToShort(Schema schema, Object value) {
        if (value == null || value instanceof Short) {
            return (Short) value;
        }
        return (short) checkRange(toLong(schema, value, Schema.Type.INT16), Short.MIN_VALUE, Short.MAX_VALUE,
                value, Schema.Type.INT16);
    }

    /**
     * Converts a value to an INT32. A {@link Date} value becomes days since the epoch and a {@link Time}
     * value milliseconds since midnight.
     *
     * @param schema the value's schema, or null
     * @param value the value, possibly null
     * @return the integer, or null if the value is null
     * @throws DataException if the value cannot be converted or is out of range
     */
    public static Integer convertToInteger(Schema schema, Object value) {
        if (value == null || value instanceof Integer) {
            return (Integer) value;
        }
        return (int) checkRange(toLong(schema, value, Schema.Type.INT32), Integer.MIN_VALUE, Integer.MAX_VALUE,
                value, Schema.Type.INT32);
    }

    /**
     * Converts a value to an INT64. A {@link Timestamp} value (or a {@link java.util.Date} without schema)
     * becomes milliseconds since the epoch.
     *
     * @param schema the value's schema, or null
     * @param value the value, possibly null
     * @return the long, or null if the value is null
     * @throws DataException if the value cannot be converted or is out of range
     */
    public static Long convertToLong(Schema schema, Object value) {
        if (value == null || value instanceof Long) {
            return (Long) value;
        }
        return toLong(schema, value, Schema.Type.INT64);
    }

    /**
     * Converts a value to a FLOAT32.
     *
     * @param schema the value's schema, or null
     * @param value the value, possibly null
     * @return the float, or null if the value is null
     * @throws DataException if the value cannot be converted
     */
    public static Float convertToFloat(Schema schema, Object value) {
        if (value == null || value instanceof Float) {
            return (Float) value;
        }
        return toNumber(schema, value, Schema.Type.FLOAT32).floatValue();
    }

    /**
     * Converts a value to a FLOAT64.
     *
     * @param schema the value's schema, or null
     * @param value the value, possibly null
     * @return the double, or null if the value is null
     * @throws DataException if the value cannot be converted
     */
    public static Double convertToDouble(Schema schema, Object value) {
        if (value == null || value instanceof Double) {
            return (Double) value;
        }
        return toNumber(schema, value, Schema.Type.FLOAT64).doubleValue();
    }

    /**
     * Converts a value to its text form, which {@link #parseString(String)} reads back. Strings are returned
     * unchanged; inside arrays, maps and structs they are quoted. Temporal logical types are written in
     * ISO 8601 UTC ({@value #ISO_8601_TIMESTAMP_FORMAT_PATTERN} for a {@link java.util.Date} without
     * schema), bytes in Base64, structs like maps of field names to values.
     *
     * @param schema the value's schema, or null
     * @param value the value, possibly null
     * @return the text, or null if the value is null
     */
    public static String convertToString(Schema schema, Object value) {
        return ValueFormatter.format(schema, value);
    }

    /**
     * Converts a value to a list: a list is returned as it is, a string is parsed.
     *
     * @param schema the value's schema, or null
     * @param value the value, possibly null
     * @return the list, or null if the value is null
     * @throws DataException if the value is neither a list nor the text of one
     */
    public static List<?> convertToList(Schema schema, Object value) {
        if (value == null || value instanceof List) {
            return (List<?>) value;
        }
        Object parsed = parsedFrom(value);
        if (parsed instanceof List) {
            return (List<?>) parsed;
        }
        throw cannotConvert(value, schema, "ARRAY");
    }

    /**
     * Converts a value to a map: a map is returned as it is, a string is parsed.
     *
     * @param schema the value's schema, or null
     * @param value the value, possibly null
     * @return the map, or null if the value is null
     * @throws DataException if the value is neither a map nor the text of one
     */
    public static Map<?, ?> convertToMap(Schema schema, Object value) {
        if (value == null || value instanceof Map) {
            return (Map<?, ?>) value;
        }
        Object parsed = parsedFrom(value);
        if (parsed instanceof Map) {
            return (Map<?, ?>) parsed;
        }
        throw cannotConvert(value, schema, "MAP");
    }

    /**
     * Returns a struct value as it is; nothing else converts to a struct, because a struct's schema cannot
     * be guessed.
     *
     * @param schema the value's schema, or null
     * @param value the value, possibly null
     * @return the struct, or null if the value is null
     * @throws DataException if the value is not a struct
     */
    public static Struct convertToStruct(Schema schema, Object value) {
        if (value == null || value instanceof Struct) {
            return (Struct) value;
        }
        throw cannotConvert(value, schema, "STRUCT");
    }

    /**
     * Converts a value to a {@link Time}: a time is returned as it is, a timestamp keeps its time of day,
     * a number counts milliseconds since midnight, a string is parsed.
     *
     * @param schema the value's schema, or null
     * @param value the value, possibly null
     * @return a date on 1970-01-01 UTC, or null if the value is null
     * @throws DataException if the value cannot be converted (a {@link Date} has no time of day)
     */
    public static java.util.Date convertToTime(Schema schema, Object value) {
        return TemporalConversion.toTime(schema, value);
    }

    /**
     * Converts a value to a {@link Date}: a date is returned as it is, a timestamp is truncated to its day
     * in UTC, a number counts days since the epoch, a string is parsed.
     *
     * @param schema the value's schema, or null
     * @param value the value, possibly null
     * @return a date at midnight UTC, or null if the value is null
     * @throws DataException if the value cannot be converted (a {@link Time} has no date)
     */
    public static java.util.Date convertToDate(Schema schema, Object value) {
        return TemporalConversion.toDate(schema, value);
    }

    /**
     * Converts a value to a {@link Timestamp}: any {@link java.util.Date} is returned as it is, a number
     * counts milliseconds since the epoch, a string is parsed.
     *
     * @param schema the value's schema, or null
     * @param value the value, possibly null
     * @return the instant, or null if the value is null
     * @throws DataException if the value cannot be converted
     */
    public static java.util.Date convertToTimestamp(Schema schema, Object value) {
        return TemporalConversion.toTimestamp(schema, value);
    }

    /**
     * Converts a value to a decimal of a scale: numbers, decimal text, and the encoded bytes of a
     * {@link Decimal} (read with the given scale).
     *
     * @param schema the value's schema, or null
     * @param value the value, possibly null
     * @param scale the scale of the result
     * @return the decimal with exactly the given scale, or null if the value is null
     * @throws DataException if the value cannot be converted or has more fractional digits than the scale
     *     allows (it is never rounded)
     */
    public static BigDecimal convertToDecimal(Schema schema, Object value, int scale) {
        if (value == null) {
            return null;
        }
        BigDecimal decimal;
        if (value instanceof BigDecimal) {
            decimal = (BigDecimal) value;
        } else if (value instanceof byte[]) {
            decimal = Decimal.toLogical(Decimal.schema(scale), (byte[]) value);
        } else if (value instanceof String) {
            decimal = parseDecimal((String) value, schema);
        } else {
            decimal = toBigDecimal(toNumber(schema, value, Schema.Type.BYTES), value, schema);
        }
        try {
            return decimal.setScale(scale, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new DataException("Cannot convert " + ValueText.brief(value) + " to a Decimal of scale " + scale
                    + " without rounding; round it first or use a larger scale", e);
        }
    }

    /**
     * Infers the schema of a value from its Java class: primitives, byte arrays and buffers, {@link BigDecimal}
     * (a {@link Decimal} of its scale), structs, and lists and maps whose non-null elements all have the
     * same inferable schema (made optional if there are null elements).
     *
     * @param value the value, possibly null
     * @return the schema, or null for null, empty or mixed lists and maps, {@link java.util.Date} and other
     *     classes
     */
    public static Schema inferSchema(Object value) {
        return SchemaInference.infer(value);
    }

    /**
     * Parses text into a value and infers its schema:
     * <ul>
     *   <li>{@code true} and {@code false}: BOOLEAN;</li>
     *   <li>integers: the smallest of INT8, INT16, INT32, INT64 that holds them, beyond that a {@link Decimal};</li>
     *   <li>other numbers ({@code 1.5}, {@code 2e10}, {@code NaN}): FLOAT32 if a float holds the value exactly,
     *       else FLOAT64 if a double holds the literal without loss, else a {@link Decimal};</li>
     *   <li>{@code 2024-01-02}, {@code 01:02:03.004Z}, {@code 2024-01-02T01:02:03.004Z}: {@link Date},
     *       {@link Time}, {@link Timestamp};</li>
     *   <li>{@code [1,2]}: an ARRAY, and {@code {"a":1}}: a MAP, whose elements are the literals above,
     *       quoted strings, {@code null}, or nested arrays and maps; numbers are widened to a common type,
     *       and elements of different kinds give a list or map without schema;</li>
     *   <li>anything else, including text with surrounding whitespace: the STRING itself.</li>
     * </ul>
     *
     * @param value the text, possibly null
     * @return the value and its schema (schema null for lists and maps without a common element schema);
     *     {@link SchemaAndValue#NULL} for null text and a STRING for empty text; never null
     */
    public static SchemaAndValue parseString(String value) {
        return ValueParser.parse(value);
    }

    // --- numeric conversion ----------------------------------------------------------------------

    /** Reduces a value to a number: numbers as they are, booleans to 1/0, dates to their count, text parsed. */
    static Number toNumber(Schema schema, Object value, Schema.Type target) {
        if (value instanceof Number) {
            return (Number) value;
        }
        if (value instanceof Boolean) {
            return (Boolean) value ? 1 : 0;
        }
        if (value instanceof java.util.Date) {
            return TemporalConversion.toCount(schema, (java.util.Date) value);
        }
        if (value instanceof String) {
            Object parsed = ValueParser.parse(((String) value).trim()).value();
            if (parsed instanceof Number) {
                return (Number) parsed;
            }
            if (parsed instanceof Boolean) {
                return (Boolean) parsed ? 1 : 0;
            }
            if (parsed instanceof java.util.Date) {
                return ((java.util.Date) parsed).getTime();
            }
        }
        throw cannotConvert(value, schema, target.toString());
    }

    private static long toLong(Schema schema, Object value, Schema.Type target) {
        Number number = toNumber(schema, value, target);
        if (number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte) {
            return number.longValue();
        }
        if (number instanceof BigDecimal || number instanceof BigInteger) {
            BigInteger integral = number instanceof BigDecimal ? ((BigDecimal) number).toBigInteger() : (BigInteger) number;
            if (integral.bitLength() > 63) {
                throw outOfRange(value, target);
            }
            return integral.longValue();
        }
        double d = number.doubleValue();
        if (Double.isNaN(d) || d < Long.MIN_VALUE || d >= 0x1p63) {
            throw outOfRange(value, target);
        }
        return (long) d;
    }

    private static long checkRange(long value, long min, long max, Object original, Schema.Type target) {
        if (value < min || value > max) {
            throw outOfRange(original, target);
        }
        return value;
    }

    private static BigDecimal toBigDecimal(Number number, Object original, Schema schema) {
        if (number instanceof BigDecimal) {
            return (BigDecimal) number;
        }
        if (number instanceof BigInteger) {
            return new BigDecimal((BigInteger) number);
        }
        if (number instanceof Float || number instanceof Double) {
            double d = number.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw cannotConvert(original, schema, "Decimal");
            }
            // the decimal text of a float is what its writer meant; widening it to double first would add noise
            return new BigDecimal(number instanceof Float ? Float.toString(number.floatValue()) : Double.toString(d));
        }
        return BigDecimal.valueOf(number.longValue());
    }

    private static BigDecimal parseDecimal(String text, Schema schema) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return toBigDecimal(toNumber(schema, text, Schema.Type.BYTES), text, schema);
        }
    }

    private static Object parsedFrom(Object value) {
        return value instanceof String ? ValueParser.parse((String) value).value() : null;
    }

    static DataException cannotConvert(Object value, Schema schema, String target) {
        return new DataException("Cannot convert " + ValueText.brief(value)
                + (schema == null ? "" : " with schema " + schema) + " to " + target);
    }

    private static DataException outOfRange(Object value, Schema.Type target) {
        return new DataException("Cannot convert " + ValueText.brief(value) + " to " + target
                + ": the value is out of range for that type");
    }
}
