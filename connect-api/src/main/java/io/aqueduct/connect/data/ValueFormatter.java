package io.aqueduct.connect.data;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Renders values as the text that {@link ValueParser} reads back: numbers and booleans as Java prints
 * them, temporal logical types in ISO 8601 UTC, bytes in Base64, arrays as {@code [a,b]}, maps and structs
 * as {@code {k:v}}. Strings are bare at the top level and quoted (with {@code \"} and {@code \\} escapes)
 * inside arrays, maps and structs.
 */
final class ValueFormatter {

    private ValueFormatter() {
    }

    static String format(Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String) {
            return (String) value;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        StringBuilder sb = new StringBuilder();
        append(sb, schema, value, false);
        return sb.toString();
    }

    private static void append(StringBuilder sb, Schema schema, Object value, boolean embedded) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof Number || value instanceof Boolean) {
            sb.append(value);
        } else if (value instanceof String) {
            appendString(sb, (String) value, embedded);
        } else if (value instanceof java.util.Date) {
            sb.append(formatTemporal(schema, (java.util.Date) value));
        } else if (value instanceof byte[]) {
            appendString(sb, Base64.getEncoder().encodeToString((byte[]) value), embedded);
        } else if (value instanceof ByteBuffer) {
            ByteBuffer buffer = ((ByteBuffer) value).duplicate();
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            appendString(sb, Base64.getEncoder().encodeToString(bytes), embedded);
        } else if (value instanceof List) {
            appendList(sb, schema, (List<?>) value);
        } else if (value instanceof Map) {
            appendMap(sb, schema, (Map<?, ?>) value);
        } else if (value instanceof Struct) {
            appendStruct(sb, (Struct) value);
        } else {
            appendString(sb, value.toString(), embedded);
        }
    }

    private static String formatTemporal(Schema schema, java.util.Date value) {
        String name = schema == null ? null : schema.name();
        if (Date.LOGICAL_NAME.equals(name)) {
            return IsoTemporal.formatDate(value);
        }
        if (Time.LOGICAL_NAME.equals(name)) {
            return IsoTemporal.formatTime(value);
        }
        return IsoTemporal.formatTimestamp(value);
    }

    private static void appendList(StringBuilder sb, Schema schema, List<?> list) {
        Schema elementSchema = schema != null && schema.type() == Schema.Type.ARRAY ? schema.valueSchema() : null;
        sb.append('[');
        Iterator<?> it = list.iterator();
        while (it.hasNext()) {
            append(sb, elementSchema, it.next(), true);
            if (it.hasNext()) {
                sb.append(',');
            }
        }
        sb.append(']');
    }

    private static void appendMap(StringBuilder sb, Schema schema, Map<?, ?> map) {
        boolean isMapSchema = schema != null && schema.type() == Schema.Type.MAP;
        Schema keySchema = isMapSchema ? schema.keySchema() : null;
        Schema valueSchema = isMapSchema ? schema.valueSchema() : null;
        sb.append('{');
        Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<?, ?> entry = it.next();
            append(sb, keySchema, entry.getKey(), true);
            sb.append(':');
            append(sb, valueSchema, entry.getValue(), true);
            if (it.hasNext()) {
                sb.append(',');
            }
        }
        sb.append('}');
    }

    private static void appendStruct(StringBuilder sb, Struct struct) {
        sb.append('{');
        boolean first = true;
        for (Field field : struct.schema().fields()) {
            if (!first) {
                sb.append(',');
            }
            appendString(sb, field.name(), true);
            sb.append(':');
            append(sb, field.schema(), struct.get(field), true);
            first = false;
        }
        sb.append('}');
    }

    private static void appendString(StringBuilder sb, String value, boolean embedded) {
        if (!embedded) {
            sb.append(value);
            return;
        }
        sb.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        sb.append('"');
    }
}
