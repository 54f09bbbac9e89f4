package io.aqueduct.connect.data;

import io.aqueduct.connect.errors.SchemaProjectorException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Projects a value written with one schema onto another, compatible schema: the tool for schema
 * evolution in sink connectors that write many versions of a schema into one table or file.
 *
 * <p>Compatible means: the same type, or a numeric widening along
 * INT8 &rarr; INT16 &rarr; INT32 &rarr; INT64 &rarr; FLOAT32 &rarr; FLOAT64; the same name and parameters
 * (versions may differ, that is what evolution is about); an optional source only for an optional target
 * or one with a default. Struct fields are matched by name: target fields missing from the source take the
 * target's default (or null if optional), source fields missing from the target are dropped. Arrays and maps
 * are projected element by element.
 *
 * <p>Stateless and thread-safe.
 */
public final class SchemaProjector {

    private SchemaProjector() {
    }

    /**
     * Projects a value onto a target schema.
     *
     * @param source the schema the value was written with, not null
     * @param record the value, valid for the source schema, possibly null
     * @param target the schema to project onto, not null
     * @return the value as an instance of the target schema (a new {@link Struct} for structs, a new list or
     *     map for arrays and maps, a widened number for promotions)
     * @throws SchemaProjectorException if the schemas are incompatible or a required value is missing;
     *     the message names the field path
     */
    public static Object project(Schema source, Object record, Schema target) {
        Objects.requireNonNull(source, "source schema must not be null");
        Objects.requireNonNull(target, "target schema must not be null");
        return project(source, record, target, null);
    }

    private static Object project(Schema source, Object record, Schema target, String path) {
        checkCompatible(source, target, path);
        if (source.isOptional() && !target.isOptional() && target.defaultValue() == null) {
            throw failure(path, "the source schema is optional but the target schema is required and has no default; "
                    + "make the target optional or give it a default");
        }
        if (record == null) {
            if (target.defaultValue() != null) {
                return target.defaultValue();
            }
            if (target.isOptional()) {
                return null;
            }
            throw failure(path, "the value is null but the target schema is required and has no default");
        }
        switch (target.type()) {
            case STRUCT:
                return projectStruct(source, (Struct) record, target, path);
            case ARRAY:
                return projectArray(source, (List<?>) record, target, path);
            case MAP:
                return projectMap(source, (Map<?, ?>) record, target, path);
            default:
                return projectPrimitive(source, record, target, path);
        }
    }

    private static void checkCompatible(Schema source, Schema target, String path) {
        if (source.type() != target.type() && !isPromotable(source.type(), target.type())) {
            throw failure(path, "cannot project type " + source.type() + " onto type " + target.type()
                    + "; only numeric widening (INT8 -> INT16 -> INT32 -> INT64 -> FLOAT32 -> FLOAT64) is allowed");
        }
        if (!Objects.equals(source.name(), target.name())) {
            throw failure(path, "schema names differ: source '" + source.name() + "', target '" + target.name() + "'");
        }
        if (!Objects.equals(source.parameters(), target.parameters())) {
            throw failure(path, "schema parameters differ: source " + source.parameters() + ", target "
                    + target.parameters());
        }
    }

    private static Struct projectStruct(Schema source, Struct sourceStruct, Schema target, String path) {
        Struct projected = new Struct(target);
        for (Field targetField : target.fields()) {
            String fieldPath = path == null ? targetField.name() : path + "." + targetField.name();
            Field sourceField = source.field(targetField.name());
            Object value;
            if (sourceField != null) {
                value = project(sourceField.schema(), sourceStruct.get(sourceField), targetField.schema(), fieldPath);
            } else if (targetField.schema().defaultValue() != null) {
                value = targetField.schema().defaultValue();
            } else if (targetField.schema().isOptional()) {
                value = null;
            } else {
                throw failure(fieldPath, "the required target field is missing from the source schema " + source
                        + " and has no default; give it a default or make it optional");
            }
            projected.put(targetField, value);
        }
        return projected;
    }

    private static List<Object> projectArray(Schema source, List<?> list, Schema target, String path) {
        List<Object> projected = new ArrayList<>(list.size());
        int i = 0;
        for (Object element : list) {
            projected.add(project(source.valueSchema(), element, target.valueSchema(), elementPath(path, i++)));
        }
        return projected;
    }

    private static Map<Object, Object> projectMap(Schema source, Map<?, ?> map, Schema target, String path) {
        Map<Object, Object> projected = new LinkedHashMap<>(map.size() * 2);
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String entryPath = elementPath(path, entry.getKey());
            Object key = project(source.keySchema(), entry.getKey(), target.keySchema(), entryPath);
            Object value = project(source.valueSchema(), entry.getValue(), target.valueSchema(), entryPath);
            projected.put(key, value);
        }
        return projected;
    }

    private static Object projectPrimitive(Schema source, Object record, Schema target, String path) {
        if (source.type() == target.type()) {
            return record;
        }
        if (!(record instanceof Number)) {
            throw failure(path, "expected a number to widen from " + source.type() + " to " + target.type()
                    + " but got " + ValueText.brief(record));
        }
        Number number = (Number) record;
        switch (target.type()) {
            case INT16:
                return number.shortValue();
            case INT32:
                return number.intValue();
            case INT64:
                return number.longValue();
            case FLOAT32:
                return number.floatValue();
            case FLOAT64:
                return number.doubleValue();
            default:
                throw failure(path, "cannot widen " + source.type() + " to " + target.type());
        }
    }

    private static boolean isPromotable(Schema.Type source, Schema.Type target) {
        int from = numericRank(source);
        int to = numericRank(target);
        return from >= 0 && to >= 0 && from < to;
    }

    private static int numericRank(Schema.Type type) {
        switch (type) {
            case INT8: return 0;
            case INT16: return 1;
            case INT32: return 2;
            case INT64: return 3;
            case FLOAT32: return 4;
            case FLOAT64: return 5;
            default: return -1;
        }
    }

    private static String elementPath(String path, Object key) {
        return (path == null ? "" : path) + "[" + key + "]";
    }

    private static SchemaProjectorException failure(String path, String reason) {
        return new SchemaProjectorException("Cannot project " + (path == null ? "value" : "field \"" + path + "\"")
                + ": " + reason);
    }
}
