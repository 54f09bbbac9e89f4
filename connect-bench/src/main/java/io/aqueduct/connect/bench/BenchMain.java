package io.aqueduct.connect.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The side-by-side benchmark: starts one real Kafka broker, then runs every scenario against Aqueduct and
 * Apache Kafka Connect alternately (Aqueduct run 1, Apache run 1, Aqueduct run 2, ...), each worker in its own
 * JVM with the same options and the same configs, and prints (and writes) a Markdown report.
 * {@code bench/run.sh} builds what is needed and calls this.
 */
public final class BenchMain {

    private static final Logger log = LoggerFactory.getLogger(BenchMain.class);

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        String report = run(options);
        System.out.println(report);
        // The broker's and clients' non-daemon threads must not keep the JVM alive.
        System.exit(0);
    }

    /** What one run measured and the report made of it. */
    record Outcome(Results results, String report) {
    }

    /** Runs the benchmark and returns the report; writes it to {@code options.output()} too when that is set. */
    public static String run(BenchOptions options) throws Exception {
        return execute(options).report();
    }

    static Outcome execute(BenchOptions options) throws Exception {
        List<ConnectRuntime> runtimes = List.of(ConnectRuntime.aqueduct(options.aqueductClassPathFile()),
                ConnectRuntime.apache(options.apacheLibDir()));
        Path runDir = Files.createDirectories(options.runDir().toAbsolutePath());
        log.info("Benchmark run directory: {}", runDir);
        String loadBefore = MachineInfo.loadAverage();
        ZonedDateTime started = ZonedDateTime.now();
        Results results = new Results();
        try (BenchBroker broker = BenchBroker.start(runDir.resolve("kafka"))) {
            Path input = DataFiles.writeLines(runDir.resolve("input.txt"), options.lines());
            Map<ConnectorConfigs.Format, String> sinkInputs = new EnumMap<>(ConnectorConfigs.Format.class);
            for (ConnectorConfigs.Format format : ConnectorConfigs.Format.values()) {
                sinkInputs.put(format, RawClients.writeSinkInput(broker, options.lines(), format));
            }
            BenchContext ctx = new BenchContext(options, broker, runDir, input, results, sinkInputs);
            for (int rep = 1; rep <= options.repetitions(); rep++) {
                for (ConnectRuntime runtime : runtimes) {
                    for (ConnectRuntime.Mode mode : ConnectRuntime.Mode.values()) {
                        if (options.scenarios().contains(mode.label())) {
                            log.info("=== {} {} (one worker), repetition {}", runtime.name(), mode.label(), rep);
                            int repetition = rep;
                            guarded(ctx, runtime, rep, mode.label(), StandaloneSuite.metrics(ctx, true),
                                    () -> StandaloneSuite.run(ctx, runtime, mode, repetition, true));
                        }
                    }
                }
                if (options.scenarios().contains("raw")) {
                    log.info("=== raw clients, repetition {}", rep);
                    RawClients.run(ctx, rep);
                }
            }
            if (options.scenarios().contains("failover")) {
                for (DistributedSuite.Variant variant : variants(options)) {
                    for (int rep = 1; rep <= options.failoverRepetitions(); rep++) {
                        for (ConnectRuntime runtime : runtimes) {
                            log.info("=== {} {}, repetition {}", runtime.name(), variant.label(), rep);
                            int repetition = rep;
                            guarded(ctx, runtime, rep, variant.label(), DistributedSuite.METRICS,
                                    () -> DistributedSuite.run(ctx, runtime, variant, repetition));
                        }
                    }
                }
            }
            // The input is hundreds of MB in a full run; the logs and configs stay for inspection.
            Files.deleteIfExists(input);
        }
        String report = render(options, results, started, loadBefore, MachineInfo.loadAverage(), runtimes.get(1).version());
        if (options.output() != null) {
            Files.createDirectories(options.output().toAbsolutePath().getParent());
            Files.writeString(options.output(), report);
            log.info("Report written to {}", options.output().toAbsolutePath());
        }
        return new Outcome(results, report);
    }

    private interface Suite {
        void run() throws Exception;
    }

    /**
     * Runs one suite of one runtime; if it fails half-way (a worker dies, a connector never runs), the rows it
     * did not fill for this repetition say why and the benchmark goes on with the next suite.
     */
    private static void guarded(BenchContext ctx, ConnectRuntime runtime, int rep, String mode, List<Metric> metrics,
                                Suite suite) throws InterruptedException {
        try {
            suite.run();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            log.error("{} {} repetition {} failed; its remaining rows are reported as not available", runtime.name(),
                    mode, rep, e);
            String reason = "failed in repetition " + rep + ": " + StandaloneSuite.firstLine(String.valueOf(e.getMessage()));
            for (Metric metric : metrics) {
                Results.Cell cell = ctx.results.get(new Results.Row(metric, mode), runtime.name());
                if (cell == null || !cell.byRepetition.containsKey(rep)) {
                    ctx.results.unavailable(metric, mode, runtime.name(), reason);
                }
            }
        }
    }

    private static List<DistributedSuite.Variant> variants(BenchOptions options) {
        return options.failoverVariants().stream()
                .map(v -> v.equals("default") ? DistributedSuite.Variant.DEFAULT_DELAY : DistributedSuite.Variant.DELAY_10S)
                .toList();
    }

    static String render(BenchOptions options, Results results, ZonedDateTime started, String loadBefore,
                         String loadAfter, String apacheVersion) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("# Performance: Aqueduct and Apache Kafka Connect side by side\n\n");
        out.append("Generated by `connect-bench` (`io.aqueduct.connect.bench.BenchMain`) on ")
                .append(started.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append(". Do not edit by hand: rerun")
                .append(" the command below. What the profiles showed and what was changed because of them, with")
                .append(" before/after figures: [performance-investigations.md](performance-investigations.md).\n\n");
        out.append("## Command\n\n```sh\n").append(options.command()).append("\n```\n\n");
        out.append("## Machine\n\n").append(MachineInfo.describe())
                .append("- Load average (1/5/15 min) before: ").append(loadBefore).append("; after: ").append(loadAfter)
                .append("\n\n");
        out.append("## Set-up\n\n")
                .append("- One single-node KRaft broker (Kafka ").append(org.apache.kafka.common.utils.AppInfoParser.getVersion())
                .append(") in the benchmark's JVM; every worker in its own JVM on the same machine.\n")
                .append("- Apache Kafka Connect ").append(apacheVersion).append(" (connect-runtime, connect-file, connect-json")
                .append(" from Maven Central, log4j2) against Aqueduct (this build, logback); both log at INFO to a file.\n")
                .append("- Aqueduct's class path: `").append(options.aqueductClassPathFile()).append("`; source tree at git commit ")
                .append(MachineInfo.gitCommit()).append(".\n")
                .append("- Worker JVM options, both runtimes: `").append(String.join(" ", options.workerJvmOptions())).append("`\n")
                .append("- Identical worker and connector configs for both (Apache's key and converter class names);")
                .append(" `offset.flush.interval.ms=1000` for both.\n")
                .append("- ").append(String.format(java.util.Locale.ROOT, "%,d", options.lines()))
                .append(" lines of ").append(DataFiles.LINE_LENGTH).append(" bytes per throughput scenario; ")
                .append(options.repetitions()).append(" repetition(s) of the standalone/raw scenarios and ")
                .append(options.failoverRepetitions()).append(" of the failover scenarios, interleaved: Aqueduct run 1,")
                .append(" Apache run 1, Aqueduct run 2, ...; a fresh worker JVM per runtime and repetition.\n")
                .append("- Throughput: from the POST that creates the connector until every record is in the topic")
                .append(" (end offsets) or every line is in the sink's file, polled every ").append(Poll.INTERVAL_MILLIS)
                .append(" ms. CPU: user+system seconds of the worker process over the same window.\n")
                .append("- Failover cluster: two workers, ").append(options.failoverConnectors())
                .append(" FileStreamSource connectors with one task each.\n")
                .append("- Ratios are Aqueduct/Apache per pair of runs (same repetition); the median follows in brackets.")
                .append(" Whether higher or lower is better is in the \"Better\" column.\n")
                .append("- Reading the numbers: the machine may be shared (see the load average), so compare the two")
                .append(" runtimes within a pair of runs rather than absolute values across reports. A sink's file gets")
                .append(" its last lines at the latest at the offset commit (every second here). CPU time is counted in")
                .append(" clock ticks (10 ms), so small runs give coarse CPU figures.\n\n");
        out.append("## Results\n\n").append(Report.comparisonTable(results)).append('\n');
        if (options.scenarios().contains("raw")) {
            out.append("## Physical limit: the raw clients on the same broker\n\n").append(Report.rawClientTable(results))
                    .append('\n')
                    .append("The raw producer runs twice per repetition: in a JVM of its own, started with the workers' JVM")
                    .append(" options like a worker (cold JIT, its own heap), and inside the runner's JVM, which also hosts")
                    .append(" the broker and is warmed up by the earlier scenarios. Both send pre-encoded values from the")
                    .append(" first send until the flush; a source task also reads the file, builds, converts and tracks")
                    .append(" every record, and its clock starts at the POST (task start, producer creation and the")
                    .append(" metadata fetch included).\n\n")
                    .append(Report.sourceVersusRawTable(results)).append('\n');
        }
        if (options.jmhResults() != null && Files.exists(options.jmhResults())) {
            out.append("## JMH microbenchmarks (converters, in-process)\n\n```\n")
                    .append(Files.readString(options.jmhResults()).trim()).append("\n```\n");
        }
        return out.toString();
    }
}
