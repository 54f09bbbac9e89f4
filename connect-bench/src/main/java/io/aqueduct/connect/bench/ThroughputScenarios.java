package io.aqueduct.connect.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scenarios 1 and 2 on a running worker: FileStream source into Kafka, and Kafka into a FileStream sink, with
 * StringConverter and with JsonConverter (schemas enabled). The clock starts at the POST that creates the
 * connector and stops at the first poll that sees every record in the topic (end offsets) or every line in the
 * output file. Worker CPU is the difference of the process's CPU time over the same window.
 */
final class ThroughputScenarios {

    private static final Logger log = LoggerFactory.getLogger(ThroughputScenarios.class);

    private ThroughputScenarios() {
    }

    static Metric sourceRate(ConnectorConfigs.Format format) {
        return Metric.throughput("source." + format.id + ".rate", "FileStream source -> Kafka, " + format.label());
    }

    static Metric sourceCpu(ConnectorConfigs.Format format) {
        return Metric.cpuPerMillion("source." + format.id + ".cpu", "FileStream source -> Kafka, " + format.label());
    }

    static Metric sinkRate(ConnectorConfigs.Format format) {
        return Metric.throughput("sink." + format.id + ".rate", "Kafka -> FileStream sink, " + format.label());
    }

    static Metric sinkCpu(ConnectorConfigs.Format format) {
        return Metric.cpuPerMillion("sink." + format.id + ".cpu", "Kafka -> FileStream sink, " + format.label());
    }

    /** The rows of these scenarios, in report order. */
    static List<Metric> metrics() {
        List<Metric> metrics = new ArrayList<>();
        for (ConnectorConfigs.Format format : ConnectorConfigs.Format.values()) {
            metrics.add(sourceRate(format));
            metrics.add(sourceCpu(format));
        }
        for (ConnectorConfigs.Format format : ConnectorConfigs.Format.values()) {
            metrics.add(sinkRate(format));
            metrics.add(sinkCpu(format));
        }
        return metrics;
    }

    /** Runs all four throughput scenarios one after another on {@code worker}. */
    static void run(BenchContext ctx, WorkerProcess worker, ConnectRuntime runtime, ConnectRuntime.Mode mode, int rep)
            throws Exception {
        for (ConnectorConfigs.Format format : ConnectorConfigs.Format.values()) {
            source(ctx, worker, runtime, mode, rep, format);
        }
        for (ConnectorConfigs.Format format : ConnectorConfigs.Format.values()) {
            sink(ctx, worker, runtime, mode, rep, format);
        }
    }

    private static void source(BenchContext ctx, WorkerProcess worker, ConnectRuntime runtime, ConnectRuntime.Mode mode,
                               int rep, ConnectorConfigs.Format format) throws Exception {
        long lines = ctx.options.lines();
        String name = BenchContext.unique("source-" + format.id);
        String topic = name;
        ctx.broker.createTopic(topic, 1);
        Map<String, String> config = ConnectorConfigs.fileSource(ctx.inputFile, topic, format);

        double cpuBefore = worker.cpuSeconds();
        long start = System.nanoTime();
        Connectors.create(worker.rest(), name, config);
        boolean done = Poll.until(ctx.throughputTimeout(), () -> ctx.broker.endOffset(topic, 1) >= lines);
        long end = System.nanoTime();
        double cpuAfter = worker.cpuSeconds();

        if (done) {
            record(ctx, runtime, mode, rep, sourceRate(format), sourceCpu(format), lines, end - start, cpuAfter - cpuBefore);
        } else {
            String reason = "timed out after " + ctx.throughputTimeout().toSeconds() + " s with "
                    + ctx.broker.endOffset(topic, 1) + " of " + lines + " records";
            ctx.results.unavailable(sourceRate(format), mode.label(), runtime.name(), reason);
            log.warn("{} {} source {}: {}", runtime.name(), mode.label(), format.id, reason);
        }
        Connectors.delete(worker.rest(), name);
    }

    private static void sink(BenchContext ctx, WorkerProcess worker, ConnectRuntime runtime, ConnectRuntime.Mode mode,
                             int rep, ConnectorConfigs.Format format) throws Exception {
        long lines = ctx.options.lines();
        String name = BenchContext.unique("sink-" + format.id);
        Path output = ctx.runDir.resolve(name + ".txt");
        Map<String, String> config = ConnectorConfigs.fileSink(output, ctx.sinkInputTopics.get(format), format);
        DataFiles.GrowingLineCounter counter = new DataFiles.GrowingLineCounter(output);

        double cpuBefore = worker.cpuSeconds();
        long start = System.nanoTime();
        Connectors.create(worker.rest(), name, config);
        boolean done = Poll.until(ctx.throughputTimeout(), () -> count(counter) >= lines);
        long end = System.nanoTime();
        double cpuAfter = worker.cpuSeconds();

        if (done) {
            record(ctx, runtime, mode, rep, sinkRate(format), sinkCpu(format), lines, end - start, cpuAfter - cpuBefore);
        } else {
            String reason = "timed out after " + ctx.throughputTimeout().toSeconds() + " s with " + count(counter)
                    + " of " + lines + " lines";
            ctx.results.unavailable(sinkRate(format), mode.label(), runtime.name(), reason);
            log.warn("{} {} sink {}: {}", runtime.name(), mode.label(), format.id, reason);
        }
        Connectors.delete(worker.rest(), name);
        java.nio.file.Files.deleteIfExists(output);
    }

    private static void record(BenchContext ctx, ConnectRuntime runtime, ConnectRuntime.Mode mode, int rep, Metric rate,
                               Metric cpu, long lines, long nanos, double cpuSeconds) {
        double seconds = nanos / 1e9;
        ctx.results.record(rate, mode.label(), runtime.name(), rep, lines / seconds);
        ctx.results.record(cpu, mode.label(), runtime.name(), rep, cpuSeconds / lines * 1_000_000);
        log.info("{} {} {}: {} records in {} s = {} records/s, {} CPU-s", runtime.name(), mode.label(), rate.id(), lines,
                String.format("%.2f", seconds), String.format("%.0f", lines / seconds), String.format("%.2f", cpuSeconds));
    }

    private static long count(DataFiles.GrowingLineCounter counter) {
        try {
            return counter.lines();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
