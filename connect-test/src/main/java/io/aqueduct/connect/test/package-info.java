/**
 * Real-broker test support shared by every module.
 *
 * <p>Annotate an integration test class ({@code *IT}, run by failsafe) with {@link io.aqueduct.connect.test.KafkaIT}
 * and take a {@link io.aqueduct.connect.test.KafkaCluster} as a field or parameter:
 * <pre>{@code
 * @KafkaIT                       // or @KafkaIT(brokers = 3) for replication factor 3
 * class MyStoreIT {
 *     private KafkaCluster cluster;
 *
 *     @Test
 *     void roundTrip() {
 *         String topic = cluster.uniqueName("my-topic");
 *         cluster.createTopic(topic, 1, 1);
 *         cluster.produce(topic, "k", "v");
 *         assertEquals("v", cluster.consumeStringsUntil(topic, 1, Duration.ofSeconds(30)).get(0).value());
 *     }
 * }
 * }</pre>
 * Modules depend on {@code connect-test} with {@code <scope>test</scope>}, which also brings the Kafka broker
 * test kit. Add a {@code src/test/resources/logback-test.xml} that sets {@code org.apache.kafka}, {@code kafka}
 * and {@code state.change.logger} to WARN, or the brokers flood the build log. Set
 * {@code AQUEDUCT_TEST_BOOTSTRAP_SERVERS=host:port} to run the same tests against an existing cluster.
 */
package io.aqueduct.connect.test;
