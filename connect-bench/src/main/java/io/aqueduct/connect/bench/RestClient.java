package io.aqueduct.connect.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The few Connect REST calls the benchmark makes, against one worker. */
final class RestClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    record Response(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Worker answered with something that is not JSON: " + body, e);
            }
        }
    }

    private final String baseUrl;

    RestClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    String baseUrl() {
        return baseUrl;
    }

    /** How long a create is retried while the worker answers 503 because it is still starting. */
    static final Duration STARTING_RETRY = Duration.ofSeconds(60);

    Response get(String path) throws IOException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    Response delete(String path) throws IOException {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    /**
     * {@code POST /connectors} with a name and a config; throws unless the worker answers 201. A 503 (a worker whose
     * REST API answers before its herder is ready, as {@code GET /} may) is retried for up to
     * {@link #STARTING_RETRY}.
     */
    void createConnector(String name, Map<String, String> config) throws IOException {
        String body = JSON.writeValueAsString(Map.of("name", name, "config", config));
        long deadline = System.nanoTime() + STARTING_RETRY.toNanos();
        Response response;
        while (true) {
            response = send(HttpRequest.newBuilder(uri("/connectors"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            if (response.status() != 503 || System.nanoTime() >= deadline) {
                break;
            }
            Poll.pause();
        }
        if (response.status() != 201) {
            throw new IllegalStateException("POST " + baseUrl + "/connectors for " + name + " answered "
                    + response.status() + ": " + response.body());
        }
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private Response send(HttpRequest.Builder request) throws IOException {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(REQUEST_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while calling " + baseUrl, e);
        }
    }
}
