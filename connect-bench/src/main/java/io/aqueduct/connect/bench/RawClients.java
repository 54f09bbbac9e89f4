package io.aqueduct.connect.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scenario 5, the physical limit: the plain Kafka producer and consumer on the same broker and data, with the
 * client settings each runtime gives its source tasks' producers and sink tasks' consumers. Also writes the
 * sink scenarios' input topics.
 */
final class RawClients {

    private static final Logger log = LoggerFactory.getLogger(RawClients.class);
    static final String MODE = "raw client";

    /**
     * Producer settings a runtime gives its source tasks' producers, as each logs them in its ProducerConfig
     * dump (Apache 4.3.1: acks=-1, enable.idempotence=false, max.in.flight.requests.per.connection=1, linger.ms=5).
     */
    enum ProducerProfile {
        // Must match ClientConfigs.producer in connect-runtime, or the "physical limit" row compares unlike things.
        AQUEDUCT("Aqueduct's source producer settings", Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5",
                ProducerConfig.LINGER_MS_CONFIG, "10",
                ProducerConfig.BATCH_SIZE_CONFIG, "262144")),
        APACHE("Apache's source producer settings", Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false",
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1",
                ProducerConfig.LINGER_MS_CONFIG, "5"));

        final String label;
        final Map<String, String> settings;

        ProducerProfile(String label, Map<String, String> settings) {
            this.label = label;
            this.settings = settings;
        }

        Metric metric() {
            return Metric.throughput("raw.producer." + name().toLowerCase(java.util.Locale.ROOT),
                    "Raw producer, " + label);
        }

        /** The same producer in a fresh JVM with the workers' JVM options, as a worker's producer runs. */
        Metric ownJvmMetric() {
            return Metric.throughput("raw.producer.jvm." + name().toLowerCase(java.util.Locale.ROOT),
                    "Raw producer in its own JVM (worker JVM options), " + label);
        }

        Metric ownJvmCpuMetric() {
            return Metric.cpuPerMillion("raw.producer.jvm.cpu." + name().toLowerCase(java.util.Locale.ROOT),
                    "Raw producer in its own JVM (worker JVM options), " + label);
        }
    }

    static final Metric CONSUMER = Metric.throughput("raw.consumer", "Raw consumer, sink consumer settings (both runtimes)");

    private RawClients() {
    }

    /** Writes {@code lines} records of {@code format} to a new topic, as fast as the producer goes. */
    static String writeSinkInput(BenchBroker broker, long lines, ConnectorConfigs.Format format) throws Exception {
        String topic = BenchContext.unique("sink-input-" + format.id);
        broker.createTopic(topic, 1);
        Map<String, Object> props = producerProps(broker, Map.of(ProducerConfig.LINGER_MS_CONFIG, "20",
                ProducerConfig.BATCH_SIZE_CONFIG, "262144"));
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
            for (long i = 0; i < lines; i++) {
                producer.send(new ProducerRecord<>(topic, null, format.encode(DataFiles.line(i)).getBytes(
                        java.nio.charset.StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
        return topic;
    }

    static List<Metric> metrics() {
        List<Metric> metrics = new java.util.ArrayList<>();
        for (ProducerProfile profile : ProducerProfile.values()) {
            metrics.add(profile.metric());
            metrics.add(profile.ownJvmMetric());
            metrics.add(profile.ownJvmCpuMetric());
        }
        metrics.add(CONSUMER);
        return metrics;
    }

    static void run(BenchContext ctx, int rep) throws Exception {
        metrics().forEach(metric -> ctx.results.declare(metric, MODE));
        long lines = ctx.options.lines();
        byte[][] values = values(lines);
        for (ProducerProfile profile : ProducerProfile.values()) {
            runInOwnJvm(ctx, rep, profile);
            String topic = BenchContext.unique("raw-" + profile.name().toLowerCase(java.util.Locale.ROOT));
            ctx.broker.createTopic(topic, 1);
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps(ctx.broker, profile.settings))) {
                // The first send waits for metadata; keep it out of the clock as a runtime's producer has it too.
                producer.partitionsFor(topic);
                long start = System.nanoTime();
                for (long i = 0; i < lines; i++) {
                    producer.send(new ProducerRecord<>(topic, null, values[(int) (i % values.length)]));
                }
                producer.flush();
                double seconds = (System.nanoTime() - start) / 1e9;
                ctx.results.record(profile.metric(), MODE, MODE, rep, lines / seconds);
                log.info("Raw producer ({}): {} records/s", profile, String.format("%.0f", lines / seconds));
            }
        }
        consume(ctx, rep, ctx.sinkInputTopics.get(ConnectorConfigs.Format.STRING));
    }

    /** The values the raw producers send: the benchmark's lines, at most 100,000 distinct ones. */
    static byte[][] values(long lines) {
        byte[][] values = new byte[(int) Math.min(lines, 100_000)][];
        for (int i = 0; i < values.length; i++) {
            values[i] = DataFiles.line(i).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
        return values;
    }

    private static void runInOwnJvm(BenchContext ctx, int rep, ProducerProfile profile) throws Exception {
        String topic = BenchContext.unique("raw-jvm-" + profile.name().toLowerCase(java.util.Locale.ROOT));
        ctx.broker.createTopic(topic, 1);
        Path dir = ctx.newDir("raw-producer-" + profile.name().toLowerCase(java.util.Locale.ROOT) + "-rep" + rep);
        Path result = dir.resolve("result.txt");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ctx.jvmOptions());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), RawProducerMain.class.getName(),
                result.toString(), ctx.broker.bootstrapServers(), topic, Long.toString(ctx.options.lines())));
        profile.settings.forEach((key, value) -> command.add(key + "=" + value));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("producer.out").toFile()).start();
        boolean exited = process.waitFor(ctx.throughputTimeout().toSeconds(), TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        if (!exited || process.exitValue() != 0 || !Files.exists(result)) {
            String reason = exited ? "exited with " + process.exitValue() + ", see " + dir.resolve("producer.out")
                    : "no result within " + ctx.throughputTimeout().toSeconds() + " s";
            ctx.results.unavailable(profile.ownJvmMetric(), MODE, MODE, reason);
            return;
        }
        String[] parts = Files.readString(result).trim().split("\\s+");
        double recordsPerSecond = Double.parseDouble(parts[0]);
        double cpuSeconds = Double.parseDouble(parts[1]);
        ctx.results.record(profile.ownJvmMetric(), MODE, MODE, rep, recordsPerSecond);
        ctx.results.record(profile.ownJvmCpuMetric(), MODE, MODE, rep, cpuSeconds / (ctx.options.lines() / 1e6));
        log.info("Raw producer in its own JVM ({}): {} records/s", profile, String.format("%.0f", recordsPerSecond));
    }

    private static void consume(BenchContext ctx, int rep, String topic) {
        long lines = ctx.options.lines();
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ctx.broker.bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long start = System.nanoTime();
            long read = 0;
            long deadline = start + ctx.throughputTimeout().toNanos();
            while (read < lines && System.nanoTime() < deadline) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
                read += records.count();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (read >= lines) {
                ctx.results.record(CONSUMER, MODE, MODE, rep, lines / seconds);
                log.info("Raw consumer: {} records/s", String.format("%.0f", lines / seconds));
            } else {
                ctx.results.unavailable(CONSUMER, MODE, MODE, "read " + read + " of " + lines + " before the deadline");
            }
        }
    }

    private static Map<String, Object> producerProps(BenchBroker broker, Map<String, String> settings) {
        Map<String, Object> props = new HashMap<>(settings);
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return props;
    }
}
