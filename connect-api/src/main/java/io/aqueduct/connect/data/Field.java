package io.aqueduct.connect.data;

import java.util.Objects;

/**
 * One named, positioned field of a {@link Schema.Type#STRUCT} schema. Obtain fields from
 * {@link Schema#fields()} or {@link Schema#field(String)}; {@link SchemaBuilder#field(String, Schema)}
 * creates them. Immutable and thread-safe.
 */
public class Field {

    private final String name;
    private final int index;
    private final Schema schema;

    /**
     * Creates a field. Connector code normally lets {@link SchemaBuilder} create fields.
     *
     * @param name the field name, not null
     * @param index the position of the field in its struct, starting at 0
     * @param schema the schema of the field's values, not null
     * @throws NullPointerException if name or schema is null
     */
    public Field(String name, int index, Schema schema) {
        this.name = Objects.requireNonNull(name, "field name must not be null");
        this.index = index;
        this.schema = Objects.requireNonNull(schema, "schema of field '" + name + "' must not be null");
    }

    /**
     * The name of the field.
     *
     * @return never null
     */
    public String name() {
        return name;
    }

    /**
     * The position of the field within its struct, starting at 0.
     *
     * @return the index
     */
    public int index() {
        return index;
    }

    /**
     * The schema of the field's values.
     *
     * @return never null
     */
    public Schema schema() {
        return schema;
    }

    /**
     * Fields are equal when name, index and schema are equal.
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Field)) {
            return false;
        }
        Field that = (Field) o;
        return index == that.index && name.equals(that.name) && schema.equals(that.schema);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, index, schema);
    }

    @Override
    public String toString() {
        return "Field{name=" + name + ", index=" + index + ", schema=" + schema + "}";
    }
}
