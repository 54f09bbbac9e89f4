package io.aqueduct.connect.json;

import java.util.Arrays;

/**
 * The raw bytes of a serialized JSON schema, used as the key of the read-side schema cache: comparing
 * bytes is far cheaper than building and hashing a tree for every record. A lookup key is a view into
 * the record's bytes; only keys that are stored are copied ({@link #compact()}).
 */
final class SchemaBytes {

    private final byte[] bytes;
    private final int from;
    private final int to;
    private final int hash;

    private SchemaBytes(byte[] bytes, int from, int to, int hash) {
        this.bytes = bytes;
        this.from = from;
        this.to = to;
        this.hash = hash;
    }

    /** A key over {@code bytes[from, to)}; the array must not change while the key is in use. */
    static SchemaBytes view(byte[] bytes, int from, int to) {
        int h = 1;
        for (int i = from; i < to; i++) {
            h = 31 * h + bytes[i];
        }
        return new SchemaBytes(bytes, from, to, h);
    }

    /** An equal key that owns exactly its bytes, safe to keep after the record is gone. */
    SchemaBytes compact() {
        if (from == 0 && to == bytes.length) {
            return this;
        }
        return new SchemaBytes(Arrays.copyOfRange(bytes, from, to), 0, to - from, hash);
    }

    int offset() {
        return from;
    }

    int length() {
        return to - from;
    }

    byte[] array() {
        return bytes;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SchemaBytes other)) {
            return false;
        }
        return hash == other.hash && Arrays.equals(bytes, from, to, other.bytes, other.from, other.to);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
