package io.aqueduct.connect.runtime.herder;

import io.aqueduct.connect.errors.ConnectException;

/**
 * Thrown (or used to complete a future exceptionally) by a herder when a write must be done by the cluster leader
 * and this worker is not it. The REST layer may forward the request to {@link #leaderUrl()}; when it does not or
 * cannot, the client gets 409.
 */
public class NotLeaderException extends ConnectException {

    private final String leaderUrl;

    /**
     * @param message   what could not be done here
     * @param leaderUrl REST base URL of the current leader, e.g. {@code http://10.0.0.7:8083/}; null while unknown
     *                  (e.g. during a rebalance)
     */
    public NotLeaderException(String message, String leaderUrl) {
        super(message);
        this.leaderUrl = leaderUrl;
    }

    /** REST base URL of the current leader, or null when no leader is known right now. */
    public String leaderUrl() {
        return leaderUrl;
    }
}
