package io.aqueduct.connect.source;

/**
 * A source connector's answer to whether it can take part in exactly-once delivery, returned from
 * {@link SourceConnector#exactlyOnceSupport(java.util.Map)}. Exactly-once requires that the connector
 * can resume precisely from the offsets the runtime commits in the same transaction as the records.
 */
public enum ExactlyOnceSupport {
    /** The connector, with the given configuration, delivers exactly once when the worker enables it. */
    SUPPORTED,
    /** The connector cannot guarantee exactly-once delivery with the given configuration. */
    UNSUPPORTED
}
