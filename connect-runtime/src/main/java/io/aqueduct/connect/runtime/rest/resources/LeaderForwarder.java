package io.aqueduct.connect.runtime.rest.resources;

import io.aqueduct.connect.runtime.rest.errors.ConnectRestException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * Sends a write that this worker may not perform to the group leader and relays the leader's answer: status, body
 * and {@code Content-Type} verbatim, and a {@code Location} that names this worker as the reference does. One
 * HTTP client serves all requests; it is created on the first forward, so a standalone worker never starts one.
 */
final class LeaderForwarder {

    private static final Logger log = LoggerFactory.getLogger(LeaderForwarder.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private volatile HttpClient client;

    /**
     * Sends {@code request} to the leader and waits at most {@code timeout} for its answer.
     *
     * @param leaderUrl REST base URL of the leader, e.g. {@code http://10.0.0.7:8083/}
     * @param operation what the request asks for, e.g. "delete connector 'x'", for error messages
     * @return the leader's answer as this worker's response; empty when the leader could not be reached, in which
     * case it received nothing and the request may be tried again
     * @throws ConnectRestException 500 when the leader was reached but no complete answer came back in time (the
     *                              leader may still perform the write), or the leader URL is malformed
     */
    Optional<Response> forward(WriteRequest request, String leaderUrl, Duration timeout, String operation) {
        URI target = target(leaderUrl, request, operation);
        HttpRequest.Builder outgoing = HttpRequest.newBuilder(target)
                .timeout(timeout)
                .method(request.method(), request.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(outgoing::header);
        log.debug("Forwarding {} {} to the leader: {}", request.method(), request.relativePath(), target);
        HttpResponse<byte[]> answer;
        try {
            answer = client().send(outgoing.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException | java.net.ConnectException e) {
            log.info("The leader at {} is not reachable for the request to {}: {}", leaderUrl, operation, e.toString());
            return Optional.empty();
        } catch (HttpTimeoutException e) {
            throw new ConnectRestException(500, "Request timed out after " + timeout.toMillis() + " ms waiting for "
                    + "the leader at " + leaderUrl + " to " + operation + ". The operation may still complete; "
                    + "check the connector before retrying.", e);
        } catch (IOException e) {
            throw new ConnectRestException(500, "Forwarding the request to " + operation + " to the leader at "
                    + leaderUrl + " failed before its answer arrived (" + e + "); the leader may or may not have "
                    + "performed it, so check the connector before retrying.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectRestException(500, "Interrupted while waiting for the leader at " + leaderUrl + " to "
                    + operation, e);
        }
        return Optional.of(relay(answer, request.baseUri()));
    }

    private static URI target(String leaderUrl, WriteRequest request, String operation) {
        String base = leaderUrl.endsWith("/") ? leaderUrl : leaderUrl + "/";
        boolean recurse = request.forward() == null;
        try {
            URI uri = URI.create(base + request.relativePath() + "?" + request.queryWithForward(recurse));
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ConnectRestException(500, "Cannot forward the request to " + operation + " to the leader: "
                    + "its advertised REST URL '" + leaderUrl + "' is not a valid http URL (" + e.getMessage()
                    + "); fix 'rest.advertised.host.name', 'rest.advertised.port' or 'listeners' on the leader", e);
        }
    }

    private static Response relay(HttpResponse<byte[]> answer, URI ownBaseUri) {
        Response.ResponseBuilder response = Response.status(answer.statusCode());
        answer.headers().firstValue(HttpHeaders.CONTENT_TYPE)
                .ifPresent(type -> response.header(HttpHeaders.CONTENT_TYPE, type));
        answer.headers().firstValue(HttpHeaders.LOCATION)
                .ifPresent(location -> response.header(HttpHeaders.LOCATION, onThisWorker(location, ownBaseUri)));
        if (answer.body().length > 0) {
            response.entity(answer.body());
        }
        return response.build();
    }

    /** The leader's {@code Location} with its scheme, host and port replaced by those the client used for us. */
    static String onThisWorker(String location, URI ownBaseUri) {
        try {
            URI leaderLocation = URI.create(location);
            String pathAndQuery = leaderLocation.getRawPath()
                    + (leaderLocation.getRawQuery() == null ? "" : "?" + leaderLocation.getRawQuery());
            return ownBaseUri.resolve(pathAndQuery).toString();
        } catch (IllegalArgumentException e) {
            return location;
        }
    }

    private HttpClient client() {
        HttpClient current = client;
        if (current == null) {
            synchronized (this) {
                current = client;
                if (current == null) {
                    current = HttpClient.newBuilder()
                            .version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(CONNECT_TIMEOUT)
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .build();
                    client = current;
                }
            }
        }
        return current;
    }
}
