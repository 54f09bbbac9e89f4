package io.aqueduct.connect.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.aqueduct.connect.data.Schema;
import io.aqueduct.connect.data.SchemaBuilder;
import io.aqueduct.connect.data.Struct;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The schema caches: reuse by equality, the size bound, least-recently-used eviction, and turning them off. */
class JsonConverterCacheTest {

    private static final String TOPIC = "t";

    private static Schema named(String name) {
        return SchemaBuilder.struct().name(name).field("f", Schema.INT32_SCHEMA).build();
    }

    private static byte[] record(String schemaName) {
        return ("{\"schema\":{\"type\":\"struct\",\"fields\":[{\"type\":\"int32\",\"optional\":false,\"field\":\"f\"}],"
            + "\"optional\":false,\"name\":\"" + schemaName + "\"},\"payload\":{\"f\":1}}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] write(JsonConverter converter, Schema schema) {
        return converter.fromConnectData(TOPIC, schema, new Struct(schema).put("f", 1));
    }

    @Test
    void writesEachDistinctSchemaOnceAndReusesItForEqualSchemas() {
        JsonConverter converter = JsonConverterGoldenTest.converter(Map.of());
        converter.fromConnectData(TOPIC, Schema.INT32_SCHEMA, 1);
        converter.fromConnectData(TOPIC, SchemaBuilder.int32().build(), 2);
        assertEquals(1, converter.fromConnectSchemaCacheSize());
        converter.fromConnectData(TOPIC, Schema.OPTIONAL_INT32_SCHEMA, 3);
        assertEquals(2, converter.fromConnectSchemaCacheSize());
        converter.fromConnectData(TOPIC, null, 4);
        assertEquals(2, converter.fromConnectSchemaCacheSize());
    }

    @Test
    void readsEachDistinctSchemaOnceAndSharesTheResult() {
        JsonConverter converter = JsonConverterGoldenTest.converter(Map.of());
        Schema first = converter.toConnectData(TOPIC, record("a")).schema();
        Schema second = converter.toConnectData(TOPIC, record("a")).schema();
        assertSame(first, second);
        assertEquals(named("a"), first);
        assertEquals(1, converter.toConnectSchemaCacheSize());
        converter.toConnectData(TOPIC, record("b"));
        assertEquals(2, converter.toConnectSchemaCacheSize());
    }

    @Test
    void boundsBothCachesAndEvictsTheLeastRecentlyUsedSchema() {
        JsonConverter converter = JsonConverterGoldenTest.converter(Map.of("schemas.cache.size", 2));
        Schema a = converter.toConnectData(TOPIC, record("a")).schema();
        Schema b = converter.toConnectData(TOPIC, record("b")).schema();
        converter.toConnectData(TOPIC, record("a"));
        converter.toConnectData(TOPIC, record("c"));
        assertEquals(2, converter.toConnectSchemaCacheSize());
        assertSame(a, converter.toConnectData(TOPIC, record("a")).schema());
        Schema bAgain = converter.toConnectData(TOPIC, record("b")).schema();
        assertNotSame(b, bAgain);
        assertEquals(b, bAgain);

        for (String name : new String[] {"a", "b", "c", "d"}) {
            write(converter, named(name));
        }
        assertEquals(2, converter.fromConnectSchemaCacheSize());
    }

    @Test
    void convertsWithoutCachingWhenTheSizeIsZero() {
        JsonConverter converter = JsonConverterGoldenTest.converter(Map.of("schemas.cache.size", 0));
        byte[] written = write(converter, named("a"));
        Schema first = converter.toConnectData(TOPIC, record("a")).schema();
        Schema second = converter.toConnectData(TOPIC, record("a")).schema();
        assertNotSame(first, second);
        assertEquals(first, second);
        assertEquals(0, converter.fromConnectSchemaCacheSize());
        assertEquals(0, converter.toConnectSchemaCacheSize());
        assertEquals("{\"schema\":{\"type\":\"struct\",\"fields\":[{\"type\":\"int32\",\"optional\":false,\"field\":\"f\"}],"
            + "\"optional\":false,\"name\":\"a\"},\"payload\":{\"f\":1}}", new String(written, StandardCharsets.UTF_8));
    }
}
