package io.aqueduct.connect.runtime.herder;

import io.aqueduct.connect.errors.ConnectException;

/**
 * The herder cannot answer now because the group is about to rebalance or is rebalancing; the client may retry.
 */
public class RebalanceNeededException extends ConnectException {

    public RebalanceNeededException(String message) {
        super(message);
    }
}
