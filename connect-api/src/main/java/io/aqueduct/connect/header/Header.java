package io.aqueduct.connect.header;

import io.aqueduct.connect.data.Schema;

/**
 * One header of a Connect record: a key and a value with its schema. Several headers may share a key;
 * see {@link Headers}.
 *
 * <p>Headers are immutable: {@link #with(Schema, Object)} and {@link #rename(String)} return new headers.
 * Implementations must be thread-safe as long as the value itself is not mutated.
 */
public interface Header {

    /**
     * The header key.
     *
     * @return never null
     */
    String key();

    /**
     * The schema of the value.
     *
     * @return the schema, or null if the value has none (for example after a schemaless header converter)
     */
    Schema schema();

    /**
     * The value, of the Java class that {@link #schema()} calls for.
     *
     * @return the value, possibly null
     */
    Object value();

    /**
     * A header with the same key and another value. The value is not validated here;
     * {@link Headers#add(Header)} validates it.
     *
     * @param schema the new schema, or null
     * @param value the new value, possibly null
     * @return a new header, never null
     */
    Header with(Schema schema, Object value);

    /**
     * A header with the same schema and value under another key.
     *
     * @param key the new key, not null
     * @return a new header, never null
     * @throws NullPointerException if key is null
     */
    Header rename(String key);
}
