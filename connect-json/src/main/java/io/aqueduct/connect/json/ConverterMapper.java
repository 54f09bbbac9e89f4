package io.aqueduct.connect.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;

/** The one Jackson mapper shared by all converters; Jackson mappers are thread-safe once configured. */
final class ConverterMapper {

    /**
     * Floats are read as exact BigDecimals, trailing zeros kept, so that a NUMERIC Decimal such as
     * {@code 12.30} keeps its digits; FLOAT32/FLOAT64 values are narrowed from them.
     */
    static final ObjectMapper MAPPER = new ObjectMapper()
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private ConverterMapper() {
    }
}
