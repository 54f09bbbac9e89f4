package io.aqueduct.connect.header;

import io.aqueduct.connect.data.ConnectSchema;
import io.aqueduct.connect.data.Date;
import io.aqueduct.connect.data.Decimal;
import io.aqueduct.connect.data.Schema;
import io.aqueduct.connect.data.SchemaAndValue;
import io.aqueduct.connect.data.Struct;
import io.aqueduct.connect.data.Time;
import io.aqueduct.connect.data.Timestamp;
import io.aqueduct.connect.errors.DataException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The standard {@link Headers} implementation. The runtime creates one per record, so an empty instance
 * allocates nothing beyond itself until the first header is added.
 *
 * <p>Not thread-safe.
 */
public class ConnectHeaders implements Headers {

    private static final Schema OPTIONAL_DECIMAL_SCHEMA = Decimal.builder(0).optional().build();
    private static final Schema OPTIONAL_DATE_SCHEMA = Date.builder().optional().build();
    private static final Schema OPTIONAL_TIME_SCHEMA = Time.builder().optional().build();
    private static final Schema OPTIONAL_TIMESTAMP_SCHEMA = Timestamp.builder().optional().build();

    /** Null while empty, to keep records without headers cheap. */
    private List<Header> headers;

    /** Creates empty headers. */
    public ConnectHeaders() {
    }

    /**
     * Creates headers holding the given ones, in order. The headers are validated like
     * {@link #add(Header)} does.
     *
     * @param original the headers to copy, possibly null (then the result is empty)
     * @throws DataException if a header's value does not fit its schema
     */
    public ConnectHeaders(Iterable<Header> original) {
        if (original == null) {
            return;
        }
        if (original instanceof ConnectHeaders) {
            List<Header> others = ((ConnectHeaders) original).headers;
            if (others != null && !others.isEmpty()) {
                headers = new ArrayList<>(others);
            }
            return;
        }
        for (Header header : original) {
            add(header);
        }
    }

    @Override
    public int size() {
        return headers == null ? 0 : headers.size();
    }

    @Override
    public boolean isEmpty() {
        return headers == null || headers.isEmpty();
    }

    /** Iterates in insertion order; {@code remove()} is supported. */
    @Override
    public Iterator<Header> iterator() {
        return headers == null ? Collections.emptyIterator() : headers.iterator();
    }

    @Override
    public Iterator<Header> allWithName(String key) {
        return headers == null ? Collections.emptyIterator() : new KeyIterator(headers.iterator(), key);
    }

    @Override
    public Header lastWithName(String key) {
        if (headers != null) {
            ListIterator<Header> it = headers.listIterator(headers.size());
            while (it.hasPrevious()) {
                Header header = it.previous();
                if (header.key().equals(key)) {
                    return header;
                }
            }
        }
        return null;
    }

    @Override
    public Headers add(Header header) {
        Objects.requireNonNull(header, "header must not be null");
        validate(header.key(), header.schema(), header.value());
        append(header);
        return this;
    }

    @Override
    public Headers add(String key, SchemaAndValue schemaAndValue) {
        Objects.requireNonNull(key, "header key must not be null");
        if (schemaAndValue != null) {
            validate(key, schemaAndValue.schema(), schemaAndValue.value());
        }
        append(new ConnectHeader(key, schemaAndValue));
        return this;
    }

    @Override
    public Headers add(String key, Object value, Schema schema) {
        return add(key, value == null && schema == null ? SchemaAndValue.NULL : new SchemaAndValue(schema, value));
    }

    @Override
    public Headers addString(String key, String value) {
        return add(key, value, value != null ? Schema.STRING_SCHEMA : Schema.OPTIONAL_STRING_SCHEMA);
    }

    @Override
    public Headers addBoolean(String key, boolean value) {
        return add(key, value, Schema.BOOLEAN_SCHEMA);
    }

    @Override
    public Headers addByte(String key, byte value) {
        return add(key, value, Schema.INT8_SCHEMA);
    }

    @Override
    public Headers addShort(String key, short value) {
        return add(key, value, Schema.INT16_SCHEMA);
    }

    @Override
    public Headers addInt(String key, int value) {
        return add(key, value, Schema.INT32_SCHEMA);
    }

    @Override
    public Headers addLong(String key, long value) {
        return add(key, value, Schema.INT64_SCHEMA);
    }

    @Override
    public Headers addFloat(String key, float value) {
        return add(key, value, Schema.FLOAT32_SCHEMA);
    }

    @Override
    public Headers addDouble(String key, double value) {
        return add(key, value, Schema.FLOAT64_SCHEMA);
    }

    @Override
    public Headers addBytes(String key, byte[] value) {
        return add(key, value, value != null ? Schema.BYTES_SCHEMA : Schema.OPTIONAL_BYTES_SCHEMA);
    }

    @Override
    public Headers addList(String key, List<?> value, Schema schema) {
        requireSchemaType(key, schema, Schema.Type.ARRAY);
        return add(key, value, schema);
    }

