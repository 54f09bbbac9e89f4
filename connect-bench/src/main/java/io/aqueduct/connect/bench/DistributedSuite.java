package io.aqueduct.connect.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scenario 3 with two distributed workers of one group: scale-out (a second worker joins and takes its share),
 * graceful stop (SIGTERM, the survivor takes everything), scale-out again, then failover (SIGKILL). Each time
 * is measured from the signal or the process start to the first poll of the survivor's (or newcomer's)
 * {@code GET /connectors?expand=status} that shows the goal reached.
 */
final class DistributedSuite {

    private static final Logger log = LoggerFactory.getLogger(DistributedSuite.class);

    /** One setting of {@code scheduled.rebalance.max.delay.ms}: the runtime's default, or an override. */
    record Variant(String label, Map<String, String> overrides) {
        static final Variant DEFAULT_DELAY = new Variant("distributed, default delay", Map.of());
        static final Variant DELAY_10S = new Variant("distributed, delay 10 s",
                Map.of("scheduled.rebalance.max.delay.ms", "10000"));
    }

    static final Metric SCALE_OUT = Metric.seconds("scale-out", "Scale-out: new worker start to running its share");
    static final Metric GRACEFUL = Metric.seconds("graceful", "Graceful stop (SIGTERM) to all RUNNING on the survivor");
    static final Metric FAILOVER = Metric.seconds("failover", "Failover: SIGKILL to all RUNNING on the survivor");
    static final List<Metric> METRICS = List.of(SCALE_OUT, GRACEFUL, FAILOVER);

    private DistributedSuite() {
    }

    static void run(BenchContext ctx, ConnectRuntime runtime, Variant variant, int rep) throws Exception {
        METRICS.forEach(metric -> ctx.results.declare(metric, variant.label()));
        String name = runtime.name().toLowerCase(java.util.Locale.ROOT) + "-failover-rep" + rep + "-"
                + (variant.overrides().isEmpty() ? "default" : "delay10s");
        Path dir = ctx.newDir(name);
        String group = BenchContext.unique("bench-" + name);
        int units = 2 * ctx.options.failoverConnectors();
        Duration timeout = ctx.options.failoverTimeout();

        WorkerProcess first;
        try {
            first = start(ctx, runtime, variant, dir, group, "worker-a");
        } catch (WorkerUnavailableException e) {
            log.warn("{} distributed not available: {}", runtime.name(), e.getMessage());
            for (Metric metric : METRICS) {
                ctx.results.unavailable(metric, variant.label(), runtime.name(), StandaloneSuite.firstLine(e.getMessage()));
            }
            return;
        }
        List<WorkerProcess> started = new java.util.ArrayList<>(List.of(first));
        try {
            Path input = DataFiles.writeLines(dir.resolve("input.txt"), 10);
            String topic = BenchContext.unique("failover");
            ctx.broker.createTopic(topic, 1);
            for (int i = 0; i < ctx.options.failoverConnectors(); i++) {
                Connectors.create(first.rest(), "failover-" + i,
                        ConnectorConfigs.fileSource(input, topic, ConnectorConfigs.Format.STRING));
            }
            Connectors.awaitAllRunning(first.rest(), units, StandaloneSuite.START_TIMEOUT);

            WorkerProcess second = scaleOut(ctx, runtime, variant, rep, dir, group, first, "worker-b", units, timeout);
            started.add(second);
            measureHandover(ctx, runtime, variant, rep, first, second, units, timeout, GRACEFUL, false);

            WorkerProcess third = scaleOut(ctx, runtime, variant, -1, dir, group, first, "worker-c", units, timeout);
            started.add(third);
            measureHandover(ctx, runtime, variant, rep, first, third, units, timeout, FAILOVER, true);
        } finally {
            for (WorkerProcess worker : started) {
                worker.close();
            }
        }
    }

    private static WorkerProcess start(BenchContext ctx, ConnectRuntime runtime, Variant variant, Path dir, String group,
                                       String workerName) throws WorkerUnavailableException, InterruptedException {
        int port = WorkerProcess.freePort();
        Path props;
        try {
            props = ConnectorConfigs.write(dir.resolve(workerName + ".properties"),
                    ConnectorConfigs.distributedWorker(ctx.broker.bootstrapServers(), port, group, variant.overrides()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        WorkerProcess worker = WorkerProcess.launch(runtime, ConnectRuntime.Mode.DISTRIBUTED, props, port, dir, workerName,
                ctx.jvmOptions());
        try {
            worker.awaitRestReady(StandaloneSuite.START_TIMEOUT);
        } catch (WorkerUnavailableException e) {
            worker.kill();
            throw e;
        }
        return worker;
    }

    /**
     * Starts a worker and waits until it runs half of the units (rounded down) and everything runs. Records
     * the time as scale-out unless {@code rep} is negative.
     */
    private static WorkerProcess scaleOut(BenchContext ctx, ConnectRuntime runtime, Variant variant, int rep, Path dir,
                                          String group, WorkerProcess first, String workerName, int units, Duration timeout)
            throws Exception {
        WorkerProcess joiner = start(ctx, runtime, variant, dir, group, workerName);
        long share = units / 2;
        boolean balanced = Poll.until(timeout, () -> {
            ClusterStatus status = ClusterStatus.read(first.rest());
            return status != null && status.allRunning(units) && status.runningOn(joiner.port()) >= share;
        });
        double seconds = (System.nanoTime() - joiner.startNanos()) / 1e9;
        if (rep >= 0) {
            if (balanced) {
                ctx.results.record(SCALE_OUT, variant.label(), runtime.name(), rep, seconds);
            } else {
                ctx.results.unavailable(SCALE_OUT, variant.label(), runtime.name(),
                        "new worker did not run " + share + " of " + units + " within " + timeout.toSeconds() + " s");
            }
        }
        if (!balanced) {
            // Without a share on the second worker the handover would measure nothing: go on anyway, the
            // handover then only waits for the survivor to show everything RUNNING.
            log.warn("{} {}: {} did not take its share of {} within {} s", runtime.name(), variant.label(), workerName,
                    units, timeout.toSeconds());
        }
        log.info("{} {} scale-out to {}: {} s", runtime.name(), variant.label(), workerName, String.format("%.2f", seconds));
        return joiner;
    }

    private static void measureHandover(BenchContext ctx, ConnectRuntime runtime, Variant variant, int rep,
                                        WorkerProcess survivor, WorkerProcess leaver, int units, Duration timeout,
                                        Metric metric, boolean kill) throws InterruptedException {
        long start = System.nanoTime();
        if (kill) {
            leaver.kill();
        } else {
            leaver.stopGracefully();
        }
        boolean handedOver = Poll.until(timeout, () -> {
            ClusterStatus status = ClusterStatus.read(survivor.rest());
            return status != null && status.allRunningOn(units, survivor.port());
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        if (handedOver) {
            ctx.results.record(metric, variant.label(), runtime.name(), rep, seconds);
        } else {
            ctx.results.unavailable(metric, variant.label(), runtime.name(),
                    "survivor did not run all " + units + " within " + timeout.toSeconds() + " s");
        }
        log.info("{} {} {}: {} s", runtime.name(), variant.label(), metric.id(), String.format("%.2f", seconds));
    }
}
