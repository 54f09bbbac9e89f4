package io.aqueduct.connect.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * CPU time and resident memory of another process, read from Linux's {@code /proc}. The benchmark measures
 * each worker JVM from outside so that both runtimes are measured the same way.
 */
final class ProcStats {

    private static final long CLOCK_TICKS_PER_SECOND = clockTicks();

    private ProcStats() {
    }

    /** User plus system CPU seconds the process has used so far. */
    static double cpuSeconds(long pid) {
        return cpuSecondsFromStat(read(Path.of("/proc", Long.toString(pid), "stat")), CLOCK_TICKS_PER_SECOND);
    }

    /** Resident set size in bytes ({@code VmRSS}). */
    static long rssBytes(long pid) {
        return rssBytesFromStatus(read(Path.of("/proc", Long.toString(pid), "status")));
    }

    static double cpuSecondsFromStat(String stat, long ticksPerSecond) {
        // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
        int end = stat.lastIndexOf(')');
        if (end < 0) {
            throw new IllegalArgumentException("Not a /proc/<pid>/stat line: " + stat);
        }
        String[] fields = stat.substring(end + 2).trim().split("\\s+");
        // fields[0] is field 3 (state); utime is field 14 and stime field 15.
        long utime = Long.parseLong(fields[11]);
        long stime = Long.parseLong(fields[12]);
        return (utime + stime) / (double) ticksPerSecond;
    }

    static long rssBytesFromStatus(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                long value = Long.parseLong(parts[0]);
                if (parts.length > 1 && !parts[1].equalsIgnoreCase("kB")) {
                    throw new IllegalArgumentException("Unexpected VmRSS unit in: " + line);
                }
                return value * 1024;
            }
        }
        throw new IllegalArgumentException("No VmRSS line in /proc/<pid>/status (has the process exited?)");
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + path + " (has the process exited? this benchmark needs Linux /proc)", e);
        }
    }

    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes()).trim();
            if (getconf.waitFor(5, TimeUnit.SECONDS) && getconf.exitValue() == 0) {
                return Long.parseLong(out);
            }
        } catch (IOException | NumberFormatException e) {
            // fall through to the value every mainstream Linux uses
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 100;
    }
}
