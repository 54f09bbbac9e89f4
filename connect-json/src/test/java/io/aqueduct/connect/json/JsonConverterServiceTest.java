package io.aqueduct.connect.json;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aqueduct.connect.storage.Converter;
import io.aqueduct.connect.storage.HeaderConverter;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The runtime discovers converters through ServiceLoader manifests. */
class JsonConverterServiceTest {

    @Test
    void isListedAsConverterAndHeaderConverter() {
        assertTrue(ServiceLoader.load(Converter.class).stream().anyMatch(p -> p.type() == JsonConverter.class));
        assertTrue(ServiceLoader.load(HeaderConverter.class).stream().anyMatch(p -> p.type() == JsonConverter.class));
    }
}
