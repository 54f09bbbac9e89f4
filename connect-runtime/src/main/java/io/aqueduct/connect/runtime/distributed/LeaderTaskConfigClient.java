package io.aqueduct.connect.runtime.distributed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.runtime.herder.InternalRequestSignature;
import io.aqueduct.connect.runtime.storage.SessionKey;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Hands task configs generated on this worker to the leader: {@code POST <leader>/connectors/<c>/tasks?forward=false}
 * with the JSON array as body, signed with the session key. {@code forward=false}: a worker that is no longer the
 * leader answers 409 rather than passing the request on, and the sender tries again with the leader of the next
 * rebalance. Thread-safe; never blocks the caller.
 */
final class LeaderTaskConfigClient {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** Created on the first send: most workers never send (the leader writes its own), and a client costs a thread. */
    private volatile HttpClient http;
    private final String signatureAlgorithm;

    LeaderTaskConfigClient(String signatureAlgorithm) {
        this.signatureAlgorithm = signatureAlgorithm;
    }

    /** Completes when the leader stored the configs; fails with a message naming the leader and its answer. */
    CompletableFuture<Void> send(String leaderUrl, String connector, List<Map<String, String>> taskConfigs,
                                 SessionKey key) {
        if (leaderUrl == null) {
            return CompletableFuture.failedFuture(new ConnectException("No leader is known right now"));
        }
        if (key == null) {
            return CompletableFuture.failedFuture(new ConnectException("No session key has been read from the config "
                    + "topic yet, so the request to the leader cannot be signed"));
        }
        byte[] body;
        URI uri;
        try {
            body = MAPPER.writeValueAsBytes(taskConfigs);
            URI base = URI.create(leaderUrl.endsWith("/") ? leaderUrl : leaderUrl + "/");
            uri = new URI(base.getScheme(), base.getRawAuthority(), base.getPath() + "connectors/" + connector + "/tasks",
                    "forward=false", null);
        } catch (JsonProcessingException | URISyntaxException | IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new ConnectException("Cannot build the task configs request of "
                    + "connector " + connector + " for leader " + leaderUrl + ": " + e.getMessage(), e));
        }
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header(InternalRequestSignature.SIGNATURE_HEADER,
                        InternalRequestSignature.sign(key.key(), signatureAlgorithm, body))
                .header(InternalRequestSignature.SIGNATURE_ALGORITHM_HEADER, signatureAlgorithm)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return client().sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .thenAccept(response -> {
                    if (response.statusCode() / 100 != 2) {
                        throw new ConnectException("Leader " + leaderUrl + " answered " + response.statusCode()
                                + " to the task configs of connector " + connector + ": " + response.body());
                    }
                });
    }

    private HttpClient client() {
        HttpClient current = http;
        if (current == null) {
            synchronized (this) {
                current = http;
                if (current == null) {
                    current = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
                    http = current;
                }
            }
        }
        return current;
    }
}
