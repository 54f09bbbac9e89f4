package io.aqueduct.connect.source;

/**
 * A source connector's answer to whether its tasks can decide where transactions begin and end,
 * returned from {@link SourceConnector#canDefineTransactionBoundaries(java.util.Map)}. Only relevant
 * with exactly-once delivery and {@code transaction.boundary=connector}.
 */
public enum ConnectorTransactionBoundaries {
    /** The tasks use {@link TransactionContext} to commit or abort transactions themselves. */
    SUPPORTED,
    /** The tasks do not define transaction boundaries; the configuration is rejected if it asks them to. */
    UNSUPPORTED
}
