package io.aqueduct.connect.distribution;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A bin/ script of the unpacked distribution running in its own process, with its output collected. */
final class ScriptProcess implements AutoCloseable {

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private ScriptProcess(Process process) {
        this.process = process;
        reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "script-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code command} in {@code directory} with small JVMs. */
    static ScriptProcess start(Path directory, Map<String, String> env, String... command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().remove("AQUEDUCT_LOG_DIR");
        builder.environment().put("AQUEDUCT_HEAP_OPTS", "-Xms64m -Xmx256m");
        builder.environment().put("AQUEDUCT_QUICKSTART_HEAP_OPTS", "-Xms64m -Xmx384m");
        builder.environment().put("AQUEDUCT_OPTS", "-XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        builder.environment().putAll(env);
        return new ScriptProcess(builder.start());
    }

    String output() {
        return String.join("\n", output);
    }

    /** Waits until a line contains {@code text}; fails early if the process exits. */
    void awaitLine(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (output.stream().anyMatch(line -> line.contains(text))) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("Exited with " + process.exitValue() + " before printing '" + text + "':\n"
                        + output());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No line with '" + text + "' within " + timeout + ":\n" + output());
    }

    /** Waits for the process to end by itself and returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("Did not exit within " + timeout + ":\n" + output());
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        return process.exitValue();
    }

    /** Sends SIGTERM and returns the exit code, keeping the output the process prints while it stops. */
    int terminate(Duration timeout) throws InterruptedException {
        // Process.destroy() would also close our end of the pipe and lose the last lines.
        process.toHandle().destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("Did not stop within " + timeout + " after SIGTERM:\n" + output());
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
