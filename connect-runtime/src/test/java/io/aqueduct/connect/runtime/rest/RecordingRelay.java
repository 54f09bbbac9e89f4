package io.aqueduct.connect.runtime.rest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A plain HTTP relay in front of a REST server that records every request it passes on, so tests can see exactly
 * what a forwarding worker sent to the leader. It passes status, body, Content-Type and Location back unchanged.
 */
final class RecordingRelay implements AutoCloseable {

    /** One request as it arrived at the relay. */
    record Seen(String method, String pathAndQuery, String contentType, String accept, String body) {
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final URI target;

    /** Listens on {@code port} (0 for any) of 127.0.0.1 and relays to {@code target}. */
    RecordingRelay(int port, URI target) throws IOException {
        this.target = target;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", this::relay);
        server.start();
    }

    /** The base URL to hand out as the leader's URL. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    Seen last() {
        return seen.get(seen.size() - 1);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void relay(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String pathAndQuery = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            String accept = exchange.getRequestHeaders().getFirst("Accept");
            seen.add(new Seen(exchange.getRequestMethod(), pathAndQuery, contentType, accept,
                    new String(body, StandardCharsets.UTF_8)));

            HttpRequest.Builder onward = HttpRequest.newBuilder(target.resolve(pathAndQuery))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            if (contentType != null) {
                onward.header("Content-Type", contentType);
            }
            if (accept != null) {
                onward.header("Accept", accept);
            }
            HttpResponse<byte[]> answer = CLIENT.send(onward.build(), HttpResponse.BodyHandlers.ofByteArray());
            answer.headers().firstValue("Content-Type").ifPresent(v -> exchange.getResponseHeaders().add("Content-Type", v));
            answer.headers().firstValue("Location").ifPresent(v -> exchange.getResponseHeaders().add("Location", v));
            byte[] answerBody = answer.body();
            exchange.sendResponseHeaders(answer.statusCode(), answerBody.length == 0 ? -1 : answerBody.length);
            if (answerBody.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answerBody);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
