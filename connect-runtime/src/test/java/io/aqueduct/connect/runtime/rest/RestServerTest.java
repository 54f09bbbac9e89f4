package io.aqueduct.connect.runtime.rest;

import io.aqueduct.connect.errors.ConnectException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Server-level behaviour: readiness, health, listeners, CORS, configured headers, timeouts. */
class RestServerTest {

    private final List<RestServer> servers = new java.util.ArrayList<>();

    @AfterEach
    void stopServers() {
        servers.forEach(RestServer::stop);
    }

    private RestServer start(Map<String, String> extra) {
        Map<String, String> props = new HashMap<>(extra);
        props.putIfAbsent(RestServerConfig.LISTENERS_CONFIG, "http://127.0.0.1:0");
        RestServer server = new RestServer(new RestServerConfig(props));
        server.start();
        servers.add(server);
        return server;
    }

    private static Http http(RestServer server) {
        return new Http(server.serverUris().get(0));
    }

    @Test
    void beforeTheHerderIsReadyHealthSaysStartingAndOtherPathsAre503Json() {
        RestServer server = start(Map.of());
        Http http = http(server);
        String starting = "The worker is still starting up and cannot serve this request yet; retry once "
                + "GET /health answers 200";

        http.get("/health").assertJson(503, "{\"status\":\"starting\",\"message\":\"Worker is still starting up.\"}");
        http.get("/").assertError(503, starting);
        http.get("/connectors").assertError(503, starting);
        http.get("/nope").assertError(503, starting);
        http.post("/connectors", "{}").assertError(503, starting);

        InMemoryHerder herder = new InMemoryHerder();
        herder.ready = false;
        server.attachHerder(herder);
        assertEquals(503, http.get("/health").status());
        http.get("/connectors").assertError(503, starting);
        // GET / needs only the cluster id, which a herder that is not ready yet may already know.
        assertEquals("test-cluster-id", http.get("/").json().get("kafka_cluster_id").asText());

        herder.ready = true;
        http.get("/health").assertJson(200, "{\"status\":\"healthy\",\"message\":"
                + "\"Worker has completed startup and is ready to handle requests.\"}");
        http.get("/connectors").assertJson(200, "[]");
    }

    @Test
    void rootAnswersWithAClusterIdGivenBeforeAnyHerderWhileTheRestIs503() {
        RestServer server = start(Map.of());
        Http http = http(server);
        http.get("/").assertError(503, "The worker is still starting up and cannot serve this request yet; retry once "
                + "GET /health answers 200");

        server.kafkaClusterId("early-cluster-id");
        http.get("/").assertJson(200, "{\"version\":\"" + org.apache.kafka.common.utils.AppInfoParser.getVersion()
                + "\",\"commit\":\"" + org.apache.kafka.common.utils.AppInfoParser.getCommitId()
                + "\",\"kafka_cluster_id\":\"early-cluster-id\"}");
        assertEquals(503, http.get("/connectors").status());
        assertEquals(503, http.get("/health").status());
    }

    @Test
    void healthIsUnhealthyWhenTheHerderDoesNotAnswerInTime() {
        RestServer server = start(Map.of());
        server.healthCheckTimeout(Duration.ofMillis(100));
        InMemoryHerder herder = new InMemoryHerder();
        herder.health = new CompletableFuture<>();
        herder.activity = "rebalancing";
        server.attachHerder(herder);

        http(server).get("/health").assertJson(500, "{\"status\":\"unhealthy\",\"message\":\"The herder did not "
                + "answer a health check within 100 ms and may be unable to handle other requests. The herder is "
                + "currently rebalancing.\"}");
    }

