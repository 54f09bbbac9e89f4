package io.aqueduct.connect.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders {@link Results} as Markdown tables: median, min and max per runtime and the ratio of each pair of runs. */
final class Report {

    private Report() {
    }

    /** The side-by-side table: every row measured for Aqueduct or Apache. */
    static String comparisonTable(Results results) {
        StringBuilder out = new StringBuilder();
        out.append("| Metric | Mode | Unit | Better | Aqueduct median [min – max] | Apache median [min – max] "
                + "| Aqueduct/Apache per run (median) |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        for (Map.Entry<Results.Row, Map<String, Results.Cell>> entry : results.rows().entrySet()) {
            Results.Row row = entry.getKey();
            if (row.mode().equals(RawClients.MODE)) {
                continue;
            }
            Metric metric = row.metric();
            out.append("| ").append(metric.label())
                    .append(" | ").append(row.mode())
                    .append(" | ").append(metric.unit())
                    .append(" | ").append(metric.higherIsBetter() ? "higher" : "lower")
                    .append(" | ").append(cell(entry.getValue().get(ConnectRuntime.AQUEDUCT), metric))
                    .append(" | ").append(cell(entry.getValue().get(ConnectRuntime.APACHE), metric))
                    .append(" | ").append(ratios(results.ratios(row, ConnectRuntime.AQUEDUCT, ConnectRuntime.APACHE)))
                    .append(" |\n");
        }
        return out.toString();
    }

    /** The physical-limit table: the raw clients on the same broker. */
    static String rawClientTable(Results results) {
        StringBuilder out = new StringBuilder();
        out.append("| Metric | Unit | median [min – max] |\n|---|---|---|\n");
        for (Map.Entry<Results.Row, Map<String, Results.Cell>> entry : results.rows().entrySet()) {
            if (entry.getKey().mode().equals(RawClients.MODE)) {
                Metric metric = entry.getKey().metric();
                out.append("| ").append(metric.label()).append(" | ").append(metric.unit()).append(" | ")
                        .append(cell(entry.getValue().get(RawClients.MODE), metric)).append(" |\n");
            }
        }
        return out.toString();
    }

    /**
     * Aqueduct's source throughput as a share of the raw producer with Aqueduct's settings, per repetition: against
     * the producer in a fresh JVM like the worker's, and against the one in the runner's warmed-up JVM.
     */
    static String sourceVersusRawTable(Results results) {
        StringBuilder out = new StringBuilder();
        out.append("| Source scenario | Mode | Aqueduct / raw producer in its own JVM, per run (median) "
                + "| Aqueduct / raw producer in the runner's JVM, per run (median) |\n|---|---|---|---|\n");
        Results.Row ownJvm = new Results.Row(RawClients.ProducerProfile.AQUEDUCT.ownJvmMetric(), RawClients.MODE);
        Results.Row inRunner = new Results.Row(RawClients.ProducerProfile.AQUEDUCT.metric(), RawClients.MODE);
        for (ConnectorConfigs.Format format : ConnectorConfigs.Format.values()) {
            for (ConnectRuntime.Mode mode : ConnectRuntime.Mode.values()) {
                Results.Row source = new Results.Row(ThroughputScenarios.sourceRate(format), mode.label());
                Results.Cell aqueduct = results.get(source, ConnectRuntime.AQUEDUCT);
                if (aqueduct == null || aqueduct.byRepetition.isEmpty()) {
                    continue;
                }
                out.append("| ").append(source.metric().label()).append(" | ").append(mode.label()).append(" | ")
                        .append(ratios(Results.ratios(aqueduct, results.get(ownJvm, RawClients.MODE)))).append(" | ")
                        .append(ratios(Results.ratios(aqueduct, results.get(inRunner, RawClients.MODE)))).append(" |\n");
            }
        }
        return out.toString();
    }

    static String cell(Results.Cell cell, Metric metric) {
        if (cell == null) {
            return "–";
        }
        List<String> parts = new ArrayList<>();
        if (!cell.byRepetition.isEmpty()) {
            Stats stats = Stats.of(cell.values());
            parts.add(stats.count() == 1 ? format(stats.median(), metric)
                    : format(stats.median(), metric) + " [" + format(stats.min(), metric) + " – "
                    + format(stats.max(), metric) + "]");
        }
        for (String reason : cell.unavailable) {
            parts.add("not available: " + reason.replace("|", "/"));
        }
        return String.join("; ", parts);
    }

    static String ratios(List<Double> ratios) {
        if (ratios.isEmpty()) {
            return "–";
        }
        List<String> each = new ArrayList<>();
        ratios.forEach(r -> each.add(ratio(r)));
        String text = String.join(", ", each);
        return ratios.size() == 1 ? text : text + " (" + ratio(Stats.of(ratios).median()) + ")";
    }

    /** Two decimals, or three significant digits for ratios below 0.1 so that they do not print as 0.00. */
    static String ratio(double value) {
        return value >= 0.1 ? String.format(Locale.ROOT, "%.2f", value)
                : new java.math.BigDecimal(value).round(new java.math.MathContext(3)).toPlainString();
    }

    static String format(double value, Metric metric) {
        return switch (metric.unit()) {
            case "records/s", "MiB" -> String.format(Locale.ROOT, "%,.0f", value);
            default -> String.format(Locale.ROOT, "%.2f", value);
        };
    }
}
