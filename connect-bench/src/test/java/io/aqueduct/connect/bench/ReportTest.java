package io.aqueduct.connect.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ReportTest {

    private static final Metric RATE = Metric.throughput("source.string.rate", "Source");
    private static final Metric STARTUP = Metric.seconds("startup", "Start-up");

    @Test
    void statsGiveMedianMinAndMaxForOddAndEvenCounts() {
        assertEquals(new Stats(3.0, 1.0, 9.0, 3), Stats.of(List.of(9.0, 1.0, 3.0)));
        assertEquals(new Stats(2.5, 1.0, 4.0, 4), Stats.of(List.of(4.0, 1.0, 2.0, 3.0)));
    }

    @Test
    void ratiosPairRunsOfTheSameRepetitionAndSkipUnpairedOnes() {
        Results results = new Results();
        results.record(RATE, "standalone", ConnectRuntime.AQUEDUCT, 1, 200);
        results.record(RATE, "standalone", ConnectRuntime.APACHE, 1, 100);
        results.record(RATE, "standalone", ConnectRuntime.AQUEDUCT, 2, 300);
        results.record(RATE, "standalone", ConnectRuntime.APACHE, 3, 50);
        results.record(RATE, "standalone", ConnectRuntime.AQUEDUCT, 3, 100);
        assertEquals(List.of(2.0, 2.0), results.ratios(new Results.Row(RATE, "standalone"), ConnectRuntime.AQUEDUCT,
                ConnectRuntime.APACHE));
    }

    @Test
    void tableShowsMedianRangeRatiosAndWhichDirectionIsBetter() {
        Results results = new Results();
        for (int rep = 1; rep <= 3; rep++) {
            results.record(RATE, "standalone", ConnectRuntime.AQUEDUCT, rep, 1000.0 * rep);
            results.record(RATE, "standalone", ConnectRuntime.APACHE, rep, 500.0 * rep);
        }
        results.record(STARTUP, "standalone", ConnectRuntime.AQUEDUCT, 1, 1.5);
        results.unavailable(STARTUP, "standalone", ConnectRuntime.APACHE, "exited | code 1");

        String table = Report.comparisonTable(results);

        assertTrue(table.contains("| Source | standalone | records/s | higher | 2,000 [1,000 – 3,000] | 1,000 [500 – 1,500] "
                + "| 2.00, 2.00, 2.00 (2.00) |"), table);
        assertTrue(table.contains("| Start-up | standalone | s | lower | 1.50 | not available: exited / code 1 | – |"), table);
    }

    @Test
    void rawClientRowsGoToTheirOwnTable() {
        Results results = new Results();
        results.record(RawClients.CONSUMER, RawClients.MODE, RawClients.MODE, 1, 123456);
        assertFalse(Report.comparisonTable(results).contains("Raw consumer"));
        assertTrue(Report.rawClientTable(results).contains("| Raw consumer, sink consumer settings (both runtimes) "
                + "| records/s | 123,456 |"));
    }

    @Test
    void declaredRowsKeepTheirOrderEvenWhenRecordedLater() {
        Results results = new Results();
        results.declare(STARTUP, "standalone");
        results.declare(RATE, "standalone");
        results.record(RATE, "standalone", ConnectRuntime.APACHE, 1, 10);
        results.record(STARTUP, "standalone", ConnectRuntime.APACHE, 1, 2);
        String table = Report.comparisonTable(results);
        assertTrue(table.indexOf("Start-up") < table.indexOf("Source"), table);
    }
}
