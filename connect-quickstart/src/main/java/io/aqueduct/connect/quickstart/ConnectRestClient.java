package io.aqueduct.connect.quickstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The few calls of the worker's REST API the quickstart makes, over the JDK's HTTP client. */
final class ConnectRestClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** A response: its status and its body as JSON (a missing or non-JSON body is a JSON null). */
    record Reply(int status, JsonNode body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The {@code message} of an error body, or the whole body. */
        String message() {
            return body.hasNonNull("message") ? body.get("message").asText() : body.toString();
        }
    }

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ConnectRestClient(URI base) {
        this.base = base;
    }

    URI base() {
        return base;
    }

    /**
     * GET of a path relative to the base URL.
     *
     * @throws IOException if the worker cannot be reached
     */
    Reply get(String path) throws IOException {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    /** PUT of a JSON body; {@code PUT /connectors/{name}/config} creates or updates a connector. */
    Reply put(String path, Map<String, String> body) throws IOException {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))));
    }

    private Reply send(HttpRequest.Builder request) throws IOException {
        try {
            HttpResponse<byte[]> response = http.send(request.timeout(REQUEST_TIMEOUT)
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), parse(response.body()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while calling " + base, e);
        }
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(new String(body, java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
