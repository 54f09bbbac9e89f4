/**
 * The source side of the SPI: connectors and tasks that read from an external system and produce
 * {@link io.aqueduct.connect.source.SourceRecord}s to Kafka. Each record carries a source partition and
 * offset; the runtime stores the offsets of acknowledged records so that a restarted task can resume
 * from them through {@link io.aqueduct.connect.storage.OffsetStorageReader}. Exactly-once delivery and
 * connector-defined transaction boundaries are opt-in through
 * {@link io.aqueduct.connect.source.SourceConnector#exactlyOnceSupport(java.util.Map)},
 * {@link io.aqueduct.connect.source.SourceConnector#canDefineTransactionBoundaries(java.util.Map)} and
 * {@link io.aqueduct.connect.source.TransactionContext}.
 */
package io.aqueduct.connect.source;
