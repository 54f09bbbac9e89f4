package io.aqueduct.connect.quickstart;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The quickstart's worker: a separate JVM started through {@code bin/connect-distributed.sh}, exactly as a user
 * starts one, so it runs on the lean distribution class path ({@code libs/} and {@code plugins/}) and not on the
 * quickstart's own, which carries the broker. Its console output goes to a file in the log directory.
 */
final class ConnectWorker implements AutoCloseable {

    static final String GROUP_ID = "aqueduct-quickstart";
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(45);

    private final Process process;
    private final Path consoleLog;
    private final List<String> command;
    private final URI restUrl;

    private ConnectWorker(Process process, Path consoleLog, List<String> command, URI restUrl) {
        this.process = process;
        this.consoleLog = consoleLog;
        this.command = command;
        this.restUrl = restUrl;
    }

    /**
     * Writes the worker's configuration into the work directory and starts the worker.
     *
     * @throws QuickstartException if the REST port is taken or the script cannot be started
     */
    static ConnectWorker start(QuickstartOptions options, String bootstrapServers, Path logDir) {
        Ports.requireFree("--rest-port", options.restPort());
        Path script = options.home().resolve("bin").resolve("connect-distributed.sh");
        Path workerConfig = options.workDir().resolve("connect-distributed.properties");
        Path consoleLog = logDir.resolve("worker-console.log");
        List<String> command = List.of(script.toString(), workerConfig.toString());
        try {
            Files.writeString(workerConfig, workerProperties(options, bootstrapServers), StandardCharsets.UTF_8);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(options.home().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog.toFile()));
            builder.environment().put("AQUEDUCT_LOG_DIR", logDir.toString());
            URI restUrl = URI.create("http://localhost:" + options.restPort() + "/");
            return new ConnectWorker(builder.start(), consoleLog, command, restUrl);
        } catch (IOException e) {
            throw new QuickstartException("Cannot start the worker with " + String.join(" ", command) + ": " + e
                    + ". Check that the script exists and is executable.", e);
        }
    }

    /** A distributed worker of its own group, with internal topics sized for one broker. */
    static String workerProperties(QuickstartOptions options, String bootstrapServers) {
        return """
                # Written by bin/connect-quickstart.sh on every start; edit the script's options, not this file.
                # A distributed worker: connectors are created through the REST API and kept in Kafka topics.
                bootstrap.servers=%s
                group.id=%s
                config.storage.topic=%s-configs
                offset.storage.topic=%s-offsets
                status.storage.topic=%s-status
                # One broker: one replica each.
                config.storage.replication.factor=1
                offset.storage.replication.factor=1
                status.storage.replication.factor=1
                offset.storage.partitions=5
                status.storage.partitions=1
                # The demo moves lines of text: keep them readable in the topic.
                key.converter=io.aqueduct.connect.storage.StringConverter
                value.converter=io.aqueduct.connect.storage.StringConverter
                offset.flush.interval.ms=1000
                listeners=http://localhost:%d
                plugin.path=%s
                """.formatted(bootstrapServers, GROUP_ID, GROUP_ID, GROUP_ID, GROUP_ID, options.restPort(),
                options.home().resolve("plugins"));
    }

    URI restUrl() {
        return restUrl;
    }

    String commandLine() {
        return String.join(" ", command);
    }

    Path consoleLog() {
        return consoleLog;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    /** The last lines the worker printed, for failure messages. */
    List<String> tail(int lines) {
        try {
            List<String> all = Files.readAllLines(consoleLog, StandardCharsets.UTF_8);
            return new ArrayList<>(all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return List.of("(cannot read " + consoleLog + ": " + e.getMessage() + ")");
        }
    }

    /**
     * Asks the worker to stop (SIGTERM: it stops its tasks, commits offsets and leaves the group) and waits for it;
     * kills it if it does not stop in time.
     *
     * @return true if it stopped on its own
     */
    boolean stop() {
        if (!process.isAlive()) {
            return true;
        }
        process.destroy();
        try {
            if (process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
        return false;
    }

    @Override
    public void close() {
        stop();
    }
}
