package io.aqueduct.connect.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One repetition of one runtime in a single worker JVM: start-up time and memory (scenario 4), then the
 * throughput scenarios (1 and 2). Runs in standalone or, with one worker, in distributed mode.
 */
final class StandaloneSuite {

    private static final Logger log = LoggerFactory.getLogger(StandaloneSuite.class);
    static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    /** Time given to a fresh worker to finish its start-up work before its idle memory is read. */
    private static final long SETTLE_MILLIS = 3_000;

    static final Metric STARTUP = Metric.seconds("startup", "Start-up: process start to GET / answering");
    static final Metric RSS_IDLE = Metric.megabytes("rss.idle", "RSS, idle worker");

    private StandaloneSuite() {
    }

    static Metric rssWithConnectors(int connectors) {
        return Metric.megabytes("rss.connectors", "RSS, " + connectors + " FileStreamSource connectors RUNNING");
    }

    static void run(BenchContext ctx, ConnectRuntime runtime, ConnectRuntime.Mode mode, int rep, boolean throughput)
            throws Exception {
        List<Metric> metrics = metrics(ctx, throughput);
        metrics.forEach(metric -> ctx.results.declare(metric, mode.label()));
        String name = runtime.name().toLowerCase(java.util.Locale.ROOT) + "-" + mode.label() + "-rep" + rep;
        Path dir = ctx.newDir(name);
        int port = WorkerProcess.freePort();
        Path workerProps = ConnectorConfigs.write(dir.resolve("worker.properties"), mode == ConnectRuntime.Mode.STANDALONE
                ? ConnectorConfigs.standaloneWorker(ctx.broker.bootstrapServers(), port, dir.resolve("offsets"))
                : ConnectorConfigs.distributedWorker(ctx.broker.bootstrapServers(), port, BenchContext.unique("bench-" + name),
                        java.util.Map.of()));
        WorkerProcess worker;
        double startup;
        try {
            worker = WorkerProcess.launch(runtime, mode, workerProps, port, dir, "worker", ctx.jvmOptions());
            try {
                startup = worker.awaitRestReady(START_TIMEOUT);
            } catch (WorkerUnavailableException e) {
                worker.kill();
                throw e;
            }
        } catch (WorkerUnavailableException e) {
            log.warn("{} {} not available: {}", runtime.name(), mode.label(), e.getMessage());
            for (Metric metric : metrics) {
                ctx.results.unavailable(metric, mode.label(), runtime.name(), firstLine(e.getMessage()));
            }
            return;
        }
        try (worker) {
            ctx.results.record(STARTUP, mode.label(), runtime.name(), rep, startup);
            Thread.sleep(SETTLE_MILLIS);
            ctx.results.record(RSS_IDLE, mode.label(), runtime.name(), rep, worker.rssBytes() / 1048576.0);
            footprint(ctx, worker, runtime, mode, rep);
            if (throughput) {
                ThroughputScenarios.run(ctx, worker, runtime, mode, rep);
            }
        }
    }

    private static void footprint(BenchContext ctx, WorkerProcess worker, ConnectRuntime runtime, ConnectRuntime.Mode mode,
                                  int rep) throws Exception {
        int count = ctx.options.footprintConnectors();
        Path input = DataFiles.writeLines(ctx.runDir.resolve(BenchContext.unique("footprint") + ".txt"), 10);
        String topic = BenchContext.unique("footprint");
        ctx.broker.createTopic(topic, 1);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = "footprint-" + i;
            Connectors.create(worker.rest(), name, ConnectorConfigs.fileSource(input, topic, ConnectorConfigs.Format.STRING));
            names.add(name);
        }
        Connectors.awaitAllRunning(worker.rest(), 2 * count, START_TIMEOUT);
        Thread.sleep(SETTLE_MILLIS);
        ctx.results.record(rssWithConnectors(count), mode.label(), runtime.name(), rep, worker.rssBytes() / 1048576.0);
        for (String name : names) {
            Connectors.delete(worker.rest(), name);
        }
    }

    /** The rows this suite fills, in report order. */
    static List<Metric> metrics(BenchContext ctx, boolean throughput) {
        List<Metric> metrics = new ArrayList<>(List.of(STARTUP, RSS_IDLE, rssWithConnectors(ctx.options.footprintConnectors())));
        if (throughput) {
            metrics.addAll(ThroughputScenarios.metrics());
        }
        return metrics;
    }

    static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
