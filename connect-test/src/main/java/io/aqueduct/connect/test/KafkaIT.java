package io.aqueduct.connect.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that runs against a real Kafka cluster.
 *
 * <p>One cluster is started for the annotated class (shared by its {@code @Nested} classes) before the first
 * test and closed after the last one. Tests get at it by declaring a {@link KafkaCluster} parameter (test,
 * lifecycle and constructor parameters) or a {@link KafkaCluster} field (static fields are filled before
 * {@code @BeforeAll}, instance fields before {@code @BeforeEach}).
 *
 * <p>By default the cluster is one in-JVM KRaft node acting as broker and controller. With
 * {@code brokers = 3} it is three brokers plus one separate controller (a multi-node <em>combined</em> cluster
 * is broken in the Kafka test kit, so it is never built). When the environment variable
 * {@value KafkaClusterExtension#EXTERNAL_BOOTSTRAP_ENV} is set, no cluster is started: the tests run against
 * that external cluster, and a class asking for more brokers than it has is skipped.
 *
 * <p>Every test method gets a default timeout of 3 minutes (override with {@code @Timeout} on a method), and
 * the class carries the JUnit tag {@code kafka}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(KafkaClusterExtension.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
@Tag("kafka")
public @interface KafkaIT {

    /**
     * Number of brokers: 1 (one combined broker+controller node) or more (that many brokers plus one isolated
     * controller). Ask for 3 when a test needs replication factor 3.
     */
    int brokers() default 1;

    /**
     * Extra broker settings as {@code key=value} strings, applied to every broker of an embedded cluster on
     * top of the harness defaults (for example {@code "auto.create.topics.enable=false"}). Ignored for an
     * external cluster.
     */
    String[] brokerConfig() default {};
}
