package io.aqueduct.connect.bench;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The raw producer in a JVM of its own, started like a worker (same JVM options, cold JIT), so that a source
 * task's throughput can be set against the plain producer under the same conditions.
 *
 * <p>Arguments: result file, bootstrap servers, topic, record count, then producer settings as {@code key=value}.
 * Writes "records-per-second cpu-seconds" to the result file; both cover the first send to the end of the
 * flush, like the in-runner raw producer (the metadata fetch is outside the clock).
 */
public final class RawProducerMain {

    private RawProducerMain() {
    }

    public static void main(String[] args) throws Exception {
        Path resultFile = Path.of(args[0]);
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, args[1]);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        String topic = args[2];
        long lines = Long.parseLong(args[3]);
        for (int i = 4; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            props.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        byte[][] values = RawClients.values(lines);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
            producer.partitionsFor(topic);
            long cpuStart = os.getProcessCpuTime();
            long start = System.nanoTime();
            for (long i = 0; i < lines; i++) {
                producer.send(new ProducerRecord<>(topic, null, values[(int) (i % values.length)]));
            }
            producer.flush();
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
            Files.writeString(resultFile, String.format(Locale.ROOT, "%f %f%n", lines / seconds, cpuSeconds),
                    StandardCharsets.US_ASCII);
        }
    }
}