    @Test
    void requestTimeoutNamesTheBlockedOperation() {
        RestServer server = start(Map.of());
        server.requestTimeout(Duration.ofMillis(200));
        InMemoryHerder herder = new InMemoryHerder();
        server.attachHerder(herder);
        herder.writesGate = new CompletableFuture<>();
        herder.activity = "waiting for connector 'slow' to stop";

        http(server).post("/connectors", "{\"name\":\"x\",\"config\":" + RestServerFixture.SOURCE_CONFIG + "}")
                .assertError(500, "Request timed out after 200 ms waiting for the herder to create connector 'x'. "
                        + "The herder is currently waiting for connector 'slow' to stop. The operation may still "
                        + "complete; check the connector before retrying.");
        // Reads do not wait on the herder's writes.
        http(server).get("/connectors").assertJson(200, "[]");
    }

    @Test
    void bindsEveryListenerOnFreePortsAndAdvertisesTheFirst() {
        RestServer server = start(Map.of(RestServerConfig.LISTENERS_CONFIG, "http://127.0.0.1:0,http://localhost:0"));
        server.attachHerder(new InMemoryHerder());
        List<URI> uris = server.serverUris();
        assertEquals(2, uris.size());
        for (URI uri : uris) {
            assertTrue(uri.getPort() > 0, uri.toString());
            assertEquals(200, new Http(uri).get("/connectors").status());
        }
        assertEquals(uris.get(0), server.advertisedUrl());
    }

    @Test
    void advertisedUrlUsesTheAdvertisedKeys() {
        RestServer server = start(Map.of(RestServerConfig.REST_ADVERTISED_HOST_NAME_CONFIG, "worker-1.example",
                RestServerConfig.REST_ADVERTISED_PORT_CONFIG, "18083"));
        assertEquals(URI.create("http://worker-1.example:18083/"), server.advertisedUrl());
    }

    @Test
    void aTakenPortFailsStartWithTheListenerNamed() {
        RestServer first = start(Map.of());
        int port = first.serverUris().get(0).getPort();
        RestServer second = new RestServer(new RestServerConfig(Map.of(RestServerConfig.LISTENERS_CONFIG,
                "http://127.0.0.1:" + port)));
        ConnectException e = assertThrows(ConnectException.class, second::start);
        assertTrue(e.getMessage().contains("http://127.0.0.1:" + port), e.getMessage());
    }

    @Test
    void bindKnowsThePortBeforeStartAndAnEarlyRequestIsServedOnceStarted() throws Exception {
        RestServer server = new RestServer(new RestServerConfig(Map.of(RestServerConfig.LISTENERS_CONFIG,
                "http://127.0.0.1:0")));
        servers.add(server);
        server.bind();
        URI uri = server.serverUris().get(0);
        assertTrue(uri.getPort() > 0, uri.toString());
        assertEquals(uri.getPort(), server.advertisedUrl().getPort());

        CompletableFuture<Integer> early = CompletableFuture.supplyAsync(() -> new Http(uri).get("/health").status());
        server.start();
        assertEquals(503, early.get(30, java.util.concurrent.TimeUnit.SECONDS));
    }

    @Test
    void aTakenPortFailsBindWithTheListenerNamedAndStopAfterBindFreesThePort() {
        RestServer first = new RestServer(new RestServerConfig(Map.of(RestServerConfig.LISTENERS_CONFIG,
                "http://127.0.0.1:0")));
        first.bind();
        int port = first.serverUris().get(0).getPort();
        RestServer second = new RestServer(new RestServerConfig(Map.of(RestServerConfig.LISTENERS_CONFIG,
                "http://127.0.0.1:" + port)));
        ConnectException e = assertThrows(ConnectException.class, second::bind);
        assertTrue(e.getMessage().contains("http://127.0.0.1:" + port), e.getMessage());

        first.stop();
        RestServer third = new RestServer(new RestServerConfig(Map.of(RestServerConfig.LISTENERS_CONFIG,
                "http://127.0.0.1:" + port)));
        servers.add(third);
        third.start();
        assertEquals(port, third.serverUris().get(0).getPort());
    }

