package io.aqueduct.connect.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aqueduct.connect.data.Decimal;
import io.aqueduct.connect.storage.ConverterType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class JsonConverterConfigTest {

    @Test
    void hasTheDocumentedDefaults() {
        JsonConverterConfig config = new JsonConverterConfig(Map.of("converter.type", "value"));
        assertTrue(config.schemasEnabled());
        assertEquals(1000, config.schemaCacheSize());
        assertEquals(DecimalFormat.BASE64, config.decimalFormat());
        assertTrue(config.replaceNullWithDefault());
        assertEquals(ConverterType.VALUE, config.type());
    }

    @Test
    void parsesEveryKeyFromStrings() {
        JsonConverterConfig config = new JsonConverterConfig(Map.of("converter.type", "key", "schemas.enable", "false",
            "schemas.cache.size", "5", "decimal.format", "numeric", "replace.null.with.default", "false"));
        assertFalse(config.schemasEnabled());
        assertEquals(5, config.schemaCacheSize());
        assertEquals(DecimalFormat.NUMERIC, config.decimalFormat());
        assertFalse(config.replaceNullWithDefault());
        assertEquals(ConverterType.KEY, config.type());
    }

    @Test
    void rejectsInvalidValuesNamingTheKey() {
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
            Map.of("converter.type", "value", "decimal.format", "HEX"),
            Map.of("converter.type", "value", "schemas.cache.size", -1),
            Map.of("converter.type", "value", "schemas.enable", "maybe"),
            Map.of("converter.type", "sideways"))) {
            JsonConverter converter = new JsonConverter();
            ConfigException e = assertThrows(ConfigException.class, () -> converter.configure(bad));
            String key = bad.keySet().stream().filter(k -> !k.equals("converter.type")).findFirst()
                .orElse("converter.type");
            assertTrue(e.getMessage().contains(key), e.getMessage());
        }
    }

    @Test
    void asHeaderConverterNeedsTheConverterType() {
        JsonConverter converter = new JsonConverter();
        ConfigException e = assertThrows(ConfigException.class, () -> converter.configure(Map.of()));
        assertTrue(e.getMessage().contains("converter.type"), e.getMessage());
    }

    @Test
    void describesItsKeys() {
        assertTrue(new JsonConverter().config().names().containsAll(
            List.of("converter.type", "schemas.enable", "schemas.cache.size", "decimal.format",
                "replace.null.with.default")));
    }

    @Test
    void usesTheDefaultsBeforeBeingConfigured() {
        JsonConverter converter = new JsonConverter();
        byte[] written = converter.fromConnectData("t", Decimal.schema(1), new BigDecimal("0.1"));
        assertTrue(new String(written, StandardCharsets.UTF_8).endsWith("\"payload\":\"AQ==\"}"));
    }

    @Test
    void reportsTheModuleVersion() {
        String version = new JsonConverter().version();
        assertFalse(version.isBlank());
        assertFalse(version.contains("${"), version);
    }
}
