package io.aqueduct.connect.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What every scenario shares in one run: options, the broker, the input data, the run directory, the results. */
final class BenchContext {

    final BenchOptions options;
    final BenchBroker broker;
    final Path runDir;
    final Path inputFile;
    final Results results;
    /** Topics holding the same data as the input file, in each format, written once for the sink scenarios. */
    final Map<ConnectorConfigs.Format, String> sinkInputTopics;

    BenchContext(BenchOptions options, BenchBroker broker, Path runDir, Path inputFile, Results results,
                 Map<ConnectorConfigs.Format, String> sinkInputTopics) {
        this.options = options;
        this.broker = broker;
        this.runDir = runDir;
        this.inputFile = inputFile;
        this.results = results;
        this.sinkInputTopics = sinkInputTopics;
    }

    /** Same JVM options for every worker of either runtime. */
    List<String> jvmOptions() {
        return options.workerJvmOptions();
    }

    /** How long one throughput scenario may take before it is reported as timed out. */
    Duration throughputTimeout() {
        return Duration.ofSeconds(60 + options.lines() / 5_000);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    Path newDir(String name) throws IOException {
        return Files.createDirectories(runDir.resolve(name));
    }
}
