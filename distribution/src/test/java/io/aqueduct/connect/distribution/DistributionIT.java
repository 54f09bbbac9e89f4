package io.aqueduct.connect.distribution;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Unpacks the built tarball into a temporary directory and uses it as a user would: checks the layout, then starts
 * the development broker ({@code bin/connect-quickstart.sh --broker-only}) and a standalone worker
 * ({@code bin/connect-standalone.sh} with the shipped configuration, only ports and files moved) from it.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class DistributionIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static Path home;

    @BeforeAll
    static void unpack() throws Exception {
        Path tarball = Path.of(System.getProperty("aqueduct.distribution.tarball"));
        assertTrue(Files.isRegularFile(tarball), "the build produces " + tarball);
        Path base = Files.createDirectories(Path.of(System.getProperty("user.dir"), "target", "distribution-it"));
        Path into = Files.createTempDirectory(base, "unpacked-");
        Process tar = new ProcessBuilder("tar", "-xzf", tarball.toString(), "-C", into.toString())
                .redirectErrorStream(true).start();
        String tarOutput = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, tar.waitFor(), "tar failed: " + tarOutput);
        home = into.resolve(System.getProperty("aqueduct.distribution.name"));
        assertTrue(Files.isDirectory(home), "the tarball holds one directory named after the version");
    }

    @Test
    void layoutSeparatesTheWorkerThePluginsAndTheBroker() throws IOException {
        Path sourceRoot = Path.of(System.getProperty("user.dir")).getParent();
        for (String script : names(sourceRoot.resolve("bin"))) {
            assertTrue(Files.isExecutable(home.resolve("bin").resolve(script)), "bin/" + script + " is executable");
        }
        assertTrue(names(home.resolve("bin")).containsAll(List.of("connect-distributed.sh", "connect-standalone.sh",
                "connect-quickstart.sh", "aqueduct-run-class.sh")), "bin/: " + names(home.resolve("bin")));
        assertEquals(names(sourceRoot.resolve("config")), names(home.resolve("config")), "config/ ships every file");
        for (String workerConfig : List.of("connect-distributed.properties", "connect-standalone.properties")) {
            assertTrue(Files.readAllLines(home.resolve("config").resolve(workerConfig)).contains("plugin.path=plugins"),
                    workerConfig + " finds the plugins/ directory");
        }

        Set<String> libs = names(home.resolve("libs"));
        Set<String> workerClassPath = new TreeSet<>(names(sourceRoot.resolve("connect-runtime/target/dependency")));
        workerClassPath.removeIf(name -> name.startsWith("connect-file-"));
        workerClassPath.add("connect-runtime-" + version() + ".jar");
        assertEquals(workerClassPath, libs, "libs/ is the worker's runtime class path, without connect-file");
        assertTrue(libs.stream().noneMatch(name -> name.startsWith("kafka_") || name.startsWith("scala-")
                || name.startsWith("kafka-server") || name.startsWith("kafka-raft")), "no broker jars in libs/: " + libs);

        assertEquals(Set.of("connect-file-" + version() + ".jar"), names(home.resolve("plugins/connect-file")),
                "connect-file is a plugin directory of its own");

        Set<String> quickstart = names(home.resolve("quickstart/libs"));
        assertTrue(quickstart.contains("connect-quickstart-" + version() + ".jar"), "quickstart/libs/: " + quickstart);
        assertTrue(quickstart.stream().anyMatch(name -> name.startsWith("kafka_2.13-")), "the broker: " + quickstart);
        Set<String> shared = new TreeSet<>(quickstart);
        shared.retainAll(libs);
        assertEquals(Set.of(), shared, "quickstart/libs/ adds to libs/ and repeats nothing");
    }

    @Test
    void standaloneWorkerRunsFromTheUnpackedTreeAgainstTheQuickstartBroker() throws Exception {
        List<Integer> ports = freePorts(3);
        Path workDir = Files.createTempDirectory(home.getParent(), "work-");
        try (ScriptProcess broker = ScriptProcess.start(home, Map.of(), home.resolve("bin/connect-quickstart.sh").toString(),
                "--broker-only", "--work-dir", workDir.toString(), "--broker-port", ports.get(0).toString(),
                "--controller-port", ports.get(1).toString())) {
            broker.awaitLine("Kafka broker up at localhost:" + ports.get(0), START_TIMEOUT);

            Path workerConfig = workDir.resolve("connect-standalone.properties");
            String shipped = Files.readString(home.resolve("config/connect-standalone.properties"));
            Files.writeString(workerConfig, shipped
                    .replace("bootstrap.servers=localhost:9092", "bootstrap.servers=localhost:" + ports.get(0))
                    .replace("listeners=http://localhost:8083", "listeners=http://localhost:" + ports.get(2))
                    .replace("/tmp/aqueduct-connect.offsets", workDir.resolve("offsets").toString()));

            try (ScriptProcess worker = ScriptProcess.start(home, Map.of(),
                    home.resolve("bin/connect-standalone.sh").toString(), workerConfig.toString())) {
                worker.awaitLine("Aqueduct standalone worker ready", START_TIMEOUT);
                URI rest = URI.create("http://localhost:" + ports.get(2) + "/");

                HttpResponse<String> root = get(rest);
                assertEquals(200, root.statusCode(), root.body());
                assertTrue(root.body().contains("\"version\""), root.body());
                HttpResponse<String> plugins = get(rest.resolve("connector-plugins"));
                assertEquals(200, plugins.statusCode(), plugins.body());
                assertTrue(plugins.body().contains("FileStreamSourceConnector"), "loaded from plugins/: " + plugins.body());
                assertTrue(plugins.body().contains("FileStreamSinkConnector"), plugins.body());

                assertEquals(0, worker.terminate(Duration.ofSeconds(60)), worker.output());
                String log = Files.readString(home.resolve("logs/connect.log"));
                assertTrue(log.contains("Aqueduct standalone worker ready"), "logs also go to <home>/logs/connect.log");
            }
            assertEquals(0, broker.terminate(Duration.ofSeconds(60)), broker.output());
            assertTrue(broker.output().contains("Stopped."), broker.output());
        }
    }

    @Test
    void quickstartDemoRunsFromTheUnpackedTree() throws Exception {
        List<Integer> ports = freePorts(3);
        Path workDir = Files.createTempDirectory(home.getParent(), "demo-");
        try (ScriptProcess demo = ScriptProcess.start(home, Map.of(), home.resolve("bin/connect-quickstart.sh").toString(),
                "--demo-and-exit", "--work-dir", workDir.toString(), "--broker-port", ports.get(0).toString(),
                "--controller-port", ports.get(1).toString(), "--rest-port", ports.get(2).toString())) {
            assertEquals(0, demo.awaitExit(Duration.ofMinutes(3)), demo.output());
            assertTrue(demo.output().contains("bin/connect-distributed.sh"), "a distributed worker: " + demo.output());
            assertTrue(demo.output().contains("Records flowing: all 10 input lines arrived"), demo.output());
            assertEquals(Files.readAllLines(workDir.resolve("demo/input.txt")),
                    Files.readAllLines(workDir.resolve("demo/output.txt")), demo.output());
        }
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String version() {
        return System.getProperty("aqueduct.distribution.name").substring("aqueduct-".length());
    }

    private static Set<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static List<Integer> freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                sockets.add(socket);
                ports.add(socket.getLocalPort());
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }
}
