package io.aqueduct.connect.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Command-line options of the side-by-side benchmark.
 *
 * @param lines records per throughput scenario
 * @param repetitions repetitions of every standalone and raw-client scenario, per runtime
 * @param failoverRepetitions repetitions of the distributed scenarios, per runtime and delay variant
 * @param scenarios which groups run: standalone, distributed, failover, raw
 * @param failoverVariants which {@code scheduled.rebalance.max.delay.ms} settings the failover runs with
 * @param footprintConnectors connectors running for the "RSS with connectors" measurement
 * @param failoverConnectors connectors (one task each) in the failover cluster
 * @param failoverTimeout how long a handover may take before it is reported as timed out
 * @param workerJvmOptions JVM options of every worker of both runtimes
 * @param output the Markdown report to write (null: print only)
 * @param runDir where workers' configs, logs and data go
 * @param aqueductClassPathFile the file connect-bench's build wrote Aqueduct's class path to
 * @param apacheLibDir the directory of Apache Kafka Connect's jars
 * @param command the command line shown in the report
 * @param jmhResults a JMH text result file to include in the report, or null
 * @param smoke whether this is the CI smoke run
 */
record BenchOptions(long lines, int repetitions, int failoverRepetitions, Set<String> scenarios, Set<String> failoverVariants,
                    int footprintConnectors, int failoverConnectors, Duration failoverTimeout, List<String> workerJvmOptions,
                    Path output, Path runDir, Path aqueductClassPathFile, Path apacheLibDir, String command, Path jmhResults,
                    boolean smoke) {

    static final Set<String> ALL_SCENARIOS = Set.of("standalone", "distributed", "failover", "raw");
    static final Set<String> ALL_VARIANTS = java.util.Collections.unmodifiableSet(
            new LinkedHashSet<>(List.of("default", "delay10s")));
    static final String USAGE = """
            usage: BenchMain [--smoke] [--reps N] [--lines N] [--scenarios standalone,distributed,failover,raw]
                             [--failover-reps N] [--failover-variants default,delay10s] [--failover-connectors N]
                             [--failover-timeout SECONDS] [--footprint-connectors N] [--worker-jvm-opts "OPTS"]
                             [--out FILE|-] [--run-dir DIR] [--aqueduct-classpath FILE] [--apache-lib DIR]
                             [--command "TEXT"] [--jmh-results FILE]""";

    static BenchOptions parse(String... args) {
        boolean smoke = Arrays.asList(args).contains("--smoke");
        long lines = smoke ? 2_000 : 2_000_000;
        int reps = smoke ? 1 : 3;
        Integer failoverReps = null;
        Set<String> scenarios = smoke ? new LinkedHashSet<>(List.of("standalone", "raw")) : new LinkedHashSet<>(ALL_SCENARIOS);
        Set<String> variants = new LinkedHashSet<>(ALL_VARIANTS);
        int footprint = smoke ? 3 : 20;
        int failoverConnectors = 4;
        long failoverTimeout = 400;
        List<String> jvm = List.of("-Xms256m", "-Xmx1g", "-XX:+UseG1GC", "-Djava.awt.headless=true");
        // The smoke run proves the tool works; its numbers must not replace the published ones.
        Path output = smoke ? Path.of("connect-bench", "target", "smoke-performance.md") : Path.of("docs", "performance.md");
        Path runDir = Path.of("connect-bench", "target", "bench-run-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Path aqueductClassPath = Path.of(System.getProperty("bench.aqueduct.classpath", "connect-bench/target/aqueduct.classpath"));
        Path apacheLib = Path.of(System.getProperty("bench.apache.lib", "connect-bench/target/apache-connect/lib"));
        String command = "bench/run.sh " + String.join(" ", args);
        Path jmhResults = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--smoke" -> { }
                case "--reps" -> reps = positive(arg, value(args, ++i));
                case "--lines" -> lines = positive(arg, value(args, ++i));
                case "--failover-reps" -> failoverReps = positive(arg, value(args, ++i));
                case "--scenarios" -> scenarios = subset(arg, value(args, ++i), ALL_SCENARIOS);
                case "--failover-variants" -> variants = subset(arg, value(args, ++i), ALL_VARIANTS);
                case "--failover-connectors" -> failoverConnectors = positive(arg, value(args, ++i));
                case "--failover-timeout" -> failoverTimeout = positive(arg, value(args, ++i));
                case "--footprint-connectors" -> footprint = positive(arg, value(args, ++i));
                case "--worker-jvm-opts" -> jvm = List.of(value(args, ++i).trim().split("\\s+"));
                case "--out" -> {
                    String out = value(args, ++i);
                    output = out.equals("-") ? null : Path.of(out);
                }
                case "--run-dir" -> runDir = Path.of(value(args, ++i));
                case "--aqueduct-classpath" -> aqueductClassPath = Path.of(value(args, ++i));
                case "--apache-lib" -> apacheLib = Path.of(value(args, ++i));
                case "--command" -> command = value(args, ++i);
                case "--jmh-results" -> jmhResults = Path.of(value(args, ++i));
                default -> throw new IllegalArgumentException("Unknown option " + arg + "\n" + USAGE);
            }
        }
        return new BenchOptions(lines, reps, failoverReps == null ? reps : failoverReps, scenarios, variants, footprint,
                failoverConnectors, Duration.ofSeconds(failoverTimeout), jvm, output, runDir, aqueductClassPath, apacheLib,
                command, jmhResults, smoke);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value\n" + USAGE);
        }
        return args[i];
    }

    private static int positive(String option, String value) {
        try {
            int number = Integer.parseInt(value.replace("_", "").replace(",", ""));
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be a positive whole number, was '" + value + "'");
    }

    private static Set<String> subset(String option, String value, Set<String> allowed) {
        Set<String> chosen = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String item : value.split(",")) {
            String trimmed = item.trim();
            if (allowed.contains(trimmed)) {
                chosen.add(trimmed);
            } else if (!trimmed.isEmpty()) {
                unknown.add(trimmed);
            }
        }
        if (!unknown.isEmpty() || chosen.isEmpty()) {
            throw new IllegalArgumentException(option + " takes a comma-separated list of " + allowed + ", was '" + value + "'");
        }
        return chosen;
    }
}
