package io.aqueduct.connect.bench.jmh;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Apache Kafka Connect's JsonConverter on the same struct of 10 fields as
 * {@link AqueductJsonConverterBenchmark}, both directions, with and without the schema envelope.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class ApacheJsonConverterBenchmark {

    private static final String TOPIC = "bench";

    @Param({"true", "false"})
    public boolean schemas;

    private JsonConverter converter;
    private Schema schema;
    private Struct struct;
    private byte[] serialized;

    @Setup
    public void setUp() {
        converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", Boolean.toString(schemas)), false);
        schema = SchemaBuilder.struct().name("io.aqueduct.bench.Customer")
                .field("id", Schema.INT64_SCHEMA)
                .field("name", Schema.STRING_SCHEMA)
                .field("age", Schema.INT32_SCHEMA)
                .field("score", Schema.FLOAT64_SCHEMA)
                .field("active", Schema.BOOLEAN_SCHEMA)
                .field("city", Schema.STRING_SCHEMA)
                .field("zip", Schema.OPTIONAL_INT32_SCHEMA)
                .field("balance", Schema.FLOAT32_SCHEMA)
                .field("tag", Schema.OPTIONAL_STRING_SCHEMA)
                .field("created", Schema.INT64_SCHEMA)
                .build();
        struct = new Struct(schema)
                .put("id", 1234567890123L)
                .put("name", "Ada Lovelace")
                .put("age", 36)
                .put("score", 98.6)
                .put("active", true)
                .put("city", "London")
                .put("zip", 10115)
                .put("balance", 1024.5f)
                .put("tag", "analytical-engine")
                .put("created", 1_700_000_000_000L);
        serialized = converter.fromConnectData(TOPIC, schema, struct);
    }

    @Benchmark
    public byte[] fromConnectData() {
        return converter.fromConnectData(TOPIC, schema, struct);
    }

    @Benchmark
    public SchemaAndValue toConnectData() {
        return converter.toConnectData(TOPIC, serialized);
    }
}
