package io.aqueduct.connect.quickstart;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * One run of the quickstart, step by step: broker, worker, connectors, records flowing; then either stop
 * ({@code --demo-and-exit}) or keep reporting progress until Ctrl-C. Every wait has a deadline and fails with a
 * message that names the step, the log to read and the fix.
 */
final class QuickstartRun {

    private static final Logger log = LoggerFactory.getLogger(QuickstartRun.class);
    private static final long PROGRESS_INTERVAL_MILLIS = 1_000;

    private final QuickstartOptions options;
    private final Path logDir;
    private final Console console;
    private final DemoPipeline demo;
    private final long deadlineNanos;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile EmbeddedBroker broker;
    private volatile ConnectWorker worker;
    private volatile DemoTopic topic;
    private volatile boolean stopRequested;
    private String lastProgress = "";

    QuickstartRun(QuickstartOptions options, Path logDir, Console console) {
        this.options = options;
        this.logDir = logDir;
        this.console = console;
        this.demo = new DemoPipeline(options.workDir().resolve("demo"));
        this.deadlineNanos = System.nanoTime() + options.timeout().toNanos();
    }

    /** Runs until done (demo mode), until a failure, or until Ctrl-C. Returns the exit code. */
    int run() {
        Thread hook = new Thread(this::stopOnSignal, "quickstart-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            startBroker();
            if (options.brokerOnly()) {
                printBrokerHints();
                awaitStop();
                return 0;
            }
            startWorker();
            createConnectors();
            awaitRunning(DemoPipeline.SOURCE);
            awaitRunning(DemoPipeline.SINK);
            awaitSampleLines();
            if (options.demoAndExit()) {
                stopAll();
                return 0;
            }
            printHints();
            followProgress();
            return 0;
        } catch (QuickstartException e) {
            if (stopRequested) {
                return 0;
            }
            log.error("Quickstart failed", e);
            console.step("FAILED: " + e.getMessage());
            printWorkerTail();
            stopAll();
            return 1;
        }
    }

    private void startBroker() {
        console.step("Starting a Kafka broker (KRaft, single node) on localhost:" + options.brokerPort()
                + ", data in " + options.workDir().resolve("kafka"));
        broker = new EmbeddedBroker(options.workDir().resolve("kafka"), options.brokerPort(), options.controllerPort());
        broker.start(options.timeout());
        topic = new DemoTopic(broker.bootstrapServers(), DemoPipeline.TOPIC);
        console.step("Kafka broker up at " + broker.bootstrapServers()
                + (broker.formattedNow() ? " (new data directory)" : " (resumed the data of an earlier run)"));
    }

    private void startWorker() {
        worker = ConnectWorker.start(options, broker.bootstrapServers(), logDir);
        console.step("Starting a distributed worker: " + worker.commandLine());
        console.step("  worker logs: " + logDir.resolve("connect.log") + " (console output: " + worker.consoleLog() + ")");
        ConnectRestClient rest = rest();
        JsonNode root = poll("the worker's REST API at " + worker.restUrl() + " to answer", () -> {
            ConnectRestClient.Reply connectors = rest.get("connectors");
            return connectors.ok() ? rest.get("").body() : null;
        });
        console.step("Worker up: REST API at " + worker.restUrl() + " (version " + root.path("version").asText("?") + ")");
        List<String> plugins = new ArrayList<>();
        ConnectRestClient.Reply reply = call(() -> rest.get("connector-plugins"));
        for (JsonNode plugin : reply.body()) {
            String className = plugin.path("class").asText();
            plugins.add(className.substring(className.lastIndexOf('.') + 1));
        }
        if (!plugins.contains("FileStreamSourceConnector") || !plugins.contains("FileStreamSinkConnector")) {
            throw new QuickstartException("The worker has no file connectors (it lists " + plugins + "). In an "
                    + "unpacked distribution they live in plugins/connect-file/; in a source tree, build with ./mvnw "
                    + "-B package -DskipTests.");
        }
        console.step("  connector plugins: " + String.join(", ", plugins));
    }

