package io.aqueduct.connect.runtime.rest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.util.HashMap;
import java.util.Map;

/** Starts a real REST server on a free port with an {@link InMemoryHerder} attached, per test. */
abstract class RestServerFixture {

    InMemoryHerder herder;
    RestServer server;
    Http http;

    /** Extra worker properties for the server under test. */
    Map<String, String> serverProps() {
        return Map.of();
    }

    @BeforeEach
    void startServer() {
        Map<String, String> props = new HashMap<>(serverProps());
        props.putIfAbsent(RestServerConfig.LISTENERS_CONFIG, "http://127.0.0.1:0");
        server = new RestServer(new RestServerConfig(props));
        server.start();
        herder = new InMemoryHerder();
        server.attachHerder(herder);
        http = new Http(server.serverUris().get(0));
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    static final String SOURCE_CONFIG = "{\"connector.class\":\"FileStreamSource\",\"tasks.max\":\"1\","
            + "\"file\":\"/tmp/in.txt\",\"topic\":\"lines\"}";

    void createSource(String name) {
        http.post("/connectors", "{\"name\":\"" + name + "\",\"config\":" + SOURCE_CONFIG + "}");
    }
}
