package io.aqueduct.connect.data;

import io.aqueduct.connect.errors.DataException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogicalTypesTest {

    @Test
    void logicalNamesAreTheWireIdentifiers() {
        assertEquals("org.apache.kafka.connect.data.Decimal", Decimal.LOGICAL_NAME);
        assertEquals("org.apache.kafka.connect.data.Date", Date.LOGICAL_NAME);
        assertEquals("org.apache.kafka.connect.data.Time", Time.LOGICAL_NAME);
        assertEquals("org.apache.kafka.connect.data.Timestamp", Timestamp.LOGICAL_NAME);
        assertEquals("scale", Decimal.SCALE_FIELD);
    }

    @Test
    void schemasHaveTypeNameAndVersionOne() {
        Schema decimal = Decimal.schema(2);
        assertEquals(Schema.Type.BYTES, decimal.type());
        assertEquals(Decimal.LOGICAL_NAME, decimal.name());
        assertEquals(1, decimal.version());
        assertEquals(Map.of("scale", "2"), decimal.parameters());
        assertEquals(Schema.Type.INT32, Date.SCHEMA.type());
        assertEquals(1, Date.SCHEMA.version());
        assertEquals(Schema.Type.INT32, Time.SCHEMA.type());
        assertEquals(1, Time.SCHEMA.version());
        assertEquals(Schema.Type.INT64, Timestamp.SCHEMA.type());
        assertEquals(1, Timestamp.SCHEMA.version());
        assertTrue(Date.builder().optional().build().isOptional());
        assertEquals(Time.SCHEMA, Time.builder().build());
        assertEquals(Timestamp.SCHEMA, Timestamp.builder().build());
    }

    @Test
    void decimalEncodesUnscaledTwosComplementBigEndian() {
        Schema schema = Decimal.schema(2);
        byte[] encoded = Decimal.fromLogical(schema, new BigDecimal("12.34"));
        assertEquals("BNI=", Base64.getEncoder().encodeToString(encoded));
        assertEquals(new BigDecimal("12.34"), Decimal.toLogical(schema, encoded));
        assertArrayEquals(new byte[] {(byte) 0xFF}, Decimal.fromLogical(schema, new BigDecimal("-0.01")));
        assertEquals(new BigDecimal("-0.01"), Decimal.toLogical(schema, new byte[] {(byte) 0xFF}));
        assertArrayEquals(new byte[] {0, (byte) 0x80}, Decimal.fromLogical(Decimal.schema(0), new BigDecimal("128")));
        assertEquals(new BigDecimal("1E+3"), Decimal.toLogical(Decimal.schema(-3), new byte[] {1}));
    }

    @Test
    void decimalRejectsAMismatchingScaleWithTheFix() {
        DataException e = assertThrows(DataException.class,
                () -> Decimal.fromLogical(Decimal.schema(2), new BigDecimal("1.234")));
        assertTrue(e.getMessage().contains("setScale(2)"), e.getMessage());
    }

    @Test
    void decimalRejectsSchemasWithoutAValidScale() {
        assertThrows(DataException.class, () -> Decimal.scale(Schema.BYTES_SCHEMA));
        assertThrows(DataException.class, () -> Decimal.scale(SchemaBuilder.bytes().name(Decimal.LOGICAL_NAME).build()));
        DataException e = assertThrows(DataException.class, () -> Decimal.scale(
                SchemaBuilder.bytes().name(Decimal.LOGICAL_NAME).parameter("scale", "two").build()));
        assertTrue(e.getMessage().contains("'two'"), e.getMessage());
        assertThrows(DataException.class, () -> Decimal.toLogical(Decimal.schema(1), new byte[0]));
    }

    @Test
    void dateCountsDaysSinceEpoch() {
        java.util.Date day = utcMidnight(2024, 1, 2);
        assertEquals(19724, Date.fromLogical(Date.SCHEMA, day));
        assertEquals(day, Date.toLogical(Date.SCHEMA, 19724));
        java.util.Date before = utcMidnight(1969, 12, 31);
        assertEquals(-1, Date.fromLogical(Date.SCHEMA, before));
        assertEquals(before, Date.toLogical(Date.SCHEMA, -1));
    }

    @Test
    void dateRejectsATimeOfDay() {
        assertThrows(DataException.class, () -> Date.fromLogical(Date.SCHEMA, new java.util.Date(1000)));
        assertThrows(DataException.class, () -> Date.fromLogical(Time.SCHEMA, new java.util.Date(0)));
        assertThrows(DataException.class, () -> Date.toLogical(Schema.INT32_SCHEMA, 1));
    }

    @Test
    void timeCountsMillisSinceMidnight() {
        int millis = ((1 * 60 + 2) * 60 + 3) * 1000 + 4;
        assertEquals(3723004, millis);
        assertEquals(millis, Time.fromLogical(Time.SCHEMA, new java.util.Date(millis)));
        assertEquals(new java.util.Date(millis), Time.toLogical(Time.SCHEMA, millis));
    }

    @Test
    void timeRejectsDatesAndOutOfRangeValues() {
        assertThrows(DataException.class, () -> Time.fromLogical(Time.SCHEMA, new java.util.Date(Date.MILLIS_PER_DAY)));
        assertThrows(DataException.class, () -> Time.fromLogical(Time.SCHEMA, new java.util.Date(-1)));
        assertThrows(DataException.class, () -> Time.toLogical(Time.SCHEMA, -1));
        assertThrows(DataException.class, () -> Time.toLogical(Time.SCHEMA, (int) Date.MILLIS_PER_DAY));
        assertThrows(DataException.class, () -> Time.toLogical(Date.SCHEMA, 0));
    }

    @Test
    void timestampCountsMillisSinceEpoch() {
        assertEquals(1700000000123L, Timestamp.fromLogical(Timestamp.SCHEMA, new java.util.Date(1700000000123L)));
        assertEquals(new java.util.Date(-5), Timestamp.toLogical(Timestamp.SCHEMA, -5));
        assertThrows(DataException.class, () -> Timestamp.toLogical(Schema.INT64_SCHEMA, 1));
    }

    static java.util.Date utcMidnight(int year, int month, int day) {
        return java.util.Date.from(LocalDate.of(year, month, day).atStartOfDay().toInstant(ZoneOffset.UTC));
    }
}