    private void createConnectors() {
        boolean wroteSample;
        try {
            wroteSample = demo.writeSampleInput();
        } catch (IOException e) {
            throw new QuickstartException("Cannot write the sample input " + demo.input() + ": " + e, e);
        }
        console.step((wroteSample ? "Wrote " + DemoPipeline.SAMPLE_LINES.size() + " sample lines to "
                : "Keeping the input of an earlier run: ") + demo.input());
        if (topic.createIfAbsent()) {
            console.step("Created topic " + DemoPipeline.TOPIC);
        }
        putConnector(DemoPipeline.SOURCE, demo.sourceConfig(),
                "FileStreamSource: " + demo.input().getFileName() + " -> topic " + DemoPipeline.TOPIC);
        putConnector(DemoPipeline.SINK, demo.sinkConfig(),
                "FileStreamSink: topic " + DemoPipeline.TOPIC + " -> " + demo.output().getFileName());
    }

    private void putConnector(String name, Map<String, String> config, String what) {
        ConnectRestClient rest = rest();
        ConnectRestClient.Reply reply = poll("PUT /connectors/" + name + "/config to be accepted", () -> {
            ConnectRestClient.Reply attempt = rest.put("connectors/" + name + "/config", config);
            if (attempt.ok()) {
                return attempt;
            }
            // 409: the group is rebalancing; 5xx: the worker is not ready yet. Both pass; anything else is final.
            if (attempt.status() != 409 && attempt.status() < 500) {
                throw new QuickstartException("The worker rejected connector " + name + " (HTTP " + attempt.status()
                        + "): " + attempt.message());
            }
            return null;
        });
        console.step((reply.status() == 201 ? "Created" : "Updated") + " connector " + name + " (" + what + ")");
    }

    private void awaitRunning(String name) {
        ConnectRestClient rest = rest();
        String[] lastState = {""};
        ConnectRestClient.Reply running = poll("connector " + name + " and its task to be RUNNING", () -> {
            ConnectRestClient.Reply reply = rest.get("connectors/" + name + "/status");
            if (!reply.ok()) {
                return null;
            }
            String trace = DemoPipeline.failureTrace(reply.body());
            if (trace != null) {
                throw new QuickstartException("Connector " + name + " FAILED: " + trace);
            }
            String state = DemoPipeline.describeStatus(reply.body());
            if (!state.equals(lastState[0]) && !DemoPipeline.isRunning(reply.body())) {
                console.step("  " + name + ": " + state);
                lastState[0] = state;
            }
            return DemoPipeline.isRunning(reply.body()) ? reply : null;
        });
        console.step("Connector " + name + " " + DemoPipeline.describeStatus(running.body()));
    }

    private void awaitSampleLines() {
        poll("every line of " + demo.input() + " to arrive in " + demo.output(), () -> {
            reportProgress();
            return demo.missingFromOutput().isEmpty() ? Boolean.TRUE : null;
        });
        int lines = read(demo::inputLines).size();
        console.step("Records flowing: all " + lines + " input lines arrived in " + demo.output());
    }

    private void reportProgress() throws IOException {
        long records = topic.recordCount();
        String progress = "Records flowing: " + demo.inputLines().size() + " lines in " + demo.input().getFileName()
                + " -> " + (records < 0 ? "?" : Long.toString(records)) + " records in topic " + DemoPipeline.TOPIC
                + " -> " + demo.outputLines().size() + " lines in " + demo.output().getFileName();
        if (!progress.equals(lastProgress)) {
            console.step(progress);
            lastProgress = progress;
        }
    }

    private void printBrokerHints() {
        console.text("""

                The broker runs until Ctrl-C. Point clients and workers at it with bootstrap.servers=%s, e.g.
                  bin/connect-distributed.sh config/connect-distributed.properties
                Data stay in %s; run again to resume, delete the directory to start over.
                """.formatted(broker.bootstrapServers(), options.workDir().resolve("kafka")));
    }

