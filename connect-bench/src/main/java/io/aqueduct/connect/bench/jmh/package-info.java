/**
 * JMH microbenchmarks of the converters, each written twice (Aqueduct's class and Apache Kafka Connect's) so
 * one JMH run compares them: {@code bench/run.sh --jmh}, or
 * {@code java -cp connect-bench/target/classes:$(cat connect-bench/target/bench.classpath) org.openjdk.jmh.Main}.
 * Not run by the build's tests; the build only compiles them.
 */
package io.aqueduct.connect.bench.jmh;
