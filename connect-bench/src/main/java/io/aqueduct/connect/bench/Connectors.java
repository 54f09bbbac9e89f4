package io.aqueduct.connect.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/** Creating and deleting connectors on a worker and waiting for them to settle. */
final class Connectors {

    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(60);

    private Connectors() {
    }

    static void create(RestClient rest, String name, Map<String, String> config) throws IOException {
        rest.createConnector(name, config);
    }

    /** Deletes a connector and waits until the worker no longer lists it. */
    static void delete(RestClient rest, String name) throws IOException {
        RestClient.Response response = rest.delete("/connectors/" + name);
        if (response.status() != 204 && response.status() != 200 && response.status() != 404) {
            throw new IllegalStateException("DELETE /connectors/" + name + " answered " + response.status() + ": "
                    + response.body());
        }
        boolean gone = Poll.until(SETTLE_TIMEOUT, () -> {
            try {
                return rest.get("/connectors/" + name).status() == 404;
            } catch (IOException e) {
                return false;
            }
        });
        if (!gone) {
            throw new IllegalStateException("Connector " + name + " still listed " + SETTLE_TIMEOUT.toSeconds()
                    + " s after DELETE on " + rest.baseUrl());
        }
    }

    /** Waits until {@code units} connectors and tasks are all RUNNING; throws at the deadline. */
    static void awaitAllRunning(RestClient rest, int units, Duration timeout) {
        boolean running = Poll.until(timeout, () -> {
            ClusterStatus status = ClusterStatus.read(rest);
            return status != null && status.allRunning(units);
        });
        if (!running) {
            throw new IllegalStateException("Not all of " + units + " connectors and tasks were RUNNING on "
                    + rest.baseUrl() + " after " + timeout.toSeconds() + " s: " + ClusterStatus.read(rest));
        }
    }
}
