package io.aqueduct.connect.data;

import io.aqueduct.connect.errors.DataException;
import io.aqueduct.connect.errors.SchemaBuilderException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaBuilderTest {

    @Test
    void factoriesCreateEachType() {
        assertEquals(Schema.Type.INT8, SchemaBuilder.int8().build().type());
        assertEquals(Schema.Type.INT16, SchemaBuilder.int16().build().type());
        assertEquals(Schema.Type.INT32, SchemaBuilder.int32().build().type());
        assertEquals(Schema.Type.INT64, SchemaBuilder.int64().build().type());
        assertEquals(Schema.Type.FLOAT32, SchemaBuilder.float32().build().type());
        assertEquals(Schema.Type.FLOAT64, SchemaBuilder.float64().build().type());
        assertEquals(Schema.Type.BOOLEAN, SchemaBuilder.bool().build().type());
        assertEquals(Schema.Type.STRING, SchemaBuilder.string().build().type());
        assertEquals(Schema.Type.BYTES, SchemaBuilder.bytes().build().type());
        assertEquals(Schema.Type.STRUCT, SchemaBuilder.struct().build().type());
        assertEquals(Schema.Type.MAP, SchemaBuilder.type(Schema.Type.MAP).type());
        Schema array = SchemaBuilder.array(Schema.STRING_SCHEMA).build();
        assertEquals(Schema.Type.ARRAY, array.type());
        assertEquals(Schema.STRING_SCHEMA, array.valueSchema());
        Schema map = SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT64_SCHEMA).build();
        assertEquals(Schema.STRING_SCHEMA, map.keySchema());
        assertEquals(Schema.INT64_SCHEMA, map.valueSchema());
    }

    @Test
    void primitiveBuildsEqualTheConstants() {
        assertEquals(Schema.INT32_SCHEMA, SchemaBuilder.int32().build());
        assertEquals(Schema.OPTIONAL_STRING_SCHEMA, SchemaBuilder.string().optional().build());
        assertEquals(Schema.BOOLEAN_SCHEMA, SchemaBuilder.bool().required().build());
    }

    @Test
    void buildsEveryProperty() {
        Schema schema = SchemaBuilder.int64().name("com.example.Id").version(3).doc("an id")
                .parameter("a", "1").parameters(Map.of("b", "2")).optional().defaultValue(7L).build();
        assertEquals("com.example.Id", schema.name());
        assertEquals(3, schema.version());
        assertEquals("an id", schema.doc());
        assertEquals(Map.of("a", "1", "b", "2"), schema.parameters());
        assertTrue(schema.isOptional());
        assertEquals(7L, schema.defaultValue());
        assertNull(SchemaBuilder.int64().build().parameters());
    }

    @Test
    void structFieldsGetTheirPositionAsIndex() {
        Schema schema = SchemaBuilder.struct().field("a", Schema.INT8_SCHEMA).field("b", Schema.STRING_SCHEMA).build();
        List<Field> fields = schema.fields();
        assertEquals(2, fields.size());
        assertEquals(new Field("a", 0, Schema.INT8_SCHEMA), fields.get(0));
        assertEquals(new Field("b", 1, Schema.STRING_SCHEMA), fields.get(1));
        assertSame(fields.get(1), schema.field("b"));
    }

    @Test
    void builtSchemaDoesNotChangeWithTheBuilder() {
        SchemaBuilder builder = SchemaBuilder.struct().field("a", Schema.INT8_SCHEMA).parameter("k", "v");
        Schema built = builder.build();
        builder.field("b", Schema.INT8_SCHEMA).parameter("k2", "v2");
        assertEquals(1, built.fields().size());
        assertEquals(Map.of("k", "v"), built.parameters());
        assertEquals(2, builder.build().fields().size());
        assertThrows(UnsupportedOperationException.class, () -> builder.fields().clear());
        assertThrows(UnsupportedOperationException.class, () -> builder.parameters().clear());
    }

    @Test
    void schemaBuildsAnImmutableCopy() {
        SchemaBuilder builder = SchemaBuilder.int8();
        Schema schema = builder.schema();
        assertTrue(schema instanceof ConnectSchema);
        assertNotSame(builder, schema);
    }

    @Test
    void settingTheSameValueTwiceIsAccepted() {
        Schema schema = SchemaBuilder.int32().name("n").name("n").version(1).version(1).doc("d").doc("d")
                .optional().optional().defaultValue(1).defaultValue(1).build();
        assertEquals("n", schema.name());
        assertTrue(schema.isOptional());
    }

    @Test
    void refusesADifferentName() {
        assertRefused(() -> SchemaBuilder.int32().name("a").name("b"), "name", "a", "b");
    }

    @Test
    void refusesADifferentVersion() {
        assertRefused(() -> SchemaBuilder.int32().version(1).version(2), "version", "1", "2");
    }

    @Test
    void refusesADifferentDoc() {
        assertRefused(() -> SchemaBuilder.int32().doc("x").doc("y"), "doc", "x", "y");
    }

    @Test
    void refusesOptionalAfterRequired() {
        assertRefused(() -> SchemaBuilder.int32().required().optional(), "optional", "true", "false");
    }

    @Test
    void refusesRequiredAfterOptional() {
        assertRefused(() -> SchemaBuilder.int32().optional().required(), "optional", "false", "true");
    }

    @Test
    void refusesADifferentDefault() {
        assertRefused(() -> SchemaBuilder.int32().defaultValue(1).defaultValue(2), "defaultValue", "1", "2");
    }

    @Test
    void refusesADefaultOfTheWrongType() {
        assertRefused(() -> SchemaBuilder.int32().defaultValue("one"), "defaultValue", "one", "java.lang.Integer");
        assertRefused(() -> SchemaBuilder.array(Schema.INT32_SCHEMA).defaultValue(List.of("x")),
                "defaultValue", "x");
    }

    @Test
    void refusesANullDefaultForARequiredSchema() {
        assertRefused(() -> SchemaBuilder.int32().defaultValue(null), "defaultValue", "null");
        assertNull(SchemaBuilder.int32().optional().defaultValue(null).build().defaultValue());
    }

    @Test
    void refusesAFieldAddedTwice() {
        assertRefused(() -> SchemaBuilder.struct().field("a", Schema.INT8_SCHEMA).field("a", Schema.INT16_SCHEMA),
                "field", "'a'", "twice");
    }

    @Test
    void refusesAFieldOnANonStruct() {
        assertRefused(() -> SchemaBuilder.int32().field("a", Schema.INT8_SCHEMA), "field", "'a'", "INT32");
    }

    @Test
    void refusesFieldsWithoutNameOrSchema() {
        assertRefused(() -> SchemaBuilder.struct().field(null, Schema.INT8_SCHEMA), "field", "null");
        assertRefused(() -> SchemaBuilder.struct().field("", Schema.INT8_SCHEMA), "field", "empty");
        assertRefused(() -> SchemaBuilder.struct().field("a", null), "field", "'a'", "fieldSchema");
    }

    @Test
    void refusesContainersWithoutElementSchemas() {
        assertRefused(() -> SchemaBuilder.array(null), "valueSchema");
        assertRefused(() -> SchemaBuilder.map(null, Schema.INT8_SCHEMA), "keySchema");
        assertRefused(() -> SchemaBuilder.map(Schema.INT8_SCHEMA, null), "valueSchema");
    }

    @Test
    void refusesNullParameters() {
        assertRefused(() -> SchemaBuilder.int8().parameter("k", null), "parameter", "k");
        assertRefused(() -> SchemaBuilder.int8().parameter(null, "v"), "parameter", "v");
    }

    @Test
    void laterParameterValueReplacesEarlierOne() {
        assertEquals(Map.of("k", "2"), SchemaBuilder.int8().parameter("k", "1").parameter("k", "2").build().parameters());
    }

    @Test
    void builderListsFieldsOnlyForStructs() {
        assertThrows(DataException.class, () -> SchemaBuilder.int8().fields());
        assertThrows(DataException.class, () -> SchemaBuilder.int8().field("a"));
        assertNull(SchemaBuilder.int8().keySchema());
        assertNull(SchemaBuilder.int8().valueSchema());
        assertFalse(SchemaBuilder.int8().isOptional());
    }

    @Test
    void structDefaultMustUseTheBuilderItself() {
        SchemaBuilder builder = SchemaBuilder.struct().field("a", Schema.INT8_SCHEMA);
        Struct dflt = new Struct(builder).put("a", (byte) 1);
        Schema schema = builder.defaultValue(dflt).build();
        assertEquals(dflt, schema.defaultValue());
        Struct other = new Struct(SchemaBuilder.struct().field("a", Schema.INT8_SCHEMA).build()).put("a", (byte) 1);
        assertRefused(() -> SchemaBuilder.struct().field("a", Schema.INT8_SCHEMA).defaultValue(other), "defaultValue");
    }

    private static void assertRefused(Executable call, String... fragments) {
        SchemaBuilderException e = assertThrows(SchemaBuilderException.class, call);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "'" + fragment + "' missing from: " + e.getMessage());
        }
    }
}