    private void printHints() {
        String url = worker.restUrl().toString();
        console.text("""

                The pipeline runs until Ctrl-C. Output file: %s
                Add lines and watch them arrive:
                  echo "hello, Aqueduct" >> %s
                  tail -f %s
                Try the REST API:
                  curl -s %s
                  curl -s %sconnector-plugins
                  curl -s '%sconnectors?expand=status'
                  curl -s %sconnectors/%s/status
                  curl -s -X PUT %sconnectors/%s/pause
                  curl -s -X PUT %sconnectors/%s/resume
                Kafka: bootstrap.servers=%s. Logs: %s. Data: %s (run again to resume, delete it to start over).
                """.formatted(demo.output(), demo.input(), demo.output(), url, url, url, url, DemoPipeline.SINK,
                url, DemoPipeline.SOURCE, url, DemoPipeline.SOURCE, broker.bootstrapServers(), logDir,
                options.workDir()));
    }

    /** Reports the counts whenever they change, until Ctrl-C or until the worker dies. */
    private void followProgress() {
        while (!stopRequested) {
            if (!worker.isAlive()) {
                throw new QuickstartException("The worker exited unexpectedly with code " + worker.exitValue()
                        + "; see " + logDir.resolve("connect.log") + ".");
            }
            try {
                reportProgress();
            } catch (IOException e) {
                log.warn("Cannot read the demo files", e);
            }
            try {
                if (stopped.await(PROGRESS_INTERVAL_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void awaitStop() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private interface Attempt<T> {
        /** The result, or null to try again after a pause. */
        T run() throws IOException;
    }

    /**
     * Retries {@code attempt} until it returns a result, the run's deadline passes, or the worker dies. I/O errors
     * count as "not yet" (the worker may still be starting).
     */
    private <T> T poll(String what, Attempt<T> attempt) {
        IOException lastError = null;
        while (System.nanoTime() < deadlineNanos) {
            if (stopRequested) {
                throw new QuickstartException("Stopped while waiting for " + what);
            }
            if (worker != null && !worker.isAlive()) {
                throw new QuickstartException("The worker exited with code " + worker.exitValue() + " while waiting for "
                        + what + "; see " + logDir.resolve("connect.log") + ".");
            }
            try {
                T result = attempt.run();
                if (result != null) {
                    return result;
                }
            } catch (IOException e) {
                lastError = e;
            }
            Pause.briefly();
        }
        throw new QuickstartException("Timed out after " + options.timeout().toSeconds() + " s waiting for " + what
                + (lastError == null ? "" : " (last error: " + lastError + ")") + ". Logs: " + logDir
                + ". A slow machine may need a longer --timeout.");
    }

    private ConnectRestClient.Reply call(Attempt<ConnectRestClient.Reply> request) {
        return poll("the worker's REST API", () -> {
            ConnectRestClient.Reply reply = request.run();
            return reply.ok() ? reply : null;
        });
    }

    private ConnectRestClient rest() {
        return new ConnectRestClient(worker.restUrl());
    }

    private interface Read<T> {
        T run() throws IOException;
    }

    private <T> T read(Read<T> read) {
        try {
            return read.run();
        } catch (IOException e) {
            throw new QuickstartException("Cannot read the demo files in " + demo.input().getParent() + ": " + e, e);
        }
    }

    private void printWorkerTail() {
        if (worker == null) {
            return;
        }
        List<String> tail = worker.tail(20);
        if (!tail.isEmpty()) {
            console.text("Last lines of " + worker.consoleLog() + ":");
            tail.forEach(line -> console.text("  " + line));
        }
    }

    /**
     * Ctrl-C (SIGINT) or SIGTERM: the worker stops first, so it can commit offsets while the broker still runs. A
     * stop on request is a success, so the process ends with 0 rather than the JVM's 130/143.
     */
    private void stopOnSignal() {
        if (stopped.getCount() == 0) {
            return;
        }
        stopRequested = true;
        console.step("Stopping on request (Ctrl-C or SIGTERM)");
        stopAll();
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    private synchronized void stopAll() {
        if (stopped.getCount() == 0) {
            return;
        }
        if (worker != null) {
            console.step("Stopping the worker");
            if (!worker.stop()) {
                console.step("  the worker did not stop in time and was killed");
            }
        }
        if (topic != null) {
            topic.close();
        }
        if (broker != null) {
            console.step("Stopping the Kafka broker");
            broker.close();
        }
        console.step("Stopped. Data kept in " + options.workDir() + "; run again to resume.");
        stopped.countDown();
    }
}
