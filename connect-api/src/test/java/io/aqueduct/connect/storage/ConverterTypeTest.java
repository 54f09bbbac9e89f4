package io.aqueduct.connect.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ConverterTypeTest {

    @Test
    void namesAreLowerCase() {
        assertEquals("key", ConverterType.KEY.getName());
        assertEquals("value", ConverterType.VALUE.getName());
        assertEquals("header", ConverterType.HEADER.getName());
    }

    @Test
    void withNameFindsEveryTypeByItsName() {
        for (ConverterType type : ConverterType.values()) {
            assertEquals(type, ConverterType.withName(type.getName()));
        }
    }

    @Test
    void withNameIgnoresCase() {
        assertEquals(ConverterType.HEADER, ConverterType.withName("HEADER"));
        assertEquals(ConverterType.VALUE, ConverterType.withName("Value"));
    }

    @Test
    void withNameReturnsNullForUnknownOrNull() {
        assertNull(ConverterType.withName("keys"));
        assertNull(ConverterType.withName(""));
        assertNull(ConverterType.withName(null));
    }
}
