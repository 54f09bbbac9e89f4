package io.aqueduct.connect.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker JVM of either runtime, started with {@link ProcessBuilder} from a worker properties file. Both
 * runtimes get the same JVM options; stdout and stderr go to a file in the run directory.
 */
final class WorkerProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WorkerProcess.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final ConnectRuntime runtime;
    private final String name;
    private final Process process;
    private final long startNanos;
    private final int port;
    private final Path outputFile;
    private final RestClient rest;

    private WorkerProcess(ConnectRuntime runtime, String name, Process process, long startNanos, int port, Path outputFile) {
        this.runtime = runtime;
        this.name = name;
        this.process = process;
        this.startNanos = startNanos;
        this.port = port;
        this.outputFile = outputFile;
        this.rest = new RestClient("http://127.0.0.1:" + port);
    }

    /**
     * Launches a worker. The worker properties must already name {@code port} in {@code listeners}.
     *
     * @throws WorkerUnavailableException if the runtime has no main for this mode or the JVM cannot start
     */
    static WorkerProcess launch(ConnectRuntime runtime, ConnectRuntime.Mode mode, Path workerProperties, int port,
                                Path runDir, String name, List<String> jvmOptions) throws WorkerUnavailableException {
        String main = runtime.main(mode);
        if (!runtime.hasClass(main)) {
            throw new WorkerUnavailableException("no " + mode.label() + " main yet (" + main.substring(main.lastIndexOf('.') + 1)
                    + " is not on " + runtime.name() + "'s class path)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(runtime.loggingOptions(runDir, name));
        command.add("-cp");
        command.add(runtime.classPath());
        command.add(main);
        command.add(workerProperties.toString());
        Path output = runDir.resolve(name + ".out");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile()).directory(runDir.toFile());
        long startNanos = System.nanoTime();
        try {
            Process process = builder.start();
            log.info("Started {} {} worker {} (pid {}, REST port {})", runtime.name(), mode.label(), name, process.pid(), port);
            return new WorkerProcess(runtime, name, process, startNanos, port, output);
        } catch (IOException e) {
            throw new WorkerUnavailableException("Cannot start " + runtime.name() + " (" + main + "): " + e.getMessage());
        }
    }

    /**
     * Waits until {@code GET /} answers 200 and returns the seconds since the process was started.
     *
     * @throws WorkerUnavailableException if the process exits or does not answer within {@code timeout}
     */
    double awaitRestReady(Duration timeout) throws WorkerUnavailableException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new WorkerUnavailableException(runtime.name() + " worker " + name + " exited with code "
                        + process.exitValue() + " before its REST API answered; last output:\n" + outputTail());
            }
            try {
                if (rest.get("/").status() == 200) {
                    return (System.nanoTime() - startNanos) / 1e9;
                }
            } catch (IOException notYetListening) {
                // keep polling until the deadline
            }
            Poll.pause();
        }
        throw new WorkerUnavailableException(runtime.name() + " worker " + name + " did not answer GET / within "
                + timeout.toSeconds() + " s; last output:\n" + outputTail());
    }

    RestClient rest() {
        return rest;
    }

    int port() {
        return port;
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    long startNanos() {
        return startNanos;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    double cpuSeconds() {
        return ProcStats.cpuSeconds(process.pid());
    }

    long rssBytes() {
        return ProcStats.rssBytes(process.pid());
    }

    /** SIGKILL: the worker gets no chance to hand anything over. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** SIGTERM, the graceful stop; returns the seconds until the process exited (SIGKILL after a minute). */
    double stopGracefully() throws InterruptedException {
        long start = System.nanoTime();
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            log.warn("{} worker {} ignored SIGTERM for {} s; killing it", runtime.name(), name, STOP_TIMEOUT.toSeconds());
            kill();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stopGracefully();
        }
    }

    String outputTail() {
        try {
            List<String> lines = Files.readAllLines(outputFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + outputFile + ": " + e.getMessage() + ")";
        }
    }

    /** A port that was free a moment ago, for a worker's {@code listeners}. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free port on this machine", e);
        }
    }
}
