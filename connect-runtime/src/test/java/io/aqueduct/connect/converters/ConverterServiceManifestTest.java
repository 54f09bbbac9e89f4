package io.aqueduct.connect.converters;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aqueduct.connect.json.JsonConverter;
import io.aqueduct.connect.storage.Converter;
import io.aqueduct.connect.storage.HeaderConverter;
import io.aqueduct.connect.storage.StringConverter;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Plugin discovery finds every built-in converter through the ServiceLoader manifests. */
class ConverterServiceManifestTest {

    private static final List<Class<?>> BOTH = List.of(ByteArrayConverter.class, BooleanConverter.class,
        ShortConverter.class, IntegerConverter.class, LongConverter.class, FloatConverter.class, DoubleConverter.class,
        JsonConverter.class, StringConverter.class);

    @Test
    void listsAllConverters() {
        Set<Class<?>> found = ServiceLoader.load(Converter.class).stream().map(ServiceLoader.Provider::type)
            .collect(Collectors.toSet());
        assertTrue(found.containsAll(BOTH), found.toString());
    }

    @Test
    void listsAllHeaderConverters() {
        Set<Class<?>> found = ServiceLoader.load(HeaderConverter.class).stream().map(ServiceLoader.Provider::type)
            .collect(Collectors.toSet());
        assertTrue(found.containsAll(BOTH), found.toString());
        assertTrue(found.contains(SimpleHeaderConverter.class), found.toString());
    }
}
