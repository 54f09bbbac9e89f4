package io.aqueduct.connect.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void fullRunDefaultsMatchTheIssue() {
        BenchOptions options = BenchOptions.parse();
        assertEquals(2_000_000, options.lines());
        assertEquals(3, options.repetitions());
        assertEquals(3, options.failoverRepetitions());
        assertEquals(BenchOptions.ALL_SCENARIOS, options.scenarios());
        assertEquals(20, options.footprintConnectors());
        assertEquals(Path.of("docs", "performance.md"), options.output());
    }

    @Test
    void smokeIsTinyStandaloneAndRawOnlyAndDoesNotOverwriteThePublishedReport() {
        BenchOptions options = BenchOptions.parse("--smoke");
        assertTrue(options.smoke());
        assertEquals(1, options.repetitions());
        assertTrue(options.lines() <= 10_000);
        assertEquals(Set.of("standalone", "raw"), options.scenarios());
        assertTrue(options.output().startsWith(Path.of("connect-bench", "target")));
    }

    @Test
    void optionsOverrideDefaultsAndKeepTheCommandLine() {
        BenchOptions options = BenchOptions.parse("--reps", "5", "--lines", "200,000", "--scenarios", "raw,failover",
                "--failover-reps", "1", "--worker-jvm-opts", "-Xmx2g  -XX:+UseParallelGC", "--out", "-");
        assertEquals(5, options.repetitions());
        assertEquals(200_000, options.lines());
        assertEquals(1, options.failoverRepetitions());
        assertEquals(Set.of("raw", "failover"), options.scenarios());
        assertEquals(List.of("-Xmx2g", "-XX:+UseParallelGC"), options.workerJvmOptions());
        assertNull(options.output());
        assertTrue(options.command().contains("--reps 5"));
    }

    @Test
    void badOptionsNameTheOptionAndTheValue() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--fast"));
        assertTrue(unknown.getMessage().startsWith("Unknown option --fast"));
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> BenchOptions.parse("--reps", "-1"));
        assertTrue(negative.getMessage().contains("--reps") && negative.getMessage().contains("-1"));
        IllegalArgumentException scenario = assertThrows(IllegalArgumentException.class,
                () -> BenchOptions.parse("--scenarios", "standalone,bogus"));
        assertTrue(scenario.getMessage().contains("bogus"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--lines"));
    }
}
