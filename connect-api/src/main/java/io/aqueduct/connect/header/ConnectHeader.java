package io.aqueduct.connect.header;

import io.aqueduct.connect.data.Schema;
import io.aqueduct.connect.data.SchemaAndValue;

import java.util.Arrays;
import java.util.Objects;

/**
 * The immutable implementation of {@link Header}. Thread-safe as long as the value is not mutated.
 */
public class ConnectHeader implements Header {

    private final String key;
    private final SchemaAndValue schemaAndValue;

    /**
     * Creates a header. The value is not validated against the schema here; {@link Headers#add(Header)}
     * validates it.
     *
     * @param key the key, not null
     * @param schemaAndValue the value with its schema; null means {@link SchemaAndValue#NULL}
     * @throws NullPointerException if key is null
     */
    public ConnectHeader(String key, SchemaAndValue schemaAndValue) {
        this.key = Objects.requireNonNull(key, "header key must not be null");
        this.schemaAndValue = schemaAndValue != null ? schemaAndValue : SchemaAndValue.NULL;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public Schema schema() {
        return schemaAndValue.schema();
    }

    @Override
    public Object value() {
        return schemaAndValue.value();
    }

    @Override
    public Header with(Schema schema, Object value) {
        return new ConnectHeader(key, new SchemaAndValue(schema, value));
    }

    @Override
    public Header rename(String key) {
        Objects.requireNonNull(key, "header key must not be null");
        return key.equals(this.key) ? this : new ConnectHeader(key, schemaAndValue);
    }

    /**
     * Equal to any {@link Header} with an equal key, schema and value; byte arrays compare by content.
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Header)) {
            return false;
        }
        Header that = (Header) o;
        return key.equals(that.key()) && Objects.equals(schema(), that.schema())
                && Objects.deepEquals(value(), that.value());
    }

    /** Combines the hash codes of key, schema and value (byte arrays by content). */
    @Override
    public int hashCode() {
        Object value = value();
        int valueHash = value instanceof byte[] ? Arrays.hashCode((byte[]) value) : Objects.hashCode(value);
        return (31 * key.hashCode() + Objects.hashCode(schema())) * 31 + valueHash;
    }

    @Override
    public String toString() {
        Object value = value();
        return "ConnectHeader(key=" + key + ", value="
                + (value instanceof byte[] ? Arrays.toString((byte[]) value) : value) + ", schema=" + schema() + ")";
    }
}