    @Override
    public Headers addMap(String key, Map<?, ?> value, Schema schema) {
        requireSchemaType(key, schema, Schema.Type.MAP);
        return add(key, value, schema);
    }

    @Override
    public Headers addStruct(String key, Struct value) {
        Objects.requireNonNull(value, "struct value of header '" + key + "' must not be null");
        return add(key, value, value.schema());
    }

    @Override
    public Headers addDecimal(String key, BigDecimal value) {
        return add(key, value, value != null ? Decimal.schema(value.scale()) : OPTIONAL_DECIMAL_SCHEMA);
    }

    @Override
    public Headers addDate(String key, java.util.Date value) {
        if (value != null) {
            Date.fromLogical(Date.SCHEMA, value);
        }
        return add(key, value, value != null ? Date.SCHEMA : OPTIONAL_DATE_SCHEMA);
    }

    @Override
    public Headers addTime(String key, java.util.Date value) {
        if (value != null) {
            Time.fromLogical(Time.SCHEMA, value);
        }
        return add(key, value, value != null ? Time.SCHEMA : OPTIONAL_TIME_SCHEMA);
    }

    @Override
    public Headers addTimestamp(String key, java.util.Date value) {
        return add(key, value, value != null ? Timestamp.SCHEMA : OPTIONAL_TIMESTAMP_SCHEMA);
    }

    @Override
    public Headers remove(String key) {
        if (headers != null) {
            headers.removeIf(header -> header.key().equals(key));
        }
        return this;
    }

    @Override
    public Headers retainLatest(String key) {
        Header last = lastWithName(key);
        if (last != null) {
            headers.removeIf(header -> header != last && header.key().equals(key));
        }
        return this;
    }

    @Override
    public Headers retainLatest() {
        if (headers != null && headers.size() > 1) {
            Set<String> seen = new HashSet<>();
            List<Header> kept = new ArrayList<>(headers.size());
            for (ListIterator<Header> it = headers.listIterator(headers.size()); it.hasPrevious(); ) {
                Header header = it.previous();
                if (seen.add(header.key())) {
                    kept.add(header);
                }
            }
            Collections.reverse(kept);
            headers = kept;
        }
        return this;
    }

    @Override
    public Headers clear() {
        if (headers != null) {
            headers.clear();
        }
        return this;
    }

    @Override
    public Headers duplicate() {
        return new ConnectHeaders(this);
    }

    @Override
    public Headers apply(HeaderTransform transform) {
        return apply(null, transform);
    }

    @Override
    public Headers apply(String key, HeaderTransform transform) {
        Objects.requireNonNull(transform, "header transform must not be null");
        if (headers == null) {
            return this;
        }
        for (ListIterator<Header> it = headers.listIterator(); it.hasNext(); ) {
            Header header = it.next();
            if (key != null && !header.key().equals(key)) {
                continue;
            }
            Header result = transform.apply(header);
            if (result == null) {
                it.remove();
            } else if (result != header) {
                validate(result.key(), result.schema(), result.value());
                it.set(result);
            }
        }
        return this;
    }

    private void append(Header header) {
        if (headers == null) {
            headers = new ArrayList<>(4);
        }
        headers.add(header);
    }

    private static void validate(String key, Schema schema, Object value) {
        if (schema == null) {
            return;
        }
        try {
            ConnectSchema.validateValue(schema, value);
        } catch (DataException e) {
            throw new DataException("Invalid value for header '" + key + "': " + e.getMessage(), e);
        }
    }

    private static void requireSchemaType(String key, Schema schema, Schema.Type type) {
        if (schema == null || schema.type() != type) {
            throw new DataException("Header '" + key + "' needs a " + type + " schema but got " + schema);
        }
    }

    /**
     * Equal to any {@link Headers} with equal headers in the same order.
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Headers)) {
            return false;
        }
        Iterator<Header> mine = iterator();
        Iterator<Header> theirs = ((Headers) o).iterator();
        while (mine.hasNext() && theirs.hasNext()) {
            if (!mine.next().equals(theirs.next())) {
                return false;
            }
        }
        return !mine.hasNext() && !theirs.hasNext();
    }

    /** The list hash code of the headers in order (1 when empty). */
    @Override
    public int hashCode() {
        return headers == null ? 1 : headers.hashCode();
    }

    @Override
    public String toString() {
        return "ConnectHeaders(headers=" + (headers == null ? "[]" : headers) + ")";
    }

    /** Iterates the headers of one key; remove() removes from the underlying list. */
    private static final class KeyIterator implements Iterator<Header> {
        private final Iterator<Header> all;
        private final String key;
        private Header next;

        KeyIterator(Iterator<Header> all, String key) {
            this.all = all;
            this.key = key;
        }

        @Override
        public boolean hasNext() {
            while (next == null && all.hasNext()) {
                Header candidate = all.next();
                if (candidate.key().equals(key)) {
                    next = candidate;
                }
            }
            return next != null;
        }

        @Override
        public Header next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Header result = next;
            next = null;
            return result;
        }

        @Override
        public void remove() {
            if (next != null) {
                throw new IllegalStateException("remove() must directly follow next()");
            }
            all.remove();
        }
    }
}
