package io.aqueduct.connect.bench.jmh;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.aqueduct.connect.data.Schema;
import io.aqueduct.connect.data.SchemaAndValue;
import io.aqueduct.connect.storage.StringConverter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Aqueduct's StringConverter on one 100-byte line (the FileStream scenarios' record), both directions.
 * {@link ApacheStringConverterBenchmark} is the same on Apache's converter.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class AqueductStringConverterBenchmark {

    private static final String TOPIC = "bench";
    static final String LINE = "line-0000000042-" + "abcdefghijklmnopqrstuvwxyz".repeat(4).substring(0, 84);

    private StringConverter converter;
    private byte[] serialized;

    @Setup
    public void setUp() {
        converter = new StringConverter();
        converter.configure(Map.of(), false);
        serialized = LINE.getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public byte[] fromConnectData() {
        return converter.fromConnectData(TOPIC, Schema.STRING_SCHEMA, LINE);
    }

    @Benchmark
    public SchemaAndValue toConnectData() {
        return converter.toConnectData(TOPIC, serialized);
    }
}
