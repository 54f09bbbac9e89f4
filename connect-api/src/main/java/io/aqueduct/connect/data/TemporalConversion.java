package io.aqueduct.connect.data;

/** The temporal part of {@link Values}: conversions between the Date, Time and Timestamp types and numbers. */
final class TemporalConversion {

    private TemporalConversion() {
    }

    /** The number a date stands for under its schema: days for Date, ms of day for Time, else epoch ms. */
    static Number toCount(Schema schema, java.util.Date value) {
        String name = schema == null ? null : schema.name();
        if (Date.LOGICAL_NAME.equals(name)) {
            return Date.fromLogical(schema, value);
        }
        if (Time.LOGICAL_NAME.equals(name)) {
            return Time.fromLogical(schema, value);
        }
        return value.getTime();
    }

    static java.util.Date toDate(Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        SchemaAndValue typed = typed(schema, value);
        Object v = typed.value();
        if (v instanceof java.util.Date) {
            String name = typed.schema() == null ? null : typed.schema().name();
            if (Time.LOGICAL_NAME.equals(name)) {
                throw Values.cannotConvert(value, schema, "Date: a Time has no date");
            }
            long day = Math.floorDiv(((java.util.Date) v).getTime(), Date.MILLIS_PER_DAY);
            return new java.util.Date(day * Date.MILLIS_PER_DAY);
        }
        long days = Values.convertToLong(null, Values.toNumber(typed.schema(), v, Schema.Type.INT32));
        return Date.toLogical(Date.SCHEMA, Math.toIntExact(days));
    }

    static java.util.Date toTime(Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        SchemaAndValue typed = typed(schema, value);
        Object v = typed.value();
        if (v instanceof java.util.Date) {
            String name = typed.schema() == null ? null : typed.schema().name();
            if (Date.LOGICAL_NAME.equals(name)) {
                throw Values.cannotConvert(value, schema, "Time: a Date has no time of day");
            }
            return new java.util.Date(Math.floorMod(((java.util.Date) v).getTime(), Date.MILLIS_PER_DAY));
        }
        int millis = Values.convertToInteger(null, Values.toNumber(typed.schema(), v, Schema.Type.INT32));
        return Time.toLogical(Time.SCHEMA, millis);
    }

    static java.util.Date toTimestamp(Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        SchemaAndValue typed = typed(schema, value);
        Object v = typed.value();
        if (v instanceof java.util.Date) {
            return (java.util.Date) v;
        }
        return new java.util.Date(Values.convertToLong(null, Values.toNumber(typed.schema(), v, Schema.Type.INT64)));
    }

    /** Strings parsed into their typed value; everything else as given. */
    private static SchemaAndValue typed(Schema schema, Object value) {
        if (value instanceof String) {
            return ValueParser.parse(((String) value).trim());
        }
        return new SchemaAndValue(schema, value);
    }
}
