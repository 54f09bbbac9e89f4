package io.aqueduct.connect.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aqueduct.connect.data.Schema;
import io.aqueduct.connect.data.SchemaAndValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class StringConverterTest {

    private static final String TOPIC = "topic";
    private static final String TEXT = "Grüße, 世界";

    private static StringConverter valueConverter(Map<String, ?> configs) {
        StringConverter converter = new StringConverter();
        converter.configure(configs, false);
        return converter;
    }

    @Test
    void writesUtf8ByDefault() {
        StringConverter converter = valueConverter(Map.of());

        assertArrayEquals(TEXT.getBytes(StandardCharsets.UTF_8),
            converter.fromConnectData(TOPIC, Schema.STRING_SCHEMA, TEXT));
    }

    @Test
    void unconfiguredInstanceUsesUtf8() {
        StringConverter converter = new StringConverter();

        assertArrayEquals(TEXT.getBytes(StandardCharsets.UTF_8), converter.fromConnectData(TOPIC, null, TEXT));
        assertEquals(TEXT, converter.toConnectData(TOPIC, TEXT.getBytes(StandardCharsets.UTF_8)).value());
    }

    @Test
    void readsAsOptionalString() {
        SchemaAndValue data = valueConverter(Map.of()).toConnectData(TOPIC, TEXT.getBytes(StandardCharsets.UTF_8));

        assertEquals(Schema.OPTIONAL_STRING_SCHEMA, data.schema());
        assertEquals(TEXT, data.value());
    }

    @Test
    void nullStaysNullInBothDirections() {
        StringConverter converter = valueConverter(Map.of());

        assertNull(converter.fromConnectData(TOPIC, Schema.OPTIONAL_STRING_SCHEMA, null));
        SchemaAndValue data = converter.toConnectData(TOPIC, null);
        assertEquals(Schema.OPTIONAL_STRING_SCHEMA, data.schema());
        assertNull(data.value());
    }

    @Test
    void nonStringValuesAreWrittenWithToStringIgnoringTheSchema() {
        StringConverter converter = valueConverter(Map.of());

        assertArrayEquals("42".getBytes(StandardCharsets.UTF_8),
            converter.fromConnectData(TOPIC, Schema.INT32_SCHEMA, 42));
        assertArrayEquals("[a, b]".getBytes(StandardCharsets.UTF_8),
            converter.fromConnectData(TOPIC, null, List.of("a", "b")));
    }

    @Test
    void converterEncodingAppliesToBothDirections() {
        StringConverter converter = valueConverter(Map.of(StringConverterConfig.ENCODING_CONFIG, "UTF-16"));
        byte[] utf16 = TEXT.getBytes(StandardCharsets.UTF_16);

        assertArrayEquals(utf16, converter.fromConnectData(TOPIC, null, TEXT));
        assertEquals(TEXT, converter.toConnectData(TOPIC, utf16).value());
    }

    @Test
    void keySpecificEncodingOverridesConverterEncodingOnlyForKeys() {
        Map<String, String> configs = Map.of(
            StringConverterConfig.ENCODING_CONFIG, "UTF-8",
            "key.serializer.encoding", "UTF-16",
            "key.deserializer.encoding", "UTF-16BE");
        StringConverter keys = new StringConverter();
        keys.configure(configs, true);
        StringConverter values = valueConverter(configs);

        assertArrayEquals("k".getBytes(StandardCharsets.UTF_16), keys.fromConnectData(TOPIC, null, "k"));
        assertEquals("k", keys.toConnectData(TOPIC, "k".getBytes(StandardCharsets.UTF_16BE)).value());
        assertArrayEquals("k".getBytes(StandardCharsets.UTF_8), values.fromConnectData(TOPIC, null, "k"));
    }

    @Test
    void valueSpecificEncodingOverridesPerDirection() {
        StringConverter converter = valueConverter(Map.of(
            "value.serializer.encoding", "ISO-8859-1",
            "value.deserializer.encoding", "UTF-16LE"));

        assertArrayEquals("é".getBytes(StandardCharsets.ISO_8859_1), converter.fromConnectData(TOPIC, null, "é"));
        assertEquals("é", converter.toConnectData(TOPIC, "é".getBytes(StandardCharsets.UTF_16LE)).value());
    }

    @Test
    void unknownEncodingIsRejectedNamingKeyAndValue() {
        ConfigException e = assertThrows(ConfigException.class,
            () -> valueConverter(Map.of(StringConverterConfig.ENCODING_CONFIG, "no-such-charset")));

        assertTrue(e.getMessage().contains(StringConverterConfig.ENCODING_CONFIG), e.getMessage());
        assertTrue(e.getMessage().contains("no-such-charset"), e.getMessage());
    }

    @Test
    void unknownOverrideEncodingIsRejectedNamingTheOverrideKey() {
        ConfigException e = assertThrows(ConfigException.class,
            () -> valueConverter(Map.of("value.serializer.encoding", "bogus")));

        assertTrue(e.getMessage().contains("value.serializer.encoding"), e.getMessage());
        assertTrue(e.getMessage().contains("bogus"), e.getMessage());
    }

    @Test
    void worksAsAHeaderConverter() {
        HeaderConverter converter = new StringConverter();
        converter.configure(Map.of(ConverterConfig.TYPE_CONFIG, "header",
            StringConverterConfig.ENCODING_CONFIG, "UTF-16"));

        byte[] bytes = converter.fromConnectHeader(TOPIC, "trace-id", Schema.INT64_SCHEMA, 77L);
        SchemaAndValue back = converter.toConnectHeader(TOPIC, "trace-id", bytes);

        assertArrayEquals("77".getBytes(StandardCharsets.UTF_16), bytes);
        assertEquals(new SchemaAndValue(Schema.OPTIONAL_STRING_SCHEMA, "77"), back);
        assertNull(converter.fromConnectHeader(TOPIC, "trace-id", null, null));
        assertNull(converter.toConnectHeader(TOPIC, "trace-id", null).value());
    }

    @Test
    void headerConfigurationRequiresTheConverterType() {
        ConfigException e = assertThrows(ConfigException.class, () -> new StringConverter().configure(Map.of()));

        assertTrue(e.getMessage().contains(ConverterConfig.TYPE_CONFIG), e.getMessage());
    }

    @Test
    void configDescribesEncodingAndType() {
        ConfigDef definition = new StringConverter().config();

        assertTrue(definition.names().contains(StringConverterConfig.ENCODING_CONFIG));
        assertTrue(definition.names().contains(ConverterConfig.TYPE_CONFIG));
        assertEquals("UTF-8", definition.defaultValues().get(StringConverterConfig.ENCODING_CONFIG));
    }

    @Test
    void configReportsTheType() {
        StringConverterConfig config = new StringConverterConfig(Map.of(ConverterConfig.TYPE_CONFIG, "key"));

        assertEquals(ConverterType.KEY, config.type());
        assertEquals(StringConverterConfig.ENCODING_DEFAULT, config.encoding());
    }

    @Test
    void invalidConverterTypeIsRejected() {
        ConfigException e = assertThrows(ConfigException.class,
            () -> new StringConverterConfig(Map.of(ConverterConfig.TYPE_CONFIG, "body")));

        assertTrue(e.getMessage().contains("body"), e.getMessage());
    }
}
