package io.aqueduct.connect.quickstart;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs {@code bin/connect-quickstart.sh --demo-and-exit} from the source tree as a user does, on free ports and a
 * fresh work directory, so it never meets a real broker on 9092 or a worker on 8083.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class QuickstartIT {

    private record Run(int exitCode, String output) {
    }

    @Test
    void demoDeliversEverySampleLineAndASecondRunResumesWithoutCopyingTwice() throws Exception {
        Path workDir = freshWorkDir("demo");
        List<String> ports = freePorts();
        Path output = workDir.resolve("demo/output.txt");

        Run first = quickstart(workDir, "--demo-and-exit", "--broker-port", ports.get(0), "--controller-port",
                ports.get(1), "--rest-port", ports.get(2));

        assertEquals(0, first.exitCode(), first.output());
        assertEquals(DemoPipeline.SAMPLE_LINES, Files.readAllLines(output, StandardCharsets.UTF_8), first.output());
        assertTrue(first.output().contains("(new data directory)"), first.output());
        assertTrue(first.output().contains("Connector " + DemoPipeline.SOURCE + " RUNNING"), first.output());
        assertTrue(first.output().contains("Connector " + DemoPipeline.SINK + " RUNNING"), first.output());
        assertTrue(first.output().contains("records in topic " + DemoPipeline.TOPIC), first.output());
        assertTrue(Files.exists(workDir.resolve("logs/connect.log")), "the worker logs into the work directory");
        assertTrue(Files.exists(workDir.resolve("logs/quickstart-broker.log")), "the broker logs into the work directory");

        Files.writeString(workDir.resolve("demo/input.txt"), "a line added between runs\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        Run second = quickstart(workDir, "--demo-and-exit", "--broker-port", ports.get(0), "--controller-port",
                ports.get(1), "--rest-port", ports.get(2));

        assertEquals(0, second.exitCode(), second.output());
        assertTrue(second.output().contains("(resumed the data of an earlier run)"), second.output());
        assertTrue(second.output().contains("Updated connector " + DemoPipeline.SOURCE), second.output());
        List<String> expected = new ArrayList<>(DemoPipeline.SAMPLE_LINES);
        expected.add("a line added between runs");
        assertEquals(expected, Files.readAllLines(output, StandardCharsets.UTF_8),
                "the second run copies only the new line: " + second.output());
    }

    @Test
    void aPortInUseFailsWithTheOptionThatMovesIt() throws Exception {
        Path workDir = freshWorkDir("busy-port");
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            List<String> ports = freePorts();
            Run run = quickstart(workDir, "--demo-and-exit", "--broker-port", Integer.toString(taken.getLocalPort()),
                    "--controller-port", ports.get(0), "--rest-port", ports.get(1));

            assertNotEquals(0, run.exitCode(), run.output());
            assertTrue(run.output().contains("Port " + taken.getLocalPort() + " on localhost is in use"), run.output());
            assertTrue(run.output().contains("--broker-port"), run.output());
        }
    }

    private static Run quickstart(Path workDir, String... args) throws IOException, InterruptedException {
        Path root = sourceRoot();
        List<String> command = new ArrayList<>();
        command.add(root.resolve("bin/connect-quickstart.sh").toString());
        command.add("--work-dir");
        command.add(workDir.toString());
        command.add("--timeout");
        command.add("150");
        command.addAll(List.of(args));
        Path console = Files.createTempFile(workDir.getParent(), "console-", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(console.toFile());
        builder.environment().put("AQUEDUCT_HEAP_OPTS", "-Xms64m -Xmx256m");
        builder.environment().put("AQUEDUCT_QUICKSTART_HEAP_OPTS", "-Xms64m -Xmx384m");
        builder.environment().put("AQUEDUCT_OPTS", "-XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        builder.environment().remove("AQUEDUCT_LOG_DIR");
        Process process = builder.start();
        if (!process.waitFor(4, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("The quickstart did not exit:\n" + Files.readString(console));
        }
        return new Run(process.exitValue(), Files.readString(console, StandardCharsets.UTF_8));
    }

    private static Path sourceRoot() {
        Path root = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
        if (!Files.isDirectory(root.resolve("connect-quickstart/target/dependency"))
                || !Files.isDirectory(root.resolve("connect-runtime/target/dependency"))) {
            throw new AssertionError("The source tree under " + root + " is not packaged: this test starts "
                    + "bin/connect-quickstart.sh and needs `./mvnw package` (or verify) to have run");
        }
        return root;
    }

    private static Path freshWorkDir(String name) throws IOException {
        Path base = Files.createDirectories(Path.of(System.getProperty("user.dir"), "target", "quickstart-it"));
        return Files.createTempDirectory(base, name + "-");
    }

    /** Three ports that were free a moment ago; the quickstart checks them again and says so if one was taken. */
    private static List<String> freePorts() throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            List<String> ports = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ServerSocket socket = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
                sockets.add(socket);
                ports.add(Integer.toString(socket.getLocalPort()));
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }
}
