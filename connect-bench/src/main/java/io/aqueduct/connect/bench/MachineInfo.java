package io.aqueduct.connect.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A description of the machine the benchmark ran on, for the report. */
final class MachineInfo {

    private MachineInfo() {
    }

    static String describe() {
        return "- CPU: " + cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores visible to the JVM\n"
                + "- Memory: " + memory() + "\n"
                + "- OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                + System.getProperty("os.arch") + ")\n"
                + "- Java: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + "\n";
    }

    /** The 1, 5 and 15 minute load averages, e.g. "1.52 3.91 4.07". */
    static String loadAverage() {
        String text = read("/proc/loadavg");
        String[] parts = text.trim().split("\\s+");
        return parts.length >= 3 ? parts[0] + " " + parts[1] + " " + parts[2] : "unknown";
    }

    /** The short hash of the checked-out commit (with "+changes" if the tree is dirty), or "unknown". */
    static String gitCommit() {
        try {
            Process git = new ProcessBuilder("git", "describe", "--always", "--dirty=+changes").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes()).trim();
            return git.waitFor() == 0 && !out.isEmpty() ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static String cpuModel() {
        for (String line : read("/proc/cpuinfo").split("\n")) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return "unknown";
    }

    private static String memory() {
        for (String line : read("/proc/meminfo").split("\n")) {
            if (line.startsWith("MemTotal:")) {
                long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                return String.format(java.util.Locale.ROOT, "%.1f GiB", kb / 1048576.0);
            }
        }
        return "unknown";
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            return "";
        }
    }
}
