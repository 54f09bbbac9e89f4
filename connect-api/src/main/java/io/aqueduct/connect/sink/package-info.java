/**
 * The sink side of the SPI: connectors and tasks that consume {@link io.aqueduct.connect.sink.SinkRecord}s
 * from Kafka topics and write them to an external system. The runtime owns the consumer: it delivers
 * batches to {@link io.aqueduct.connect.sink.SinkTask#put(java.util.Collection)} and commits consumer
 * offsets only as far as the task confirms through
 * {@link io.aqueduct.connect.sink.SinkTask#preCommit(java.util.Map)}.
 */
package io.aqueduct.connect.sink;
