package io.aqueduct.connect.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProcStatsTest {

    @Test
    void cpuSecondsAddsUserAndSystemTicksAfterACommandNameWithSpacesAndParentheses() {
        String stat = "4242 (java (worker) x) S 1 4242 4242 0 -1 4194560 12345 0 0 0 250 130 0 0 20 0 40 0 12 "
                + "3000000000 50000 18446744073709551615 1 1 0 0 0 0 0 4096 0 0 0 0 17 1 0 0 0 0 0";
        assertEquals(3.8, ProcStats.cpuSecondsFromStat(stat, 100), 1e-9);
    }

    @Test
    void rssIsReadFromVmRssInKibibytes() {
        String status = "Name:\tjava\nVmPeak:\t 9000 kB\nVmRSS:\t  123456 kB\nThreads:\t42\n";
        assertEquals(123456L * 1024, ProcStats.rssBytesFromStatus(status));
    }

    @Test
    void missingVmRssIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProcStats.rssBytesFromStatus("Name:\tzombie\n"));
        assertTrue(e.getMessage().contains("VmRSS"));
    }

    @Test
    void readsThisJvmsOwnCpuAndMemory() {
        long pid = ProcessHandle.current().pid();
        assertTrue(ProcStats.cpuSeconds(pid) > 0);
        assertTrue(ProcStats.rssBytes(pid) > 1024 * 1024);
    }
}
