package io.aqueduct.connect.bench;

/**
 * One quantity the benchmark reports.
 *
 * @param id stable key, e.g. {@code source.string.records_per_s}
 * @param label what the table shows
 * @param unit unit shown next to the label
 * @param higherIsBetter whether a larger value is an improvement (throughput) or not (time, CPU, memory)
 */
record Metric(String id, String label, String unit, boolean higherIsBetter) {

    static Metric throughput(String id, String label) {
        return new Metric(id, label, "records/s", true);
    }

    static Metric seconds(String id, String label) {
        return new Metric(id, label, "s", false);
    }

    static Metric cpuPerMillion(String id, String label) {
        return new Metric(id, label, "CPU-s per 1M records", false);
    }

    static Metric megabytes(String id, String label) {
        return new Metric(id, label, "MiB", false);
    }
}
