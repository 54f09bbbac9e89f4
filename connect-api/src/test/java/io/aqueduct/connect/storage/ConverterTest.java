package io.aqueduct.connect.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aqueduct.connect.data.Schema;
import io.aqueduct.connect.data.SchemaAndValue;
import io.aqueduct.connect.header.ConnectHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConverterTest {

    /** Implements only the abstract methods, recording what reaches them. */
    private static class MinimalConverter implements Converter {
        final List<String> calls = new ArrayList<>();

        @Override
        public void configure(Map<String, ?> configs, boolean isKey) {
        }

        @Override
        public byte[] fromConnectData(String topic, Schema schema, Object value) {
            calls.add("from " + topic + " " + value);
            return new byte[] {1, 2};
        }

        @Override
        public SchemaAndValue toConnectData(String topic, byte[] value) {
            calls.add("to " + topic + " " + value.length);
            return new SchemaAndValue(Schema.OPTIONAL_STRING_SCHEMA, "decoded");
        }
    }

    @Test
    void headerAwareVariantsDelegateToThePlainOnes() {
        MinimalConverter converter = new MinimalConverter();
        ConnectHeaders headers = new ConnectHeaders();

        byte[] bytes = converter.fromConnectData("t", headers, Schema.STRING_SCHEMA, "v");
        SchemaAndValue data = converter.toConnectData("t", headers, new byte[3]);

        assertArrayEquals(new byte[] {1, 2}, bytes);
        assertEquals("decoded", data.value());
        assertEquals(List.of("from t v", "to t 3"), converter.calls);
        assertTrue(headers.isEmpty());
    }

    @Test
    void configIsEmptyByDefault() throws Exception {
        try (MinimalConverter converter = new MinimalConverter()) {
            assertTrue(converter.config().names().isEmpty());
        }
    }
}
