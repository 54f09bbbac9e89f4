package io.aqueduct.connect.json;

import io.aqueduct.connect.data.Schema;
import io.aqueduct.connect.errors.DataException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Names of the JSON schema format shared with Apache Kafka Connect. These strings are the wire format:
 * they must never change.
 */
final class JsonSchemaFields {

    static final String ENVELOPE_SCHEMA = "schema";
    static final String ENVELOPE_PAYLOAD = "payload";

    static final String TYPE = "type";
    static final String OPTIONAL = "optional";
    static final String NAME = "name";
    static final String VERSION = "version";
    static final String DOC = "doc";
    static final String PARAMETERS = "parameters";
    static final String DEFAULT = "default";
    static final String ITEMS = "items";
    static final String KEYS = "keys";
    static final String VALUES = "values";
    static final String FIELDS = "fields";
    static final String FIELD_NAME = "field";

    private JsonSchemaFields() {
    }

    /** The wire name of a schema type; differs from {@link Schema.Type#getName()} only for the floats. */
    static String typeName(Schema.Type type) {
        return switch (type) {
            case FLOAT32 -> "float";
            case FLOAT64 -> "double";
            default -> type.getName();
        };
    }

    /**
     * The schema type of a wire name.
     *
     * @throws DataException if the name is not one of the twelve wire names
     */
    static Schema.Type typeOf(String name) {
        switch (name) {
            case "float":
                return Schema.Type.FLOAT32;
            case "double":
                return Schema.Type.FLOAT64;
            case "float32":
            case "float64":
                break;
            default:
                for (Schema.Type type : Schema.Type.values()) {
                    if (type.getName().equals(name)) {
                        return type;
                    }
                }
        }
        throw new PathedDataException("unknown schema type \"" + name + "\"; expected one of "
            + Arrays.toString(Arrays.stream(Schema.Type.values()).map(JsonSchemaFields::typeName).toArray())
                .toLowerCase(Locale.ROOT));
    }
}
