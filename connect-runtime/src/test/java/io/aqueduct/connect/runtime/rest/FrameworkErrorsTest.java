package io.aqueduct.connect.runtime.rest;

import org.junit.jupiter.api.Test;

import java.net.Socket;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Errors the framework produces (unknown path, method, media types) carry the JSON error body too. */
class FrameworkErrorsTest extends RestServerFixture {

    @Test
    void unknownPathIsJson404() {
        http.get("/nope").assertError(404, "HTTP 404 Not Found");
        http.get("/connectors/c/nope/deeper").assertError(404, "HTTP 404 Not Found");
    }

    @Test
    void wrongMethodIsJson405WithAllow() {
        Http.Reply reply = http.delete("/connectors").assertError(405, "HTTP 405 Method Not Allowed");
        assertTrue(reply.header("Allow").contains("POST"), reply.header("Allow"));
    }

    @Test
    void notAcceptableIsJson406() {
        http.send("GET", "/connectors", null, null, "Accept", "text/html").assertError(406, "HTTP 406 Not Acceptable");
    }

    @Test
    void unsupportedMediaTypeIsJson415() {
        http.send("POST", "/connectors", "{\"name\":\"ref-ct\"}", "text/plain")
                .assertError(415, "HTTP 415 Unsupported Media Type");
    }

    @Test
    void unexpectedFailureIsJson500WithTheMessageAndNoTrace() {
        herder.writesGate = java.util.concurrent.CompletableFuture.failedFuture(
                new IllegalStateException("disk on fire"));
        http.put("/connectors/c/pause", null).assertError(500, "disk on fire");
    }

    @Test
    void notLeaderWithForwardingRefusedIsTheReference409() {
        createSource("c");
        herder.writesGate = java.util.concurrent.CompletableFuture.failedFuture(
                new io.aqueduct.connect.runtime.herder.NotLeaderException("Only the leader can stop connectors",
                        "http://leader:8083/"));
        http.put("/connectors/c/stop?forward=false", null).assertError(409,
                "Cannot complete request because of a conflicting operation (e.g. worker rebalance)");
    }

    @Test
    void rebalanceExpectedOnAReadIsThe500OfTheReference() {
        createSource("c");
        herder.writesGate = java.util.concurrent.CompletableFuture.failedFuture(
                io.aqueduct.connect.runtime.herder.HerderErrors.rebalanceExpected());
        http.get("/connectors/c/offsets")
                .assertError(500, "Request cannot be completed because a rebalance is expected");
    }

    @Test
    void optionsListsTheAllowedMethodsAndHeadAnswersHeadersOnly() {
        Http.Reply options = http.send("OPTIONS", "/connectors", null, null);
        assertEquals(200, options.status());
        assertTrue(options.header("Allow").contains("POST") && options.header("Allow").contains("GET"),
                options.headers().toString());
        Http.Reply head = http.send("HEAD", "/connectors", null, null);
        assertEquals(200, head.status());
        assertEquals("application/json", head.contentType());
        assertEquals("", head.body());
    }

    @Test
    void noServerHeaderIsSent() {
        Http.Reply reply = http.get("/connectors");
        assertEquals(200, reply.status());
        assertFalse(reply.headers().firstValue("Server").isPresent(), reply.headers().toString());
        assertFalse(reply.headers().firstValue("X-Powered-By").isPresent());
    }

    @Test
    void encodedSlashInPathIsAJsonError() throws Exception {
        // java.net.http would not send this path verbatim, so talk HTTP over a socket.
        URI base = server.serverUris().get(0);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /connectors/a%2Fb HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(response.startsWith("HTTP/1.1 400"), response);
            assertTrue(response.toLowerCase().contains("content-type: application/json"), response);
            assertTrue(response.contains("{\"error_code\":400,\"message\":"), response);
        }
    }
}
