package io.aqueduct.connect.header;

import io.aqueduct.connect.data.Schema;
import io.aqueduct.connect.data.SchemaAndValue;
import io.aqueduct.connect.data.Struct;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The ordered headers of a Connect record. Keys may repeat; iteration returns headers in the order they
 * were added, and the last header of a key is its current value by convention.
 *
 * <p>Every method that adds a header validates the value against its schema (a null schema means
 * schemaless and accepts any value) and throws {@link io.aqueduct.connect.errors.DataException} naming the
 * header key if it does not fit. The typed {@code addX} methods choose the schema: the required schema of
 * the type for a non-null value, its optional variant for null. All add and remove methods return this
 * object for chaining.
 *
 * <p>Not thread-safe: a record's headers belong to the thread that processes the record. The headers
 * themselves are immutable and may be shared.
 */
public interface Headers extends Iterable<Header> {

    /**
     * The number of headers, counting repeated keys.
     *
     * @return the number of headers
     */
    int size();

    /**
     * Whether there are no headers.
     *
     * @return true if {@link #size()} is 0
     */
    boolean isEmpty();

    /**
     * The headers with a key, in order.
     *
     * @param key the key
     * @return an iterator over the matching headers, possibly empty, never null; its {@code remove()} removes
     *     the last returned header from these headers
     */
    Iterator<Header> allWithName(String key);

    /**
     * The last header with a key.
     *
     * @param key the key
     * @return the header, or null if there is none
     */
    Header lastWithName(String key);

    /**
     * Appends a header.
     *
     * @param header the header, not null
     * @return this object
     * @throws NullPointerException if header is null
     * @throws io.aqueduct.connect.errors.DataException if the value does not fit the header's schema
     */
    Headers add(Header header);

    /**
     * Appends a header.
     *
     * @param key the key, not null
     * @param schemaAndValue the value and its schema; null means {@link SchemaAndValue#NULL}
     * @return this object
     * @throws NullPointerException if key is null
     * @throws io.aqueduct.connect.errors.DataException if the value does not fit the schema
     */
    Headers add(String key, SchemaAndValue schemaAndValue);

    /**
     * Appends a header.
     *
     * @param key the key, not null
     * @param value the value, possibly null
     * @param schema the schema of the value, or null for schemaless
     * @return this object
     * @throws NullPointerException if key is null
     * @throws io.aqueduct.connect.errors.DataException if the value does not fit the schema
     */
    Headers add(String key, Object value, Schema schema);

    /**
     * Appends a STRING header.
     *
     * @param key the key, not null
     * @param value the value, possibly null
     * @return this object
     */
    Headers addString(String key, String value);

    /**
     * Appends a BOOLEAN header.
     *
     * @param key the key, not null
     * @param value the value
     * @return this object
     */
    Headers addBoolean(String key, boolean value);

    /**
     * Appends an INT8 header.
     *
     * @param key the key, not null
     * @param value the value
     * @return this object
     */
    Headers addByte(String key, byte value);

    /**
     * Appends an INT16 header.
     *
     * @param key the key, not null
     * @param value the value
     * @return this object
     */
    Headers addShort(String key, short value);

    /**
     * Appends an INT32 header.
     *
     * @param key the key, not null
     * @param value the value
     * @return this object
     */
    Headers addInt(String key, int value);

    /**
     * Appends an INT64 header.
     *
     * @param key the key, not null
     * @param value the value
     * @return this object
     */
    Headers addLong(String key, long value);

    /**
     * Appends a FLOAT32 header.
     *
     * @param key the key, not null
     * @param value the value
     * @return this object
     */
    Headers addFloat(String key, float value);

    /**
     * Appends a FLOAT64 header.
     *
     * @param key the key, not null
     * @param value the value
     * @return this object
     */
    Headers addDouble(String key, double value);

