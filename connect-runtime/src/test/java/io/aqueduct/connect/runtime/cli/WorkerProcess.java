package io.aqueduct.connect.runtime.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A worker started the way users start it: {@code bin/connect-standalone.sh} in its own JVM. */
final class WorkerProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("REST server listening on \\[(http://[^\\]/]+/)\\]");

    final Process process;
    final long startedNanos = System.nanoTime();
    private final List<String> output = new CopyOnWriteArrayList<>();

    private WorkerProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "worker-process-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** The source tree root: the parent of the module the tests run in. */
    static Path sourceRoot() {
        Path root = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
        if (!Files.isDirectory(root.resolve("connect-runtime/target/dependency"))) {
            throw new AssertionError("connect-runtime/target/dependency is missing under " + root + ": these tests "
                    + "start bin/connect-standalone.sh and need `./mvnw package` (or verify) to have run");
        }
        return root;
    }

    static WorkerProcess start(Path logDir, String... args) throws IOException {
        return startScript("bin/connect-standalone.sh", logDir, args);
    }

    /** Starts {@code script} (relative to the source root, e.g. {@code bin/connect-distributed.sh}). */
    static WorkerProcess startScript(String script, Path logDir, String... args) throws IOException {
        Path root = sourceRoot();
        List<String> command = new ArrayList<>();
        command.add(root.resolve(script).toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("AQUEDUCT_LOG_DIR", logDir.toString());
        builder.environment().put("AQUEDUCT_HEAP_OPTS", "-Xms64m -Xmx256m");
        builder.environment().put("AQUEDUCT_OPTS", "-XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        return new WorkerProcess(builder.start());
    }

    List<String> output() {
        return output;
    }

    boolean printed(String text) {
        return output.stream().anyMatch(line -> line.contains(text));
    }

    /** The REST base URL once the server logged it. */
    URI restUrl(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : output) {
                Matcher matcher = LISTENING.matcher(line);
                if (matcher.find()) {
                    return URI.create(matcher.group(1));
                }
            }
            if (!process.isAlive()) {
                throw new AssertionError("The worker exited with " + process.exitValue() + ":\n" + String.join("\n", output));
            }
            pause();
        }
        throw new AssertionError("The worker did not log its REST URL within " + timeout + ":\n" + String.join("\n", output));
    }

    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("The worker did not exit within " + timeout + ":\n" + String.join("\n", output));
        }
        return process.exitValue();
    }

    static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