    @Test
    void corsHeadersOnlyWhenAnOriginIsConfigured() {
        Http plain = http(start(Map.of()));
        Http.Reply noCors = plain.send("GET", "/health", null, null, "Origin", "https://ui.example.com");
        assertNull(noCors.header("Access-Control-Allow-Origin"));

        RestServer server = start(Map.of(RestServerConfig.ACCESS_CONTROL_ALLOW_ORIGIN_CONFIG, "https://ui.example.com",
                RestServerConfig.ACCESS_CONTROL_ALLOW_METHODS_CONFIG, "GET,PUT,DELETE"));
        server.attachHerder(new InMemoryHerder());
        Http http = http(server);
        Http.Reply allowed = http.send("GET", "/connectors", null, null, "Origin", "https://ui.example.com");
        assertEquals("https://ui.example.com", allowed.header("Access-Control-Allow-Origin"));
        Http.Reply other = http.send("GET", "/connectors", null, null, "Origin", "https://evil.example.com");
        assertNull(other.header("Access-Control-Allow-Origin"));

        Http.Reply preflight = http.send("OPTIONS", "/connectors", null, null, "Origin", "https://ui.example.com",
                "Access-Control-Request-Method", "PUT");
        assertEquals("https://ui.example.com", preflight.header("Access-Control-Allow-Origin"));
        assertTrue(preflight.header("Access-Control-Allow-Methods").contains("PUT"),
                preflight.headers().toString());
    }

    @Test
    void wildcardOriginAllowsAnyOrigin() {
        RestServer server = start(Map.of(RestServerConfig.ACCESS_CONTROL_ALLOW_ORIGIN_CONFIG, "*"));
        server.attachHerder(new InMemoryHerder());
        Http.Reply reply = http(server).send("GET", "/connectors", null, null, "Origin", "http://anything:3000");
        assertEquals("http://anything:3000", reply.header("Access-Control-Allow-Origin"));
    }

    @Test
    void configuredResponseHeadersAreApplied() {
        RestServer server = start(Map.of(RestServerConfig.RESPONSE_HTTP_HEADERS_CONFIG,
                "set X-Frame-Options: DENY, \"add Cache-Control: no-cache, no-store\", setDate Expires: 3600000"));
        server.attachHerder(new InMemoryHerder());
        long before = System.currentTimeMillis();
        Http.Reply reply = http(server).get("/connectors");
        assertEquals("DENY", reply.header("X-Frame-Options"));
        assertEquals("no-cache, no-store", reply.header("Cache-Control"));
        long expires = ZonedDateTime.parse(reply.header("Expires"), DateTimeFormatter.RFC_1123_DATE_TIME)
                .toInstant().toEpochMilli();
        assertTrue(expires >= before + 3600000 - 1000 && expires <= System.currentTimeMillis() + 3600000,
                reply.header("Expires"));
        // Also on errors.
        assertEquals("DENY", http(server).get("/nope").header("X-Frame-Options"));
    }

    @Test
    void adminOnItsOwnListenersIsNotOnTheMainOnes() {
        RestServer server = start(Map.of(RestServerConfig.ADMIN_LISTENERS_CONFIG, "http://127.0.0.1:0"));
        server.attachHerder(new InMemoryHerder());
        URI admin = server.adminUris().get(0);
        URI main = server.serverUris().get(0);
        assertTrue(admin.getPort() != main.getPort());

        assertEquals(200, new Http(admin).get("/admin/loggers/root").status());
        new Http(main).get("/admin/loggers/root").assertError(404, "HTTP 404 Not Found");
        new Http(admin).get("/connectors").assertError(404, "HTTP 404 Not Found");
        assertEquals(200, new Http(main).get("/connectors").status());
    }

    @Test
    void emptyAdminListenersDisableAdmin() {
        RestServer server = start(Map.of(RestServerConfig.ADMIN_LISTENERS_CONFIG, ""));
        server.attachHerder(new InMemoryHerder());
        assertEquals(List.of(), server.adminUris());
        http(server).get("/admin/loggers").assertError(404, "HTTP 404 Not Found");
    }

    @Test
    void adminSharesTheMainListenersByDefault() {
        RestServer server = start(Map.of());
        assertEquals(server.serverUris(), server.adminUris());
        // Worker-scoped logger calls need no herder.
        assertEquals(200, http(server).get("/admin/loggers/root").status());
    }
}
