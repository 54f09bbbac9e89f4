package io.aqueduct.connect.converters;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aqueduct.connect.data.Schema;
import io.aqueduct.connect.data.SchemaAndValue;
import io.aqueduct.connect.errors.DataException;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.DoubleDeserializer;
import org.apache.kafka.common.serialization.FloatDeserializer;
import org.apache.kafka.common.serialization.IntegerDeserializer;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.ShortDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NumberConverterTest {

    /** Each converter, its schema, a sample value with its Kafka byte form, and a value of the wrong class. */
    static Stream<Arguments> converters() {
        return Stream.of(
            Arguments.of(named("ShortConverter", ShortConverter::new), Schema.OPTIONAL_INT16_SCHEMA, (short) -2,
                new byte[] {(byte) 0xff, (byte) 0xfe}, new ShortDeserializer(), 1),
            Arguments.of(named("IntegerConverter", IntegerConverter::new), Schema.OPTIONAL_INT32_SCHEMA, 258,
                new byte[] {0, 0, 1, 2}, new IntegerDeserializer(), 1L),
            Arguments.of(named("LongConverter", LongConverter::new), Schema.OPTIONAL_INT64_SCHEMA, Long.MIN_VALUE,
                new byte[] {(byte) 0x80, 0, 0, 0, 0, 0, 0, 0}, new LongDeserializer(), 1),
            Arguments.of(named("FloatConverter", FloatConverter::new), Schema.OPTIONAL_FLOAT32_SCHEMA, 1.5f,
                new byte[] {0x3f, (byte) 0xc0, 0, 0}, new FloatDeserializer(), 1.5d),
            Arguments.of(named("DoubleConverter", DoubleConverter::new), Schema.OPTIONAL_FLOAT64_SCHEMA, -0.5d,
                new byte[] {(byte) 0xbf, (byte) 0xe0, 0, 0, 0, 0, 0, 0}, new DoubleDeserializer(), 1.5f)
        );
    }

    private static Supplier<NumberConverter<?>> named(String name, Supplier<NumberConverter<?>> supplier) {
        return new Supplier<>() {
            @Override
            public NumberConverter<?> get() {
                return supplier.get();
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("converters")
    void writesKafkasFormatAndReadsItBackWithTheOptionalSchema(Supplier<NumberConverter<?>> factory, Schema schema,
                                                             Object value, byte[] bytes, Deserializer<?> kafka,
                                                             Object wrongClass) {
        NumberConverter<?> converter = factory.get();
        converter.configure(Map.of(), false);
        byte[] written = converter.fromConnectData("t", schema, value);
        assertArrayEquals(bytes, written);
        assertEquals(value, kafka.deserialize("t", written));
        assertEquals(new SchemaAndValue(schema, value), converter.toConnectData("t", written));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("converters")
    void keepsNullsNull(Supplier<NumberConverter<?>> factory, Schema schema, Object value, byte[] bytes,
                        Deserializer<?> kafka, Object wrongClass) {
        NumberConverter<?> converter = factory.get();
        converter.configure(Map.of(), true);
        assertNull(converter.fromConnectData("t", schema, null));
        assertEquals(new SchemaAndValue(schema, null), converter.toConnectData("t", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("converters")
    void worksAsHeaderConverter(Supplier<NumberConverter<?>> factory, Schema schema, Object value, byte[] bytes,
                                Deserializer<?> kafka, Object wrongClass) {
        NumberConverter<?> converter = factory.get();
        converter.configure(Map.of("converter.type", "header"));
        assertArrayEquals(bytes, converter.fromConnectHeader("t", "h", schema, value));
        assertEquals(new SchemaAndValue(schema, value), converter.toConnectHeader("t", "h", bytes));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("converters")
    void rejectsValuesOfAnotherClassNamingTopicAndClass(Supplier<NumberConverter<?>> factory, Schema schema,
                                                        Object value, byte[] bytes, Deserializer<?> kafka,
                                                        Object wrongClass) {
        NumberConverter<?> converter = factory.get();
        converter.configure(Map.of(), false);
        DataException e = assertThrows(DataException.class, () -> converter.fromConnectData("metrics", schema, wrongClass));
        assertTrue(e.getMessage().contains("topic 'metrics'"), e.getMessage());
        assertTrue(e.getMessage().contains(wrongClass.getClass().getName()), e.getMessage());
        DataException header = assertThrows(DataException.class,
            () -> converter.fromConnectHeader("metrics", "n", schema, "text"));
        assertTrue(header.getMessage().contains("header 'n'"), header.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("converters")
    void rejectsBytesOfTheWrongSizeNamingTheTopic(Supplier<NumberConverter<?>> factory, Schema schema, Object value,
                                                  byte[] bytes, Deserializer<?> kafka, Object wrongClass) {
        NumberConverter<?> converter = factory.get();
        converter.configure(Map.of(), false);
        DataException e = assertThrows(DataException.class,
            () -> converter.toConnectData("metrics", new byte[bytes.length + 1]));
        assertTrue(e.getMessage().contains("the value of a record for topic 'metrics'"), e.getMessage());
        assertTrue(e.getMessage().contains(factory.toString()), e.getMessage());
    }

    @Test
    void needsTheConverterTypeWhenConfiguredAsHeaderConverter() {
        ConfigException e = assertThrows(ConfigException.class, () -> new IntegerConverter().configure(Map.of()));
        assertTrue(e.getMessage().contains("converter.type"), e.getMessage());
        assertTrue(new IntegerConverter().config().names().contains("converter.type"));
    }
}
