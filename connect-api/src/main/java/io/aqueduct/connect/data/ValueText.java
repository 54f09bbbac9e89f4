package io.aqueduct.connect.data;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/** Equality, hashing and rendering of values that may be byte arrays, for toString and messages. */
final class ValueText {

    private static final int BRIEF_LIMIT = 100;

    private ValueText() {
    }

    static int deepHashCode(Object value) {
        if (value instanceof byte[]) {
            return Arrays.hashCode((byte[]) value);
        }
        return Objects.hashCode(value);
    }

    /** Renders a value for toString: byte arrays by content, everything else with its own toString. */
    static String describe(Object value) {
        if (value instanceof byte[]) {
            return Arrays.toString((byte[]) value);
        }
        return String.valueOf(value);
    }

    /** Renders a value for an error message: its class and a shortened text. */
    static String brief(Object value) {
        if (value == null) {
            return "null";
        }
        String text;
        if (value instanceof ByteBuffer) {
            text = "ByteBuffer[" + ((ByteBuffer) value).remaining() + " bytes]";
        } else {
            text = describe(value);
        }
        if (text.length() > BRIEF_LIMIT) {
            text = text.substring(0, BRIEF_LIMIT) + "...";
        }
        return value.getClass().getName() + " " + text;
    }
}
