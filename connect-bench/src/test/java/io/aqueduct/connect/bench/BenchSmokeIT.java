package io.aqueduct.connect.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The benchmark's smoke run, so the tool cannot rot: tiny data, one repetition, standalone mode, both
 * runtimes side by side on a real broker. Apache's jars come from the build (bench/apache-connect/pom.xml);
 * if they are missing this fails rather than skips.
 */
class BenchSmokeIT {

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void smokeRunMeasuresEveryStandaloneScenarioForEveryRuntimeThatHasAStandaloneMain() throws Exception {
        Path target = Path.of("target");
        Path out = target.resolve("smoke-performance.md");
        Files.deleteIfExists(out);
        BenchOptions options = BenchOptions.parse("--smoke", "--out", out.toString(),
                "--run-dir", target.resolve("smoke-run").toString(),
                "--aqueduct-classpath", System.getProperty("bench.aqueduct.classpath", "target/aqueduct.classpath"),
                "--apache-lib", System.getProperty("bench.apache.lib", "target/apache-connect/lib"));

        ConnectRuntime apache = ConnectRuntime.apache(options.apacheLibDir());
        ConnectRuntime aqueduct = ConnectRuntime.aqueduct(options.aqueductClassPathFile());
        assertTrue(apache.hasClass(apache.standaloneMain()), "Apache's jars lack " + apache.standaloneMain());

        BenchMain.Outcome outcome = BenchMain.execute(options);

        List<Metric> standalone = new java.util.ArrayList<>(List.of(StandaloneSuite.STARTUP, StandaloneSuite.RSS_IDLE,
                StandaloneSuite.rssWithConnectors(options.footprintConnectors())));
        standalone.addAll(ThroughputScenarios.metrics());
        for (ConnectRuntime runtime : List.of(aqueduct, apache)) {
            boolean runnable = runtime.hasClass(runtime.standaloneMain());
            for (Metric metric : standalone) {
                Results.Cell cell = outcome.results().get(new Results.Row(metric, "standalone"), runtime.name());
                assertNotNull(cell, runtime.name() + " has no row for " + metric.id());
                if (runnable) {
                    assertEquals(List.of(), cell.unavailable, runtime.name() + " " + metric.id());
                    assertEquals(1, cell.byRepetition.size(), runtime.name() + " " + metric.id());
                    assertTrue(cell.byRepetition.get(1) > 0, runtime.name() + " " + metric.id());
                } else {
                    // A runtime without a standalone main is reported as such, not as a crash.
                    assertTrue(cell.unavailable.get(0).contains("no standalone main"), cell.unavailable.toString());
                }
            }
        }
        for (Metric metric : RawClients.metrics()) {
            Results.Cell cell = outcome.results().get(new Results.Row(metric, RawClients.MODE), RawClients.MODE);
            assertTrue(cell.byRepetition.get(1) > 0, metric.id());
        }
        String report = Files.readString(out);
        assertEquals(outcome.report(), report);
        assertTrue(report.contains("| FileStream source -> Kafka, StringConverter | standalone | records/s |"), report);
        assertTrue(report.contains("## Physical limit"), report);
    }

    @Test
    void aMissingApacheLibraryIsALoudError() {
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> ConnectRuntime.apache(Path.of("target", "no-such-dir")));
        assertTrue(e.getMessage().contains("bench/apache-connect/pom.xml"), e.getMessage());
    }
}
