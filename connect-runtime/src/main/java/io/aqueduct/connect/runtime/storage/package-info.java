/**
 * Durable worker state: the compacted-topic log ({@link io.aqueduct.connect.runtime.storage.KafkaBasedLog}) and
 * internal-topic creation ({@link io.aqueduct.connect.runtime.storage.TopicAdmin}) that the distributed stores
 * are built on, the source offset stores ({@link io.aqueduct.connect.runtime.storage.OffsetBackingStore}:
 * memory, file for standalone mode, Kafka topic for distributed mode) with the offsets byte format
 * ({@link io.aqueduct.connect.runtime.storage.OffsetCodec}) that Apache Kafka Connect also uses, and the status
 * store of distributed mode ({@link io.aqueduct.connect.runtime.storage.KafkaStatusBackingStore}) whose records
 * are Apache Kafka Connect's too.
 */
package io.aqueduct.connect.runtime.storage;