    /**
     * Appends a BYTES header. The array is not copied.
     *
     * @param key the key, not null
     * @param value the value, possibly null
     * @return this object
     */
    Headers addBytes(String key, byte[] value);

    /**
     * Appends an ARRAY header.
     *
     * @param key the key, not null
     * @param value the value, possibly null (then the schema must be optional)
     * @param schema an ARRAY schema, not null
     * @return this object
     * @throws io.aqueduct.connect.errors.DataException if the list does not fit the schema
     */
    Headers addList(String key, List<?> value, Schema schema);

    /**
     * Appends a MAP header.
     *
     * @param key the key, not null
     * @param value the value, possibly null (then the schema must be optional)
     * @param schema a MAP schema, not null
     * @return this object
     * @throws io.aqueduct.connect.errors.DataException if the map does not fit the schema
     */
    Headers addMap(String key, Map<?, ?> value, Schema schema);

    /**
     * Appends a STRUCT header with the struct's own schema.
     *
     * @param key the key, not null
     * @param value the struct, not null
     * @return this object
     * @throws NullPointerException if value is null (use {@link #add(String, Object, Schema)} for a null struct)
     * @throws io.aqueduct.connect.errors.DataException if the struct is incomplete ({@link Struct#validate()})
     */
    Headers addStruct(String key, Struct value);

    /**
     * Appends a {@link io.aqueduct.connect.data.Decimal} header with the scale of the value.
     *
     * @param key the key, not null
     * @param value the value, possibly null (then the schema is an optional Decimal of scale 0)
     * @return this object
     */
    Headers addDecimal(String key, BigDecimal value);

    /**
     * Appends a {@link io.aqueduct.connect.data.Date} header.
     *
     * @param key the key, not null
     * @param value a date at midnight UTC, possibly null
     * @return this object
     */
    Headers addDate(String key, java.util.Date value);

    /**
     * Appends a {@link io.aqueduct.connect.data.Time} header.
     *
     * @param key the key, not null
     * @param value a time on 1970-01-01 UTC, possibly null
     * @return this object
     */
    Headers addTime(String key, java.util.Date value);

    /**
     * Appends a {@link io.aqueduct.connect.data.Timestamp} header.
     *
     * @param key the key, not null
     * @param value the instant, possibly null
     * @return this object
     */
    Headers addTimestamp(String key, java.util.Date value);

    /**
     * Removes every header with a key.
     *
     * @param key the key
     * @return this object
     */
    Headers remove(String key);

    /**
     * Removes every header with a key except the last one.
     *
     * @param key the key
     * @return this object
     */
    Headers retainLatest(String key);

    /**
     * Removes, for every key, all headers except the last one; the remaining headers keep their order.
     *
     * @return this object
     */
    Headers retainLatest();

    /**
     * Removes all headers.
     *
     * @return this object
     */
    Headers clear();

    /**
     * A copy of these headers that can be changed independently. The headers themselves are immutable and
     * shared; their values are not copied.
     *
     * @return a new object, never null
     */
    Headers duplicate();

    /**
     * Replaces every header with the result of a transform, in order; a null result removes the header.
     *
     * @param transform the transform, not null
     * @return this object
     * @throws io.aqueduct.connect.errors.DataException if a transformed value does not fit its schema
     */
    Headers apply(HeaderTransform transform);

    /**
     * Replaces every header with a key with the result of a transform; a null result removes the header.
     *
     * @param key the key
     * @param transform the transform, not null
     * @return this object
     * @throws io.aqueduct.connect.errors.DataException if a transformed value does not fit its schema
     */
    Headers apply(String key, HeaderTransform transform);

    /**
     * A function that rewrites one header, for {@link Headers#apply(HeaderTransform)}.
     */
    @FunctionalInterface
    interface HeaderTransform {

        /**
         * Rewrites a header.
         *
         * @param header the header, never null
         * @return the replacement (possibly the same header), or null to remove it
         */
        Header apply(Header header);
    }
}
