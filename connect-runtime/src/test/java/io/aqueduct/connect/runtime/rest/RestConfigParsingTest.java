package io.aqueduct.connect.runtime.rest;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The REST keys: defaults, listener forms, header directives. */
class RestConfigParsingTest {

    @Test
    void defaultsMatchTheReference() {
        RestServerConfig config = new RestServerConfig(Map.of());
        assertEquals(List.of(new Listener("http", null, 8083)), config.listeners());
        assertNull(config.adminListeners());
        assertNull(config.advertisedHostName());
        assertNull(config.advertisedPort());
        assertEquals("", config.allowedOrigins());
        assertEquals(List.of(), config.responseHeaders());
        assertEquals(List.of(), config.getList(RestServerConfig.REST_EXTENSION_CLASSES_CONFIG));
        assertEquals(List.of(), new RestServerConfig(Map.of(RestServerConfig.ADMIN_LISTENERS_CONFIG, ""))
                .adminListeners());
    }

    @Test
    void listenerForms() {
        assertEquals(new Listener("http", "0.0.0.0", 0), Listener.parse("http://0.0.0.0:0"));
        assertEquals(new Listener("http", "::1", 80), Listener.parse("HTTP://[::1]:80"));
        assertEquals("http://[::1]:80", Listener.parse("http://[::1]:80").toString());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Listener.parse("https://:8443")).getMessage()
                .contains("only http listeners are supported"));
        assertThrows(IllegalArgumentException.class, () -> Listener.parse("localhost:8083"));
        assertThrows(IllegalArgumentException.class, () -> Listener.parse("http://host:99999"));
        ConfigException e = assertThrows(ConfigException.class,
                () -> new RestServerConfig(Map.of(RestServerConfig.LISTENERS_CONFIG, "http://host")));
        assertTrue(e.getMessage().contains("listeners"), e.getMessage());
        assertThrows(ConfigException.class, () -> new RestServerConfig(Map.of(RestServerConfig.LISTENERS_CONFIG, "")));
    }

    @Test
    void headerDirectives() {
        List<ResponseHeaders.Directive> directives = ResponseHeaders.parse(
                "set X-Frame-Options: DENY,\"add Cache-Control: no-cache, no-store\", addDate Expires: 1000");
        assertEquals(List.of(
                new ResponseHeaders.Directive(ResponseHeaders.Action.SET, "X-Frame-Options", "DENY"),
                new ResponseHeaders.Directive(ResponseHeaders.Action.ADD, "Cache-Control", "no-cache, no-store"),
                new ResponseHeaders.Directive(ResponseHeaders.Action.ADD_DATE, "Expires", "1000")), directives);

        assertTrue(assertThrows(IllegalArgumentException.class, () -> ResponseHeaders.parse("put X: y"))
                .getMessage().contains("must be one of set, add, setDate, addDate"));
        assertThrows(IllegalArgumentException.class, () -> ResponseHeaders.parse("set NoColon"));
        assertThrows(IllegalArgumentException.class, () -> ResponseHeaders.parse("setDate Expires: soon"));
        assertThrows(IllegalArgumentException.class, () -> ResponseHeaders.parse("\"set X: y"));
        ConfigException e = assertThrows(ConfigException.class, () -> new RestServerConfig(
                Map.of(RestServerConfig.RESPONSE_HTTP_HEADERS_CONFIG, "set X")));
        assertTrue(e.getMessage().contains(RestServerConfig.RESPONSE_HTTP_HEADERS_CONFIG), e.getMessage());
    }
}
