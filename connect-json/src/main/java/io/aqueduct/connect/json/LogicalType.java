package io.aqueduct.connect.json;

import io.aqueduct.connect.data.Date;
import io.aqueduct.connect.data.Decimal;
import io.aqueduct.connect.data.Schema;
import io.aqueduct.connect.data.Time;
import io.aqueduct.connect.data.Timestamp;

/** The logical types with a JSON form of their own, recognised by schema name and underlying type. */
enum LogicalType {
    DECIMAL, DATE, TIME, TIMESTAMP, NONE;

    static LogicalType of(Schema schema) {
        String name = schema.name();
        if (name == null) {
            return NONE;
        }
        Schema.Type type = schema.type();
        if (type == Schema.Type.BYTES && Decimal.LOGICAL_NAME.equals(name)) {
            return DECIMAL;
        }
        if (type == Schema.Type.INT32 && Date.LOGICAL_NAME.equals(name)) {
            return DATE;
        }
        if (type == Schema.Type.INT32 && Time.LOGICAL_NAME.equals(name)) {
            return TIME;
        }
        if (type == Schema.Type.INT64 && Timestamp.LOGICAL_NAME.equals(name)) {
            return TIMESTAMP;
        }
        return NONE;
    }
}
